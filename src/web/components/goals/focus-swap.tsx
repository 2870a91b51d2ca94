import { useState } from 'react';
import type { GoalView } from '../../../contract/goals.ts';
import { useUpdateGoal } from '../../hooks/use-goals.ts';
import { focusConflict } from '../../lib/goals.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { FormDialog } from '../form-dialog.tsx';
import { useToast } from '../toast.tsx';

type Offer = {
  /** The goals in progress the server named in its 409. */
  inProgress: GoalView[];
  /** The goal that could not start. */
  title: string;
  /** Does again what was refused (start it, create it started, accept it started). */
  retry: () => Promise<unknown>;
  done: string;
};

/**
 * The focus limit's swap: when starting a goal answers 409 with the goals in progress, the client
 * may put one of them on hold, and the goal is started right after. `offer` takes any error and
 * returns whether it was the focus limit (and the dialog opened).
 */
export function useFocusSwap() {
  const [offer, setOffer] = useState<Offer | null>(null);
  return {
    offer: (error: unknown, input: Omit<Offer, 'inProgress'>): boolean => {
      const inProgress = focusConflict(error);
      if (!inProgress) return false;
      setOffer({ ...input, inProgress });
      return true;
    },
    dialog: offer ? <SwapDialog offer={offer} onClose={() => setOffer(null)} /> : null,
  };
}

function SwapDialog({ offer, onClose }: { offer: Offer; onClose: () => void }) {
  const update = useUpdateGoal();
  const toast = useToast();
  const [chosen, setChosen] = useState(offer.inProgress[0]?.id ?? '');
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function swap() {
    const held = offer.inProgress.find((goal) => goal.id === chosen);
    if (!held) {
      setProblem('Choose the goal to put on hold.');
      return;
    }
    setPending(true);
    setProblem(null);
    let onHold = false;
    try {
      await update.mutateAsync({ id: held.id, body: { status: 'on_hold' } });
      onHold = true;
      await offer.retry();
      onClose();
      toast({
        tone: 'success',
        title: offer.done,
        description: `“${held.title}” is on hold; resume it when there is room.`,
      });
    } catch (error) {
      const reason = plainApiError(error as Error);
      setProblem(
        onHold
          ? `“${held.title}” is on hold, but “${offer.title}” did not start. ${reason}`
          : reason,
      );
    } finally {
      setPending(false);
    }
  }

  const count = offer.inProgress.length;
  return (
    <FormDialog
      open
      title="Your focus is full"
      description={
        <p>
          You work on {count} goal{count === 1 ? '' : 's'} at once, the most there may be. Put one
          on hold to start “{offer.title}” now.
        </p>
      }
      formLabel="Put a goal on hold"
      confirmLabel="Put on hold and start"
      pending={pending}
      problem={problem}
      problemTitle="That did not work"
      onSubmit={(event) => {
        event.preventDefault();
        void swap();
      }}
      onCancel={onClose}
    >
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-foreground">Goal to put on hold</legend>
        {offer.inProgress.map((goal) => (
          <label
            key={goal.id}
            className="flex cursor-pointer items-center gap-3 rounded-md border border-border px-3 py-2 text-sm has-checked:border-primary has-checked:bg-primary-soft"
          >
            <input
              type="radio"
              name="on-hold"
              value={goal.id}
              checked={chosen === goal.id}
              onChange={() => setChosen(goal.id)}
              className="size-4 shrink-0 accent-primary"
            />
            <span className="min-w-0 break-words">{goal.title}</span>
          </label>
        ))}
      </fieldset>
    </FormDialog>
  );
}
