import type { ReactNode } from 'react';
import { Button } from '../components/button.tsx';
import { quietLinkClass } from '../components/link-classes.ts';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { SystemStatus } from '../components/system-status.tsx';
import { type ServerReadiness, useLiveness, useReadiness } from '../hooks/use-readiness.ts';
import { formatUptime } from '../lib/relative-time.ts';

const DRIVERS: Record<ServerReadiness['database']['driver'], string> = {
  pglite: 'PGlite, embedded in this server (DATA_DIR)',
  postgres: 'PostgreSQL (DATABASE_URL)',
};

const TOKEN_SIGNING: Record<NonNullable<ServerReadiness['identity']>['tokenSigning'], string> = {
  ok: 'Working',
  failing: 'Failing: this server cannot sign API tokens',
  not_applicable: 'Done by Clerk',
  not_checked: 'Not checked while the database is not ready',
};

/** What the server says of itself (`/readyz`, `/healthz`): for admins, not for the public pages. */
export function AdminStatusPage() {
  const readiness = useReadiness();
  const liveness = useLiveness();
  const data = readiness.data;
  const checkedAt = readiness.dataUpdatedAt ? new Date(readiness.dataUpdatedAt) : null;

  return (
    <PageContainer>
      <PageHeader
        title="System status"
        description="This server's database, migrations and token signing, checked every minute."
        actions={
          <Button
            variant="secondary"
            size="sm"
            pending={readiness.isFetching}
            pendingLabel="Checking…"
            onClick={() => {
              void readiness.refetch();
              void liveness.refetch();
            }}
          >
            Check now
          </Button>
        }
      />
      <div className="flex flex-col gap-5">
        <section aria-label="Summary" className="rounded-xl border border-border bg-surface p-5">
          <SystemStatus readiness={data} failed={readiness.isError} />
          {readiness.isError && (
            <p className="mt-2 text-sm text-muted-foreground">
              {readiness.error.message}. The server may be restarting; this page checks again by
              itself.
            </p>
          )}
        </section>
        <section
          aria-labelledby="details-title"
          className="rounded-xl border border-border bg-surface p-5"
        >
          <h2 id="details-title" className="text-sm font-medium text-foreground">
            Details
          </h2>
          <dl className="mt-3 grid gap-x-8 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
            <Row term="Database">{data ? DRIVERS[data.database.driver] : '…'}</Row>
            <Row term="Reachable">{data ? (data.database.reachable ? 'Yes' : 'No') : '…'}</Row>
            <Row term="Migrations">
              {data
                ? `${data.database.migrations.applied} of ${data.database.migrations.expected} applied`
                : '…'}
            </Row>
            <Row term="Sign-in provider">
              {data?.identity
                ? data.identity.provider === 'local'
                  ? 'Embedded (Better Auth)'
                  : 'Clerk'
                : '…'}
            </Row>
            <Row term="API token signing">
              {data?.identity ? TOKEN_SIGNING[data.identity.tokenSigning] : '…'}
              {data?.identity?.problem && (
                <span className="mt-1 block text-muted-foreground">{data.identity.problem}</span>
              )}
            </Row>
            <Row term="Up for">
              {liveness.data
                ? formatUptime(liveness.data.uptimeSeconds)
                : liveness.isError
                  ? 'Unknown'
                  : '…'}
            </Row>
            <Row term="Last checked">
              {checkedAt ? (
                <time dateTime={checkedAt.toISOString()}>{checkedAt.toLocaleTimeString()}</time>
              ) : (
                '…'
              )}
            </Row>
          </dl>
        </section>
        <section
          aria-labelledby="endpoints-title"
          className="rounded-xl border border-border bg-surface p-5"
        >
          <h2 id="endpoints-title" className="text-sm font-medium text-foreground">
            For machines
          </h2>
          <ul className="mt-3 flex flex-col gap-2 text-sm">
            <li>
              <a href="/readyz" className={`font-mono ${quietLinkClass}`}>
                /readyz
              </a>{' '}
              <span className="text-muted-foreground">
                200 when ready, 503 when not (what a load balancer asks)
              </span>
            </li>
            <li>
              <a href="/healthz" className={`font-mono ${quietLinkClass}`}>
                /healthz
              </a>{' '}
              <span className="text-muted-foreground">the process is up</span>
            </li>
            <li>
              <a href="/api/docs/" className={quietLinkClass}>
                API docs
              </a>{' '}
              <span className="text-muted-foreground">
                and the{' '}
                <a href="/api/openapi.json" className={quietLinkClass}>
                  OpenAPI document
                </a>
              </span>
            </li>
          </ul>
        </section>
      </div>
    </PageContainer>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{term}</dt>
      <dd className="text-foreground">{children}</dd>
    </>
  );
}
