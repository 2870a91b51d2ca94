import { useState } from 'react';
import type { GoalView } from '../../../contract/goals.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { useFocusSwap } from '../../components/goals/focus-swap.tsx';
import { DismissButton } from '../../components/page-state.tsx';
import { useToast } from '../../components/toast.tsx';
import { useUpdateGoal } from '../../hooks/use-goals.ts';
import { type StatusAction, statusActions } from '../../lib/goals.ts';
import { plainApiError } from '../../lib/plain-errors.ts';

const variants = { primary: 'primary', default: 'secondary', danger: 'danger-quiet' } as const;

/**
 * The status changes a goal allows now, as buttons (start, put on hold, complete, abandon,
 * reopen); abandoning asks first, and starting past the focus limit offers to put another on hold.
 */
export function StatusActions({ goal }: { goal: GoalView }) {
  const update = useUpdateGoal();
  const toast = useToast();
  const swap = useFocusSwap();
  const [asking, setAsking] = useState<StatusAction | null>(null);
  const [running, setRunning] = useState<StatusAction | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const actions = statusActions(goal);

  function run(action: StatusAction) {
    setProblem(null);
    setRunning(action);
    const body = { status: action.to };
    update.mutate(
      { id: goal.id, body },
      {
        onSuccess: () => {
          setAsking(null);
          toast({ tone: 'success', title: action.done });
        },
        onError: (error) => {
          setAsking(null);
          const offered = swap.offer(error, {
            title: goal.title,
            done: action.done,
            retry: () => update.mutateAsync({ id: goal.id, body }),
          });
          if (!offered) setProblem(plainApiError(error));
        },
        onSettled: () => setRunning(null),
      },
    );
  }

  return (
    <div className="mt-4 space-y-3">
      <div className="flex flex-wrap gap-2">
        {actions.map((action) => (
          <Button
            key={action.to}
            size="sm"
            variant={variants[action.tone]}
            pending={running?.to === action.to && !asking}
            disabled={update.isPending}
            onClick={() => (action.confirm ? setAsking(action) : run(action))}
          >
            {action.label}
          </Button>
        ))}
      </div>
      {problem && (
        <Alert tone="danger" title="The status did not change">
          <p>{problem}</p>
          <DismissButton onClick={() => setProblem(null)} />
        </Alert>
      )}
      {asking?.confirm && (
        <ConfirmDialog
          open
          title={asking.confirm.title}
          confirmLabel={asking.confirm.confirmLabel}
          confirmVariant="danger"
          pending={update.isPending}
          onConfirm={() => run(asking)}
          onCancel={() => setAsking(null)}
        >
          <p>{asking.confirm.body}</p>
        </ConfirmDialog>
      )}
      {swap.dialog}
    </div>
  );
}
