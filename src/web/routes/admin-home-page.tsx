import type { UseQueryResult } from '@tanstack/react-query';
import { ArrowRight, CircleCheck, HeartHandshake, ListChecks, type LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { AuditPage } from '../../contract/audit.ts';
import { quietLinkClass } from '../components/link-classes.ts';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { SectionError } from '../components/page-state.tsx';
import {
  useNewCoachingInterestCount,
  usePendingWaitlistCount,
  useRecentAuditEvents,
} from '../hooks/use-admin-home.ts';
import { describeError } from '../lib/api-client.ts';
import { AUDIT_ACTION_LABELS } from '../lib/audit.ts';
import { timeAgo } from '../lib/relative-time.ts';

const cardClass = 'rounded-xl border border-border bg-surface p-5 shadow-card';

/** The admin area's first page: what needs a decision, and what changed lately. */
export function AdminHomePage() {
  return (
    <PageContainer>
      <PageHeader
        title="Overview"
        documentTitle="Admin"
        description="What needs your attention, and what changed lately."
      />
      <div className="grid gap-5 lg:grid-cols-[1fr_2fr]">
        <div className="space-y-5">
          <PendingRequests />
          <NewCoachingInterest />
        </div>
        <RecentActivity />
      </div>
    </PageContainer>
  );
}

function PendingRequests() {
  return (
    <CountCard
      id="pending-title"
      icon={ListChecks}
      title="Waitlist requests to decide"
      count={usePendingWaitlistCount()}
    >
      {(count) =>
        count === 0 ? (
          <>
            <p className="mt-3 flex items-center gap-2 text-foreground">
              <CircleCheck aria-hidden="true" className="size-5 text-success" />
              Nothing waiting: every request has an answer.
            </p>
            <Link to="/admin/waitlist" className={`mt-auto pt-4 text-sm ${quietLinkClass}`}>
              Open the waitlist
            </Link>
          </>
        ) : (
          <>
            <Counted count={count}>
              {count === 1 ? 'person waits' : 'people wait'} for an answer
            </Counted>
            <NextStep to="/admin/waitlist?status=pending">Review pending requests</NextStep>
          </>
        )
      }
    </CountCard>
  );
}

/** Members who asked for a coach and wait for a first look. */
function NewCoachingInterest() {
  return (
    <CountCard
      id="interest-title"
      icon={HeartHandshake}
      title="Coaching interest to review"
      count={useNewCoachingInterestCount()}
    >
      {(count) => (
        <>
          <Counted count={count}>new {count === 1 ? 'request' : 'requests'} for a coach</Counted>
          <NextStep
            to={count === 0 ? '/admin/coaching-interest' : '/admin/coaching-interest?status=new'}
          >
            {count === 0 ? 'Open coaching interest' : 'Review new requests'}
          </NextStep>
        </>
      )}
    </CountCard>
  );
}

/** A card that counts what waits for an admin: its title, then what `children` make of the count. */
function CountCard({
  id,
  icon: Icon,
  title,
  count,
  children,
}: {
  id: string;
  icon: LucideIcon;
  title: string;
  count: UseQueryResult<number>;
  children: (count: number) => ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={`${cardClass} flex flex-col`}>
      <h2 id={id} className="flex items-center gap-2 text-sm font-medium text-foreground">
        <Icon aria-hidden="true" className="size-4 text-muted-foreground" />
        {title}
      </h2>
      {count.isPending ? (
        <div
          aria-hidden="true"
          className="mt-3 h-10 w-16 animate-pulse rounded-md bg-surface-muted"
        />
      ) : count.isError ? (
        <LoadProblem error={count.error} onRetry={() => void count.refetch()} />
      ) : (
        children(count.data)
      )}
    </section>
  );
}

/** The count, large, and what it counts. */
function Counted({ count, children }: { count: number; children: ReactNode }) {
  return (
    <p className="mt-2">
      <span className="text-4xl font-semibold text-foreground tabular-nums">{count}</span>{' '}
      <span className="text-muted-foreground">{children}</span>
    </p>
  );
}

/** The link to where the counted things are, at the card's foot. */
function NextStep({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link
      to={to}
      className={`mt-auto inline-flex items-center gap-1 pt-4 text-sm ${quietLinkClass}`}
    >
      {children}
      <ArrowRight aria-hidden="true" className="size-4" />
    </Link>
  );
}

type AuditEntry = AuditPage['data'][number] & {
  actorEmail?: string | null;
  actorName?: string | null;
};

/** Who did it, as a person reads it: their name or email when the log has them. */
function actorOf(entry: AuditEntry): string {
  if (entry.actorName) return entry.actorName;
  if (entry.actorEmail) return entry.actorEmail;
  if (entry.actor.startsWith('cli:')) return `command line (${entry.actor.slice(4)})`;
  return 'an admin';
}

/** `waitlist:ada@example.com` → `ada@example.com`: the thing acted on, without its kind. */
function targetOf(entry: AuditEntry): string {
  const separator = entry.target.indexOf(':');
  return separator > 0 ? entry.target.slice(separator + 1) : entry.target;
}

function RecentActivity() {
  const events = useRecentAuditEvents();
  return (
    <section aria-labelledby="activity-title" className={cardClass}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="activity-title" className="text-sm font-medium text-foreground">
          Recent activity
        </h2>
        <Link to="/admin/audit-log" className={`text-sm ${quietLinkClass}`}>
          Open the audit log
        </Link>
      </div>
      {events.isPending ? (
        <ul aria-hidden="true" className="mt-3 divide-y divide-border">
          {[0, 1, 2].map((row) => (
            <li key={row} className="py-2.5">
              <div className="h-4 w-2/3 animate-pulse rounded bg-surface-muted" />
            </li>
          ))}
        </ul>
      ) : events.isError ? (
        <LoadProblem error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data.length === 0 ? (
        <p className="mt-3 text-sm text-muted-foreground">
          Nothing has changed yet. Approvals, rejections, role changes and imports are listed here
          as they happen.
        </p>
      ) : (
        <ol className="mt-2 divide-y divide-border">
          {events.data.map((entry: AuditEntry) => (
            <li
              key={entry.id}
              className="flex flex-col gap-x-4 gap-y-0.5 py-2.5 text-sm sm:flex-row sm:items-baseline"
            >
              <span className="font-medium text-foreground sm:w-56 sm:shrink-0">
                {AUDIT_ACTION_LABELS[entry.action] ?? entry.action}
              </span>
              <span className="min-w-0 flex-1 break-words text-foreground">{targetOf(entry)}</span>
              <span className="text-muted-foreground sm:text-right">
                by {actorOf(entry)},{' '}
                <time dateTime={entry.createdAt} title={new Date(entry.createdAt).toLocaleString()}>
                  {timeAgo(entry.createdAt)}
                </time>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function LoadProblem({ error, onRetry }: { error: Error; onRetry: () => void }) {
  return (
    <SectionError onRetry={onRetry}>This could not be loaded: {describeError(error)}</SectionError>
  );
}
