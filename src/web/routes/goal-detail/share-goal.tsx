import { useId, useState } from 'react';
import type { GoalView } from '../../../contract/goals.ts';
import { Alert } from '../../components/alert.tsx';
import { DismissButton } from '../../components/page-state.tsx';
import { useUpdateGoal } from '../../hooks/use-goals.ts';
import { plainApiError } from '../../lib/plain-errors.ts';

/** Whether the client's coaches see the goal: a switch that saves at once. */
export function ShareGoal({ goal }: { goal: GoalView }) {
  const update = useUpdateGoal();
  const [problem, setProblem] = useState<string | null>(null);
  const labelId = useId();
  const hintId = useId();
  const on = goal.visibility === 'shared';

  function toggle() {
    if (update.isPending) return;
    setProblem(null);
    update.mutate(
      { id: goal.id, body: { visibility: on ? 'private' : 'shared' } },
      { onError: (error) => setProblem(plainApiError(error)) },
    );
  }

  return (
    <div className="mt-4">
      <div className="flex items-start gap-3">
        <button
          type="button"
          role="switch"
          aria-checked={on}
          aria-labelledby={labelId}
          aria-describedby={hintId}
          aria-disabled={update.isPending || undefined}
          onClick={toggle}
          className={`relative mt-0.5 inline-flex h-6 w-11 shrink-0 items-center rounded-full border transition-colors aria-disabled:opacity-60 ${
            on ? 'border-primary bg-primary' : 'border-border bg-surface-muted'
          }`}
        >
          <span
            aria-hidden="true"
            className={`inline-block size-4 rounded-full bg-surface shadow-card transition-transform ${
              on ? 'translate-x-6' : 'translate-x-1'
            }`}
          />
        </button>
        <div className="min-w-0">
          <p id={labelId} className="text-sm font-medium text-foreground">
            Shared with my coaches
          </p>
          <p id={hintId} className="mt-0.5 text-sm text-muted-foreground">
            {on
              ? 'The coaches you work with now see it, its check-ins and comments, and can comment.'
              : 'Only you can see it.'}
          </p>
          <p role="status" className="mt-0.5 text-xs text-muted-foreground">
            {update.isPending ? 'Saving…' : update.isSuccess ? 'Saved.' : ''}
          </p>
        </div>
      </div>
      {problem && (
        <Alert tone="danger" title="Not saved" className="mt-3">
          <p>{problem}</p>
          <DismissButton onClick={() => setProblem(null)} />
        </Alert>
      )}
    </div>
  );
}
