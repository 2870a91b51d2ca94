import { useState } from 'react';
import type { GoalView } from '../../../contract/goals.ts';
import { SettingSwitch } from '../../components/setting-switch.tsx';
import { useUpdateGoal } from '../../hooks/use-goals.ts';
import { plainApiError } from '../../lib/plain-errors.ts';

/** Whether the client's coaches see the goal: a switch that saves at once. */
export function ShareGoal({ goal }: { goal: GoalView }) {
  const update = useUpdateGoal();
  const [problem, setProblem] = useState<string | null>(null);
  const on = goal.visibility === 'shared';

  return (
    <SettingSwitch
      className="mt-4"
      on={on}
      label="Shared with my coaches"
      hint={
        on
          ? 'The coaches you work with now see it, its check-ins and comments, and can comment.'
          : 'Only you can see it.'
      }
      saving={update.isPending}
      saved={update.isSuccess}
      onToggle={() => {
        setProblem(null);
        update.mutate(
          { id: goal.id, body: { visibility: on ? 'private' : 'shared' } },
          { onError: (error) => setProblem(plainApiError(error)) },
        );
      }}
      problem={problem}
      onDismissProblem={() => setProblem(null)}
    />
  );
}
