import { ArrowLeft, ClipboardCheck } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { Alert } from '../components/alert.tsx';
import { Button, buttonClasses } from '../components/button.tsx';
import { DetailLoading, NotFoundState } from '../components/detail-states.tsx';
import { useCheckInDialog } from '../components/goals/check-in-dialog.tsx';
import { CheckInHistory } from '../components/goals/check-in-history.tsx';
import { GoalCard } from '../components/goals/goal-card.tsx';
import { GoalComments } from '../components/goals/goal-comments.tsx';
import { GoalLine, GoalOverview } from '../components/goals/goal-overview.tsx';
import { GoalSteps } from '../components/goals/goal-steps.tsx';
import { linkClass } from '../components/link-classes.ts';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ErrorState } from '../components/page-state.tsx';
import { type GoalSource, useCheckIns, useGoal } from '../hooks/use-goals.ts';
import { ApiRequestError } from '../lib/api-client.ts';
import { goalPath, takesCheckIns } from '../lib/goals.ts';
import { ShareGoal } from './goal-detail/share-goal.tsx';
import { StatusActions } from './goal-detail/status-actions.tsx';

const OWN: GoalSource = { kind: 'own' };

const backLink = (
  <Link to="/goals" className={buttonClasses('secondary', 'sm')}>
    <ArrowLeft aria-hidden="true" className="size-4" />
    All goals
  </Link>
);

/**
 * One of the client's goals: where it stands, its key results and milestones, its progress over
 * the check-ins (a chart and the same numbers as a table), the comments with their coach, the
 * status changes it allows, and whether their coaches see it.
 */
export function GoalDetailPage() {
  const { id = '' } = useParams();
  const goal = useGoal(OWN, id);
  const checkIns = useCheckIns(OWN, id, goal.isSuccess);
  const checkIn = useCheckInDialog();

  // An address that is not a goal's id answers 400 (not a UUID) or 404: both are "not here".
  const error = goal.error;
  const missing = error instanceof ApiRequestError && [400, 404].includes(error.status);
  if (error && (missing || !goal.data)) {
    return missing ? (
      <NotFoundState title="Goal not found" actions={backLink}>
        There is no goal of yours at this address.
      </NotFoundState>
    ) : (
      <ErrorState
        title="The goal could not be loaded"
        error={error}
        onRetry={() => void goal.refetch()}
      />
    );
  }
  const data = goal.data;
  if (!data) {
    return (
      <DetailLoading label="Loading the goal…">
        <div className="grid gap-5 lg:grid-cols-[3fr_2fr]">
          <div aria-hidden="true" className="h-96 animate-pulse rounded-xl bg-surface-muted" />
          <div aria-hidden="true" className="h-96 animate-pulse rounded-xl bg-surface-muted" />
        </div>
      </DetailLoading>
    );
  }

  return (
    <PageContainer>
      <PageHeader
        title={<span className="break-words">{data.title}</span>}
        documentTitle={`${data.title} · Goals`}
        description={<GoalLine goal={data} />}
        actions={
          <>
            {backLink}
            {takesCheckIns(data.status) && (
              <Button size="sm" onClick={() => checkIn.open(data)}>
                <ClipboardCheck aria-hidden="true" className="size-4" />
                Check in
              </Button>
            )}
          </>
        }
      />
      {data.status === 'proposed' && (
        <Alert tone="info" title="Proposed by your coach" live={false} className="mb-5">
          <p>
            Accept, edit or decline it on{' '}
            <Link to="/goals" className={linkClass}>
              your goals page
            </Link>
            .
          </p>
        </Alert>
      )}
      <div className="grid grid-cols-1 gap-5 pb-16 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-5">
          <GoalOverview goal={data} />
          <CheckInHistory
            goal={data}
            checkIns={checkIns.data?.data}
            query={checkIns}
            path={goalPath(data.id)}
          />
          <GoalComments source={OWN} goalId={data.id} otherName="Your coach" />
        </div>
        <div className="min-w-0 space-y-5">
          <GoalSteps goal={data} />
          {data.status !== 'proposed' && (
            <GoalCard title="Status">
              <StatusActions goal={data} />
            </GoalCard>
          )}
          <GoalCard title="Sharing">
            <ShareGoal goal={data} />
          </GoalCard>
        </div>
      </div>
      {checkIn.dialog}
    </PageContainer>
  );
}
