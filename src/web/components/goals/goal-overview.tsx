import type { ReactNode } from 'react';
import type { GoalView } from '../../../contract/goals.ts';
import { GOAL_AREA_LABELS } from '../../lib/goals.ts';
import { DateCell } from '../data-table/cells.tsx';
import { GoalStatusBadge, MomentumBadge } from './goal-badges.tsx';
import { GoalCard } from './goal-card.tsx';
import { GoalProgress } from './goal-progress.tsx';

/** Under a goal's title: its status, its momentum when in progress, and its area. */
export function GoalLine({ goal }: { goal: GoalView }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <GoalStatusBadge status={goal.status} />
      {goal.momentum && <MomentumBadge momentum={goal.momentum} />}
      <span>{GOAL_AREA_LABELS[goal.area]}</span>
    </span>
  );
}

/** Where a goal stands: its progress, dates and check-ins, and what it is about. */
export function GoalOverview({ goal }: { goal: GoalView }) {
  return (
    <GoalCard title="Where it stands">
      <GoalProgress progress={goal.progress} label="Progress" className="mt-4" />
      <dl className="mt-4 grid grid-cols-2 gap-x-4 gap-y-3 text-sm sm:grid-cols-3">
        <Fact term="Target date">
          <DateCell iso={goal.targetDate && `${goal.targetDate}T12:00:00`} />
        </Fact>
        <Fact term="Check-ins">
          <span className="tabular-nums">{goal.checkInCount}</span>
        </Fact>
        <Fact term="Last check-in">
          <DateCell iso={goal.lastCheckInAt} />
        </Fact>
      </dl>
      {(goal.description || goal.whyItMatters) && (
        <div className="mt-4 space-y-3 border-t border-border pt-4 text-sm">
          {goal.description && (
            <p className="break-words whitespace-pre-line text-foreground">{goal.description}</p>
          )}
          {goal.whyItMatters && (
            <div>
              <p className="font-medium text-foreground">Why it matters</p>
              <p className="mt-0.5 break-words whitespace-pre-line text-muted-foreground">
                {goal.whyItMatters}
              </p>
            </div>
          )}
        </div>
      )}
    </GoalCard>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted-foreground">{term}</dt>
      <dd className="mt-0.5 text-foreground">{children}</dd>
    </div>
  );
}
