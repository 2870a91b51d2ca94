import { ArrowRight } from 'lucide-react';
import { Link } from 'react-router';
import { Alert } from '../components/alert.tsx';
import { Button } from '../components/button.tsx';
import { useCheckInDialog } from '../components/goals/check-in-dialog.tsx';
import { quietLinkClass } from '../components/link-classes.ts';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { useGoals } from '../hooks/use-goals.ts';
import { proposals } from '../lib/goals.ts';
import { isRetryable, plainApiError } from '../lib/plain-errors.ts';
import { CreateGoal } from './goals/create-goal.tsx';
import { GoalGroups } from './goals/goal-groups.tsx';
import { Proposals } from './goals/proposals.tsx';
import { SuggestionQueue } from './goals/suggestion-queue.tsx';

/**
 * The client's goals: proposals from their coach to answer, suggestions from the discovery
 * questionnaire to accept, edit or dismiss, then every goal by status with its progress, its
 * momentum and a quick check-in.
 */
export function GoalsPage() {
  const goals = useGoals();
  const checkIn = useCheckInDialog();
  const list = goals.data;
  const waiting = list ? proposals(list.data) : [];
  const none = list && list.data.length === 0;

  return (
    <PageContainer>
      <PageHeader
        title="Goals"
        description="What you work on, how it is going, and what to try next."
        actions={<CreateGoal />}
      />
      <div className="space-y-10 pb-16">
        <Proposals goals={waiting} />
        <SuggestionQueue />
        {goals.isError ? (
          <Alert tone="danger" title="Your goals could not be loaded">
            <p>{plainApiError(goals.error)}</p>
            {isRetryable(goals.error) && (
              <Button
                variant="secondary"
                size="sm"
                className="mt-3"
                onClick={() => void goals.refetch()}
              >
                Try again
              </Button>
            )}
          </Alert>
        ) : !list ? (
          <div aria-hidden="true" className="space-y-3">
            <div className="h-5 w-48 animate-pulse rounded bg-surface-muted" />
            <div className="h-40 animate-pulse rounded-xl bg-surface-muted" />
          </div>
        ) : none ? (
          <EmptyGoals />
        ) : (
          <GoalGroups list={list} query={goals} onCheckIn={checkIn.open} />
        )}
      </div>
      {checkIn.dialog}
    </PageContainer>
  );
}

function EmptyGoals() {
  return (
    <div className="rounded-xl border border-dashed border-border px-6 py-10 text-center">
      <p className="font-display text-2xl text-foreground">No goals yet</p>
      <p className="mx-auto mt-2 max-w-md text-sm text-muted-foreground">
        Add one with “New goal”, or answer the discovery questionnaire and choose among the goals
        suggested from your answers.
      </p>
      <Link
        to="/goals/discovery"
        className={`mt-4 inline-flex items-center gap-1 text-sm ${quietLinkClass}`}
      >
        Discover your goals
        <ArrowRight aria-hidden="true" className="size-4" />
      </Link>
    </div>
  );
}
