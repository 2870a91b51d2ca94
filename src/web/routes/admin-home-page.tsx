import { ArrowRight, CircleCheck, HeartHandshake, ListChecks } from 'lucide-react';
import { Link } from 'react-router';
import type { AuditPage } from '../../contract/audit.ts';
import { Button } from '../components/button.tsx';
import { quietLinkClass } from '../components/link-classes.ts';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
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
  const pending = usePendingWaitlistCount();
  return (
    <section aria-labelledby="pending-title" className={`${cardClass} flex flex-col`}>
      <h2
        id="pending-title"
        className="flex items-center gap-2 text-sm font-medium text-foreground"
      >
        <ListChecks aria-hidden="true" className="size-4 text-muted-foreground" />
        Waitlist requests to decide
      </h2>
      {pending.isPending ? (
        <div
          aria-hidden="true"
          className="mt-3 h-10 w-16 animate-pulse rounded-md bg-surface-muted"
        />
      ) : pending.isError ? (
        <LoadProblem
          message={describeError(pending.error)}
          onRetry={() => void pending.refetch()}
        />
      ) : pending.data === 0 ? (
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
          <p className="mt-2">
            <span className="text-4xl font-semibold text-foreground tabular-nums">
              {pending.data}
            </span>{' '}
            <span className="text-muted-foreground">
              {pending.data === 1 ? 'person waits' : 'people wait'} for an answer
            </span>
          </p>
          <Link
            to="/admin/waitlist?status=pending"
            className={`mt-auto inline-flex items-center gap-1 pt-4 text-sm ${quietLinkClass}`}
          >
            Review pending requests
            <ArrowRight aria-hidden="true" className="size-4" />
          </Link>
        </>
      )}
    </section>
  );
}

/** Members who asked for a coach and wait for a first look. */
function NewCoachingInterest() {
  const count = useNewCoachingInterestCount();
  return (
    <section aria-labelledby="interest-title" className={`${cardClass} flex flex-col`}>
      <h2
        id="interest-title"
        className="flex items-center gap-2 text-sm font-medium text-foreground"
      >
        <HeartHandshake aria-hidden="true" className="size-4 text-muted-foreground" />
        Coaching interest to review
      </h2>
      {count.isPending ? (
        <div
          aria-hidden="true"
          className="mt-3 h-10 w-16 animate-pulse rounded-md bg-surface-muted"
        />
      ) : count.isError ? (
        <LoadProblem message={describeError(count.error)} onRetry={() => void count.refetch()} />
      ) : (
        <>
          <p className="mt-2">
            <span className="text-4xl font-semibold text-foreground tabular-nums">
              {count.data}
            </span>{' '}
            <span className="text-muted-foreground">
              new {count.data === 1 ? 'request' : 'requests'} for a coach
            </span>
          </p>
          <Link
            to={
              count.data === 0 ? '/admin/coaching-interest' : '/admin/coaching-interest?status=new'
            }
            className={`mt-auto inline-flex items-center gap-1 pt-4 text-sm ${quietLinkClass}`}
          >
            {count.data === 0 ? 'Open coaching interest' : 'Review new requests'}
            <ArrowRight aria-hidden="true" className="size-4" />
          </Link>
        </>
      )}
    </section>
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
        <LoadProblem message={describeError(events.error)} onRetry={() => void events.refetch()} />
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

function LoadProblem({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div role="alert" className="mt-3 text-sm">
      <p className="text-danger">This could not be loaded: {message}</p>
      <Button variant="secondary" size="sm" className="mt-2" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}
