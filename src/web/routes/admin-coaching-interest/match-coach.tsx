import { type FormEvent, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { type CoachingInterestView, matchBodySchema } from '../../../contract/coaching-interest.ts';
import type { ListedCoach, RelationshipView } from '../../../contract/relationships.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { DateCell } from '../../components/data-table/cells.tsx';
import { filterInputClass } from '../../components/data-table/list-filters.tsx';
import { RelationshipStatusBadge } from '../../components/relationships/relationship-status-badge.tsx';
import { type MatchResult, useMatchCoachingInterest } from '../../hooks/use-coaching-interest.ts';
import { useFocusWhen } from '../../hooks/use-focus-when.ts';
import { useCoachDirectory, useRelationship } from '../../hooks/use-relationships.ts';
import { memberName } from '../../lib/coaching-interest.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { plainResolver } from '../../lib/plain-resolver.ts';
import { coachName, partyName } from '../../lib/relationships.ts';

type MatchValues = { coachUserId: string };
const resolver = plainResolver<MatchValues>(
  z.object({ coachUserId: matchBodySchema.shape.coachUserId }),
  { coachUserId: { name: 'the coach', missing: 'Choose a coach.' } },
);

/**
 * Matches the member with a listed coach: the coach's invitation goes to the member, who accepts
 * or declines it on their coaching page. Once matched, the relationship it started is shown.
 */
export function MatchCoach({ submission }: { submission: CoachingInterestView }) {
  const [result, setResult] = useState<MatchResult | null>(null);

  if (result) return <Matched relationship={result.relationship} />;
  if (submission.relationshipId) {
    return (
      <MatchedEarlier
        relationshipId={submission.relationshipId}
        coachName={submission.matchedCoachName}
      />
    );
  }
  if (submission.status === 'closed') {
    return (
      <p className="mt-3 text-sm text-muted-foreground">
        This submission is closed. Set it back to “New” or “Contacted” to match it.
      </p>
    );
  }
  return <CoachPicker submission={submission} onMatched={setResult} />;
}

function CoachPicker({
  submission,
  onMatched,
}: {
  submission: CoachingInterestView;
  onMatched: (result: MatchResult) => void;
}) {
  const match = useMatchCoachingInterest(submission.id);
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [confirming, setConfirming] = useState<ListedCoach | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const coaches = useCoachDirectory({ specialty: '', query, page: 1 });
  const form = useForm<MatchValues>({ defaultValues: { coachUserId: '' }, resolver });
  const searchId = useId();
  const errorId = useId();
  const error = form.formState.errors.coachUserId?.message;
  const listed = coaches.data?.data ?? [];

  function find(event: FormEvent) {
    event.preventDefault();
    setQuery(search.trim());
  }

  const choose = form.handleSubmit(({ coachUserId }) => {
    setConfirming(listed.find((coach) => coach.identityUserId === coachUserId) ?? null);
  });

  function confirm() {
    if (!confirming) return;
    setProblem(null);
    match.mutate(confirming.identityUserId, {
      onSuccess: (result) => {
        setConfirming(null);
        onMatched(result);
      },
      onError: (failure) => {
        setConfirming(null);
        setProblem(plainApiError(failure));
      },
    });
  }

  return (
    <div className="mt-3 space-y-4">
      {problem && (
        <Alert tone="danger" title="The match was not made">
          <p>{problem}</p>
        </Alert>
      )}
      <search aria-label="Find a coach to match">
        <form noValidate onSubmit={find} className="flex flex-wrap items-end gap-2">
          <div className="min-w-40 flex-1">
            <label htmlFor={searchId} className="block text-xs font-medium text-muted-foreground">
              Search listed coaches
            </label>
            <input
              id={searchId}
              type="search"
              maxLength={200}
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              placeholder="Name, practice or specialty"
              className={`mt-1 ${filterInputClass}`}
            />
          </div>
          <Button type="submit" variant="secondary" size="sm" className="h-9">
            Search
          </Button>
        </form>
      </search>

      <form noValidate aria-label="Choose a coach" onSubmit={(event) => void choose(event)}>
        <fieldset aria-describedby={error ? errorId : undefined}>
          <legend className="text-sm font-medium text-foreground">Coach</legend>
          {coaches.isPending ? (
            <div
              aria-hidden="true"
              className="mt-2 h-24 animate-pulse rounded-lg bg-surface-muted"
            />
          ) : coaches.isError ? (
            <p role="alert" className="mt-2 text-sm text-danger">
              The coaches could not be loaded. {plainApiError(coaches.error)}
            </p>
          ) : listed.length === 0 ? (
            <p className="mt-2 text-sm text-muted-foreground">
              {query
                ? 'No listed coach matches. Try fewer words.'
                : 'No coach lists their practice yet.'}
            </p>
          ) : (
            <ul className="mt-2 max-h-80 divide-y divide-border overflow-y-auto rounded-lg border border-border">
              {listed.map((coach) => (
                <li key={coach.identityUserId}>
                  <label className="flex cursor-pointer items-start gap-3 px-3 py-2 text-sm hover:bg-surface-muted">
                    <input
                      type="radio"
                      value={coach.identityUserId}
                      {...form.register('coachUserId')}
                      className="mt-1 size-4 accent-primary"
                    />
                    <span className="min-w-0">
                      <span className="block font-medium break-words text-foreground">
                        {coachName(coach)}
                      </span>
                      <span className="block break-words text-muted-foreground">
                        {coach.practice.name}
                        {coach.practice.specialties.length > 0 &&
                          ` · ${coach.practice.specialties.join(', ')}`}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {coaches.data && coaches.data.totalCount > listed.length && (
            <p className="mt-1 text-xs text-muted-foreground">
              Showing {listed.length} of {coaches.data.totalCount}: search to find the others.
            </p>
          )}
          {error && (
            <p id={errorId} className="mt-1.5 text-sm font-medium text-danger">
              {error}
            </p>
          )}
        </fieldset>
        <Button type="submit" size="sm" className="mt-4" disabled={listed.length === 0}>
          Match…
        </Button>
      </form>

      <ConfirmDialog
        open={confirming !== null}
        title={`Match ${memberName(submission)} with ${confirming ? coachName(confirming) : ''}?`}
        confirmLabel="Match and invite"
        pending={match.isPending}
        onCancel={() => setConfirming(null)}
        onConfirm={confirm}
      >
        <p>
          {confirming ? coachName(confirming) : 'The coach'}’s invitation goes to{' '}
          {submission.member.email}, who accepts or declines it on their coaching page. The
          submission is marked matched.
        </p>
      </ConfirmDialog>
    </div>
  );
}

/** A match made before: the relationship is read only when asked for (each read is audited). */
function MatchedEarlier({
  relationshipId,
  coachName,
}: {
  relationshipId: string;
  coachName: string | null;
}) {
  const [asked, setAsked] = useState(false);
  const relationship = useRelationship(relationshipId, asked);
  if (relationship.data) return <Matched relationship={relationship.data} />;
  return (
    <div className="mt-3 space-y-3 text-sm">
      <p className="text-muted-foreground">
        This member was matched with {coachName ?? 'a coach'}, whose invitation went to them. They
        answer it on their coaching page.
      </p>
      {relationship.isError && (
        <p role="alert" className="text-danger">
          The relationship could not be loaded. {plainApiError(relationship.error)}
        </p>
      )}
      <Button
        variant="secondary"
        size="sm"
        pending={relationship.isFetching}
        onClick={() => (asked ? void relationship.refetch() : setAsked(true))}
      >
        Show the relationship
      </Button>
    </div>
  );
}

/** The relationship a match started, as the server has it. */
function Matched({ relationship }: { relationship: RelationshipView }) {
  // The button that was pressed is gone: what it shows takes the focus.
  const focusRef = useFocusWhen<HTMLDivElement>(relationship.id);
  return (
    <div ref={focusRef} tabIndex={-1} className="mt-3 outline-none">
      <Alert tone="success" title="Matched">
        <p>
          {partyName(relationship.coach)}
          {relationship.practice && ` (${relationship.practice.name})`} invited{' '}
          <span className="break-all">{partyName(relationship.client)}</span>.
        </p>
      </Alert>
      {/* On the card's own surface: the status badge's colours are made for it. */}
      <dl className="mt-3 grid grid-cols-[6rem_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted-foreground">Relationship</dt>
        <dd>
          <RelationshipStatusBadge status={relationship.status} />
        </dd>
        <dt className="text-muted-foreground">Created</dt>
        <dd>
          <DateCell iso={relationship.createdAt} withTime />
        </dd>
        {relationship.expiresAt && (
          <>
            <dt className="text-muted-foreground">Answer by</dt>
            <dd>
              <DateCell iso={relationship.expiresAt} />
            </dd>
          </>
        )}
      </dl>
      {relationship.invitationError && (
        <p className="mt-2 text-sm text-danger">
          The invitation mail was not sent: {relationship.invitationError}
        </p>
      )}
    </div>
  );
}
