import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { GoalView } from '../../../contract/goals.ts';
import { useCheckIn } from '../../hooks/use-goals.ts';
import {
  type CheckInFormValues,
  CONFIDENCE_LABELS,
  checkCheckIn,
  checkInDefaults,
  checkInResolver,
  NOTHING_TO_CHECK_IN,
} from '../../lib/goal-form.ts';
import { formatValue } from '../../lib/goals.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { CheckboxField } from '../checkbox-field.tsx';
import { FormDialog } from '../form-dialog.tsx';
import { TextAreaField, TextField } from '../form-field.tsx';
import { useToast } from '../toast.tsx';

/**
 * A quick check-in on one goal, in a dialog: a new value for each key result (as it stands now to
 * start with), its milestones to tick, how confident the client is (1 to 5) and a note. Only what
 * changed is sent; a check-in that changes nothing and says nothing is not sent.
 */
export function useCheckInDialog() {
  const [goal, setGoal] = useState<GoalView | null>(null);
  return {
    open: (next: GoalView) => setGoal(next),
    dialog: goal ? <CheckInDialog key={goal.id} goal={goal} onClose={() => setGoal(null)} /> : null,
  };
}

function CheckInDialog({ goal, onClose }: { goal: GoalView; onClose: () => void }) {
  const checkIn = useCheckIn(goal.id);
  const toast = useToast();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<CheckInFormValues>({
    defaultValues: checkInDefaults(goal),
    resolver: checkInResolver(goal),
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit((values) => {
    const { body, empty } = checkCheckIn(goal, values);
    if (empty || !body) {
      setProblem(NOTHING_TO_CHECK_IN);
      return;
    }
    setProblem(null);
    checkIn.mutate(body, {
      onSuccess: () => {
        onClose();
        toast({ tone: 'success', title: `Check-in on “${goal.title}” saved` });
      },
      onError: (error) => setProblem(plainApiError(error)),
    });
  });

  return (
    <FormDialog
      open
      title={`Check in: ${goal.title}`}
      description={<p>Where it stands now. Past check-ins stay as they were.</p>}
      formLabel="Check in"
      confirmLabel="Save check-in"
      pending={checkIn.isPending}
      problem={problem}
      problemTitle="The check-in was not saved"
      onSubmit={submit}
      onCancel={onClose}
    >
      {goal.keyResults.map((keyResult, index) => (
        <TextField
          key={keyResult.id}
          label={keyResult.title}
          inputMode="decimal"
          {...form.register(`values.${index}`)}
          error={errors.values?.[index]?.message}
          hint={`From ${formatValue(keyResult.startValue, keyResult.unit)} to ${formatValue(keyResult.targetValue, keyResult.unit)}`}
        />
      ))}
      {goal.milestones.length > 0 && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-foreground">Milestones done</legend>
          {goal.milestones.map((milestone, index) => (
            <CheckboxField
              key={milestone.id}
              label={milestone.title}
              {...form.register(`milestones.${index}`)}
            />
          ))}
        </fieldset>
      )}
      <ConfidenceField form={form} error={errors.confidence?.message} />
      <TextAreaField
        label="Note (optional)"
        rows={2}
        {...form.register('note')}
        error={errors.note?.message}
      />
    </FormDialog>
  );
}

/** How confident the client is of reaching the goal: five radio buttons, one row of choices. */
function ConfidenceField({
  form,
  error,
}: {
  form: ReturnType<typeof useForm<CheckInFormValues>>;
  error: string | undefined;
}) {
  const errorId = useId();
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-foreground">How confident are you?</legend>
      <div className="mt-1.5 grid grid-cols-5 gap-1.5">
        {[1, 2, 3, 4, 5].map((level) => (
          <label
            key={level}
            title={CONFIDENCE_LABELS[level]}
            className="flex cursor-pointer flex-col items-center gap-1 rounded-md border border-border bg-surface px-1 py-2 text-sm has-checked:border-primary has-checked:bg-primary-soft"
          >
            <input
              type="radio"
              value={String(level)}
              aria-label={`${level}: ${CONFIDENCE_LABELS[level]}`}
              className="size-4 accent-primary"
              {...form.register('confidence')}
            />
            <span aria-hidden="true" className="font-medium tabular-nums">
              {level}
            </span>
          </label>
        ))}
      </div>
      <p aria-hidden="true" className="mt-1 flex justify-between text-xs text-muted-foreground">
        <span>Not confident</span>
        <span>Very confident</span>
      </p>
      {error && (
        <p id={errorId} className="mt-1.5 text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}
