import { Circle, CircleCheck } from 'lucide-react';
import type { GoalView } from '../../../contract/goals.ts';
import { keyResultStanding } from '../../lib/goals.ts';
import { GoalCard } from './goal-card.tsx';
import { GoalProgress } from './goal-progress.tsx';

/** A goal's measurable steps: each key result with its bar and where it stands, then milestones. */
export function GoalSteps({ goal }: { goal: Pick<GoalView, 'keyResults' | 'milestones'> }) {
  const none = goal.keyResults.length === 0 && goal.milestones.length === 0;
  return (
    <GoalCard title="Key results and milestones">
      {none && (
        <p className="mt-3 text-sm text-muted-foreground">
          No measurable steps: progress counts when the goal is completed.
        </p>
      )}
      {goal.keyResults.length > 0 && (
        <ul className="mt-4 space-y-4">
          {goal.keyResults.map((keyResult) => (
            <li key={keyResult.id} className="space-y-1.5">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
                <span className="min-w-0 font-medium break-words text-foreground">
                  {keyResult.title}
                </span>
                <span className="text-muted-foreground tabular-nums">
                  {keyResultStanding(keyResult)}
                </span>
              </div>
              <GoalProgress progress={keyResult.progress} label={keyResult.title} />
            </li>
          ))}
        </ul>
      )}
      {goal.milestones.length > 0 && (
        <ul aria-label="Milestones" className="mt-4 space-y-2 border-t border-border pt-4">
          {goal.milestones.map((milestone) => {
            const done = milestone.doneAt !== null;
            const Icon = done ? CircleCheck : Circle;
            return (
              <li key={milestone.id} className="flex items-start gap-2 text-sm">
                <Icon
                  aria-hidden="true"
                  className={`mt-0.5 size-4 shrink-0 ${done ? 'text-success' : 'text-muted-foreground'}`}
                />
                <span className="min-w-0 break-words text-foreground">
                  {milestone.title}
                  <span className="sr-only">{done ? ' (done)' : ' (not done yet)'}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </GoalCard>
  );
}
