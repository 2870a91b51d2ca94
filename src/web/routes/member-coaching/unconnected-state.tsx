import { ArrowRight } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CoachingInterestView } from '../../../contract/coaching-interest.ts';
import type { RelationshipView } from '../../../contract/relationships.ts';
import { Alert } from '../../components/alert.tsx';
import { DateCell } from '../../components/data-table/cells.tsx';
import { quietLinkClass } from '../../components/link-classes.ts';
import { SectionError } from '../../components/page-state.tsx';
import {
  RelationshipActionButtons,
  type RelationshipActions,
} from '../../components/relationships/relationship-actions.tsx';
import { useMyCoachingInterest } from '../../hooks/use-coaching-interest.ts';
import { useFocusWhen } from '../../hooks/use-focus-when.ts';
import { COACHING_FORMAT_LABELS } from '../../lib/coaching-interest.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { partyName } from '../../lib/relationships.ts';
import { InterestForm, type InterestOutcome } from './interest-form.tsx';

const cardClass = 'rounded-xl border border-border bg-surface p-5 shadow-card';

/**
 * Seed 001's first state: no coach yet. What to do about it (ask for one, or find one in the
 * directory), the requests the member sent that wait for an answer, and their open submission in
 * place of the form once there is one.
 */
export function UnconnectedState({
  requests,
  actions,
}: {
  requests: RelationshipView[];
  /** The page's actions: withdrawing a request asks in the page's one dialog. */
  actions: RelationshipActions;
}) {
  return (
    <div className="space-y-6">
      <section aria-labelledby="no-coach-title" className="max-w-2xl">
        <h2
          id="no-coach-title"
          className="font-display text-2xl font-semibold text-foreground sm:text-3xl"
        >
          You have no coach yet
        </h2>
        <p className="mt-3 leading-relaxed text-muted-foreground">
          Tell us what you want from coaching and an admin will match you with a coach who fits. Or
          choose one yourself from the directory.
        </p>
        <Link
          to="/coaches"
          className={`mt-3 inline-flex items-center gap-1 text-sm ${quietLinkClass}`}
        >
          Browse the coach directory
          <ArrowRight aria-hidden="true" className="size-4" />
        </Link>
      </section>
      {requests.length > 0 && <SentRequests requests={requests} actions={actions} />}
      <Interest />
    </div>
  );
}

function SentRequests({
  requests,
  actions,
}: {
  requests: RelationshipView[];
  actions: RelationshipActions;
}) {
  return (
    <section aria-labelledby="sent-requests-title" className={`${cardClass} max-w-2xl`}>
      <h2 id="sent-requests-title" className="text-sm font-medium text-foreground">
        Waiting for an answer
      </h2>
      <ul className="mt-2 divide-y divide-border text-sm">
        {requests.map((request) => (
          <li key={request.id} className="py-2 text-foreground">
            You asked <strong className="font-medium">{partyName(request.coach)}</strong>
            {request.practice && ` (${request.practice.name})`} on{' '}
            <DateCell iso={request.createdAt} />.
            <div className="mt-2">
              <RelationshipActionButtons
                relationship={request}
                name={partyName(request.coach)}
                actions={actions}
              />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Interest() {
  const interest = useMyCoachingInterest();
  const [outcome, setOutcome] = useState<InterestOutcome | null>(null);

  return (
    <section aria-labelledby="interest-title" className={`${cardClass} max-w-2xl`}>
      <h2 id="interest-title" className="text-base font-semibold text-foreground">
        Ask for a coach
      </h2>
      {interest.isPending ? (
        <div aria-hidden="true" className="mt-4 space-y-4">
          <div className="h-24 animate-pulse rounded-lg bg-surface-muted" />
          <div className="h-10 animate-pulse rounded-lg bg-surface-muted" />
          <div className="h-10 w-40 animate-pulse rounded-lg bg-surface-muted" />
        </div>
      ) : interest.isError ? (
        <SectionError onRetry={() => void interest.refetch()}>
          Whether you asked already could not be loaded. {plainApiError(interest.error)}
        </SectionError>
      ) : interest.data.submission ? (
        <Submission submission={interest.data.submission} outcome={outcome} />
      ) : (
        <>
          <p className="mt-1 mb-5 text-sm text-muted-foreground">
            Only Arete’s admins read this. They get back to you before anything is shared with a
            coach.
          </p>
          <InterestForm onSent={setOutcome} />
        </>
      )}
    </section>
  );
}

/** The member's open submission: what they sent, and where it stands. */
function Submission({
  submission,
  outcome,
}: {
  submission: CoachingInterestView;
  outcome: InterestOutcome | null;
}) {
  // The form that had the focus is gone: the message that replaced it takes it.
  const focusRef = useFocusWhen<HTMLDivElement>(outcome);
  const rows: [string, string | null][] = [
    ['Your goals', submission.goals],
    ['Focus areas', submission.focusAreas.join(', ')],
    ['Format', COACHING_FORMAT_LABELS[submission.preferredFormat]],
    ['Availability', submission.availability],
    ['Message', submission.message],
  ];
  return (
    <div className="mt-3 space-y-4">
      <div ref={focusRef} tabIndex={-1} className="outline-none">
        {outcome === 'sent' ? (
          <Alert tone="success" title="Thank you: your interest is sent">
            <p>An admin reads it and gets back to you, usually within a few days.</p>
          </Alert>
        ) : outcome === 'already-open' ? (
          <Alert tone="info" title="You had asked already">
            <p>This is the request you sent earlier. An admin is looking at it.</p>
          </Alert>
        ) : (
          <p className="text-sm text-muted-foreground">
            You asked on <DateCell iso={submission.createdAt} />.{' '}
            {submission.status === 'contacted'
              ? 'An admin has been in touch and is finding your coach.'
              : 'An admin will get back to you.'}
          </p>
        )}
      </div>
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[8rem_1fr]">
        {rows
          .filter((row): row is [string, string] => Boolean(row[1]))
          .map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-muted-foreground">{label}</dt>
              <dd className="break-words whitespace-pre-line text-foreground">{value}</dd>
            </div>
          ))}
      </dl>
    </div>
  );
}
