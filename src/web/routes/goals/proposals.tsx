import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { GoalView, UpdateGoalBody } from '../../../contract/goals.ts';
import { Button } from '../../components/button.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FormDialog } from '../../components/form-dialog.tsx';
import { useFocusSwap } from '../../components/goals/focus-swap.tsx';
import { GoalDraft } from '../../components/goals/goal-draft.tsx';
import { GoalFormFields } from '../../components/goals/goal-form-fields.tsx';
import { useToast } from '../../components/toast.tsx';
import { useUpdateGoal } from '../../hooks/use-goals.ts';
import {
  checkGoalForm,
  type GoalFormValues,
  goalFormFromGoal,
  goalFormResolver,
  proposalAcceptance,
} from '../../lib/goal-form.ts';
import { GOAL_AREA_LABELS } from '../../lib/goals.ts';
import { plainApiError } from '../../lib/plain-errors.ts';

const fieldsOnly = goalFormResolver({ withSteps: false });

/**
 * Goals the client's coach proposed, waiting for an answer: accept as proposed, edit then accept
 * (its fields; its key results and milestones stay the coach's), or decline. Nothing when none wait.
 */
export function Proposals({ goals }: { goals: GoalView[] }) {
  const titleId = useId();
  if (goals.length === 0) return null;
  return (
    <section aria-labelledby={titleId} className="space-y-3">
      <h2 id={titleId} className="text-base font-semibold text-foreground">
        Proposed by your coach
      </h2>
      <ul className="grid gap-4 lg:grid-cols-2">
        {goals.map((goal) => (
          <li key={goal.id} className="min-w-0">
            <ProposalCard goal={goal} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ProposalCard({ goal }: { goal: GoalView }) {
  const update = useUpdateGoal();
  const toast = useToast();
  const swap = useFocusSwap();
  const [editing, setEditing] = useState(false);
  const [declining, setDeclining] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const titleId = useId();

  /** Accepts (or declines) with `body`; a start past the focus limit offers the swap. */
  // `mutateAsync`, not `mutate`'s callbacks: the answered proposal leaves the list, and may do so
  // before the answer arrives, which would drop `mutate`'s callbacks (and the toast) with it.
  function answer(body: UpdateGoalBody, done: string, onDone?: () => void) {
    setProblem(null);
    update.mutateAsync({ id: goal.id, body }).then(
      () => {
        onDone?.();
        toast({ tone: 'success', title: done });
      },
      (error: Error) => {
        const offered = swap.offer(error, {
          title: body.title ?? goal.title,
          done,
          retry: () => update.mutateAsync({ id: goal.id, body }),
        });
        if (offered) onDone?.();
        else setProblem(plainApiError(error));
      },
    );
  }

  return (
    <article
      aria-labelledby={titleId}
      className="flex h-full flex-col gap-3 rounded-xl border border-primary/30 bg-surface p-5 shadow-card"
    >
      <div>
        <h3 id={titleId} className="font-medium break-words text-foreground">
          {goal.title}
        </h3>
        <p className="text-xs text-muted-foreground">{GOAL_AREA_LABELS[goal.area]}</p>
      </div>
      <GoalDraft
        description={goal.description}
        keyResults={goal.keyResults}
        milestones={goal.milestones.map((milestone) => milestone.title)}
      />
      {goal.whyItMatters && (
        <p className="text-sm break-words text-muted-foreground">Why: {goal.whyItMatters}</p>
      )}
      {problem && !editing && (
        <p role="alert" className="text-sm font-medium text-danger">
          {problem}
        </p>
      )}
      <div className="mt-auto flex flex-wrap gap-2 pt-1">
        <Button
          size="sm"
          pending={update.isPending && !editing && !declining}
          aria-label={`Accept ${goal.title}`}
          onClick={() =>
            answer({ status: 'not_started' }, `“${goal.title}” is added to your goals`)
          }
        >
          Accept
        </Button>
        <Button
          size="sm"
          variant="secondary"
          aria-label={`Edit and accept ${goal.title}`}
          onClick={() => {
            setProblem(null);
            setEditing(true);
          }}
        >
          Edit and accept
        </Button>
        <Button
          size="sm"
          variant="danger-quiet"
          aria-label={`Decline ${goal.title}`}
          onClick={() => setDeclining(true)}
        >
          Decline
        </Button>
      </div>
      {editing && (
        <EditProposal
          goal={goal}
          pending={update.isPending}
          problem={problem}
          onAccept={(body) =>
            answer(body, `“${body.title ?? goal.title}” is added to your goals`, () =>
              setEditing(false),
            )
          }
          onCancel={() => setEditing(false)}
        />
      )}
      <ConfirmDialog
        open={declining}
        title={`Decline “${goal.title}”?`}
        confirmLabel="Decline proposal"
        confirmVariant="danger"
        pending={update.isPending}
        onConfirm={() =>
          answer({ status: 'abandoned' }, `“${goal.title}” is declined`, () => setDeclining(false))
        }
        onCancel={() => setDeclining(false)}
      >
        <p>It leaves your list. Your coach sees that you declined it.</p>
      </ConfirmDialog>
      {swap.dialog}
    </article>
  );
}

function EditProposal({
  goal,
  pending,
  problem,
  onAccept,
  onCancel,
}: {
  goal: GoalView;
  pending: boolean;
  problem: string | null;
  onAccept: (body: UpdateGoalBody) => void;
  onCancel: () => void;
}) {
  const [start, setStart] = useState(false);
  const form = useForm<GoalFormValues>({
    defaultValues: goalFormFromGoal(goal),
    resolver: fieldsOnly,
  });
  const submit = form.handleSubmit((values) => {
    const fields = checkGoalForm(values, { withSteps: false }).fields;
    if (fields) onAccept(proposalAcceptance(goal, fields, start ? 'in_progress' : 'not_started'));
  });
  return (
    <FormDialog
      open
      title="Edit and accept"
      description={<p>Make the goal your own. Its key results and milestones stay as proposed.</p>}
      formLabel="Edit and accept the proposal"
      confirmLabel="Accept goal"
      pending={pending}
      problem={problem}
      problemTitle="The goal was not accepted"
      onSubmit={submit}
      onCancel={onCancel}
    >
      <GoalFormFields form={form} withSteps={false} />
      <CheckboxField
        label="Start now"
        hint="It counts towards the goals you work on at once."
        checked={start}
        onChange={(event) => setStart(event.target.checked)}
      />
    </FormDialog>
  );
}
