import { ArrowLeft } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { buttonClasses } from '../components/button.tsx';
import { DetailLoading } from '../components/detail-states.tsx';
import { isRefused } from '../components/documents/not-available.tsx';
import { CheckInHistory } from '../components/goals/check-in-history.tsx';
import { GoalComments } from '../components/goals/goal-comments.tsx';
import { GoalLine, GoalOverview } from '../components/goals/goal-overview.tsx';
import { GoalSteps } from '../components/goals/goal-steps.tsx';
import { GoalsNotAvailable } from '../components/goals/goals-not-available.tsx';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ErrorState } from '../components/page-state.tsx';
import { type GoalSource, useCheckIns, useGoal } from '../hooks/use-goals.ts';
import { useOwnRelationship } from '../hooks/use-relationships.ts';
import { clientGoalPath, clientGoalsPath } from '../lib/goals.ts';
import { partyName } from '../lib/relationships.ts';

/**
 * A coach's view of one goal a client shares: where it stands, its steps, its progress over the
 * check-ins (chart and table), and the comments, where the coach adds theirs. Read-only otherwise:
 * the goal is the client's.
 */
export function ClientGoalPage() {
  const { relationshipId = '', goalId = '' } = useParams();
  const source: GoalSource = { kind: 'shared', relationshipId };
  const relationship = useOwnRelationship(relationshipId);
  const goal = useGoal(source, goalId);
  const checkIns = useCheckIns(source, goalId, goal.isSuccess);

  const inactive = relationship.data && relationship.data.status !== 'active';
  if (inactive || isRefused(goal.error) || isRefused(relationship.error)) {
    return <GoalsNotAvailable relationship={relationship.data} what="Goal" />;
  }
  if (goal.error && !goal.data)
    return (
      <ErrorState
        title="The goal could not be loaded"
        error={goal.error}
        onRetry={() => void goal.refetch()}
      />
    );
  const data = goal.data;
  if (!data)
    return (
      <DetailLoading label="Loading the goal…">
        <div aria-hidden="true" className="h-96 animate-pulse rounded-xl bg-surface-muted" />
      </DetailLoading>
    );

  const name = relationship.data ? partyName(relationship.data.client) : 'Your client';
  return (
    <PageContainer>
      <PageHeader
        title={<span className="break-words">{data.title}</span>}
        documentTitle={`${data.title} · Client goals`}
        description={<GoalLine goal={data} />}
        actions={
          <Link to={clientGoalsPath(relationshipId)} className={buttonClasses('secondary', 'sm')}>
            <ArrowLeft aria-hidden="true" className="size-4" />
            {relationship.data ? `Goals of ${name}` : 'Shared goals'}
          </Link>
        }
      />
      <div className="grid grid-cols-1 gap-5 pb-16 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-5">
          <GoalOverview goal={data} />
          <CheckInHistory
            goal={data}
            checkIns={checkIns.data?.data}
            query={checkIns}
            path={clientGoalPath(relationshipId, goalId)}
          />
        </div>
        <div className="min-w-0 space-y-5">
          <GoalSteps goal={data} />
          <GoalComments source={source} goalId={data.id} otherName={name} />
        </div>
      </div>
    </PageContainer>
  );
}
