import { ArrowLeft } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { CoachingInterestView } from '../../contract/coaching-interest.ts';
import { buttonClasses } from '../components/button.tsx';
import { DateCell } from '../components/data-table/cells.tsx';
import { DetailLoading, NotFoundState } from '../components/detail-states.tsx';
import { InterestStatusBadge } from '../components/interest-status-badge.tsx';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ErrorState } from '../components/page-state.tsx';
import { useCoachingInterest } from '../hooks/use-coaching-interest.ts';
import { ApiRequestError } from '../lib/api-client.ts';
import { COACHING_FORMAT_LABELS, memberName } from '../lib/coaching-interest.ts';
import { MatchCoach } from './admin-coaching-interest/match-coach.tsx';
import { ReviewForm } from './admin-coaching-interest/review-form.tsx';

const cardClass = 'rounded-xl border border-border bg-surface p-5 shadow-card';

const backLink = (
  <Link to="/admin/coaching-interest" className={buttonClasses('secondary', 'sm')}>
    <ArrowLeft aria-hidden="true" className="size-4" />
    All submissions
  </Link>
);

/** One submission: everything the member sent, the admin's status and notes, and matching. */
export function AdminCoachingInterestDetailPage() {
  const { id = '' } = useParams();
  const submission = useCoachingInterest(id);

  // A failed first read replaces the page; a failed re-read keeps what was shown.
  if (submission.error && !submission.data) {
    const error = submission.error;
    // An address that is not a submission's id answers 400 (not a UUID) or 404: both are "not here".
    const missing = error instanceof ApiRequestError && [400, 404].includes(error.status);
    return missing ? (
      <NotFoundState title="Submission not found" actions={backLink}>
        There is no coaching interest submission at this address.
      </NotFoundState>
    ) : (
      <ErrorState
        title="The submission could not be loaded"
        error={error}
        onRetry={() => void submission.refetch()}
      />
    );
  }

  const data = submission.data;
  if (!data) {
    return (
      <DetailLoading label="Loading the submission…">
        <div className="grid gap-5 lg:grid-cols-[3fr_2fr]">
          <div aria-hidden="true" className="h-80 animate-pulse rounded-xl bg-surface-muted" />
          <div aria-hidden="true" className="h-80 animate-pulse rounded-xl bg-surface-muted" />
        </div>
      </DetailLoading>
    );
  }

  return (
    <PageContainer>
      <PageHeader
        title={memberName(data)}
        documentTitle="Coaching interest · Admin"
        description={<SubmittedLine submission={data} />}
        actions={backLink}
      />
      <div className="grid grid-cols-1 gap-5 pb-16 lg:grid-cols-[3fr_2fr]">
        <Card id="submission-title" title="What they asked for">
          <SubmissionDetails submission={data} />
        </Card>
        <div className="min-w-0 space-y-5">
          <Card id="review-title" title="Review">
            <ReviewForm submission={data} />
          </Card>
          <Card id="match-title" title="Match with a coach">
            <MatchCoach submission={data} />
          </Card>
        </div>
      </div>
    </PageContainer>
  );
}

function SubmittedLine({ submission }: { submission: CoachingInterestView }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <InterestStatusBadge status={submission.status} />
      <span>
        Submitted <DateCell iso={submission.createdAt} withTime />
      </span>
    </span>
  );
}

function Card({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={`${cardClass} min-w-0`}>
      <h2 id={id} className="text-sm font-medium text-foreground">
        {title}
      </h2>
      {children}
    </section>
  );
}

function SubmissionDetails({ submission }: { submission: CoachingInterestView }) {
  const rows: [string, ReactNode][] = [
    ['Member', memberName(submission)],
    ['Email', submission.member.email],
    ['Goals', submission.goals],
    ['Focus areas', submission.focusAreas.join(', ')],
    ['Format', COACHING_FORMAT_LABELS[submission.preferredFormat]],
    ['Availability', submission.availability || '—'],
    ['Message', submission.message || '—'],
    ['Last changed', <DateCell key="updated" iso={submission.updatedAt} withTime />],
  ];
  return (
    <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[8rem_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-muted-foreground">{label}</dt>
          <dd className="break-words whitespace-pre-line text-foreground">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
