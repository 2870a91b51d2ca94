import { Plus } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { CreateGoalBody } from '../../../contract/goals.ts';
import { Button } from '../../components/button.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { FormDialog, useFormDialog } from '../../components/form-dialog.tsx';
import { useFocusSwap } from '../../components/goals/focus-swap.tsx';
import { GoalFormFields } from '../../components/goals/goal-form-fields.tsx';
import { useToast } from '../../components/toast.tsx';
import { useCreateGoal } from '../../hooks/use-goals.ts';
import { useSessionSettings } from '../../hooks/use-relationships.ts';
import {
  checkGoalForm,
  emptyGoalForm,
  type GoalFormValues,
  goalFormResolver,
} from '../../lib/goal-form.ts';
import { plainApiError } from '../../lib/plain-errors.ts';

const resolver = goalFormResolver();

/**
 * The page's primary action: a new goal with its key results and milestones, started at once if
 * wished, and shared with the client's coaches if wished (left to the session setting otherwise).
 * Starting it past the focus limit offers to put another on hold.
 */
export function CreateGoal() {
  const create = useCreateGoal();
  const toast = useToast();
  const swap = useFocusSwap();
  const settings = useSessionSettings();
  const sharedByDefault = settings.data?.auto_send_context ?? false;
  const [start, setStart] = useState(false);
  const [share, setShare] = useState(false);
  const form = useForm<GoalFormValues>({ defaultValues: emptyGoalForm(), resolver });
  const dialog = useFormDialog(() => {
    form.reset(emptyGoalForm());
    setStart(false);
    setShare(sharedByDefault);
  });

  const submit = form.handleSubmit((values) => {
    const fields = checkGoalForm(values).fields;
    if (!fields) return;
    const body: CreateGoalBody = {
      ...fields,
      status: start ? 'in_progress' : 'not_started',
      visibility: share ? 'shared' : 'private',
    };
    const done = `“${body.title}” is added to your goals`;
    dialog.clearProblem();
    create.mutate(body, {
      onSuccess: () => {
        dialog.close();
        toast({ tone: 'success', title: done });
      },
      onError: (error) => {
        const offered = swap.offer(error, {
          title: body.title,
          done,
          retry: () => create.mutateAsync(body),
        });
        if (offered) dialog.close();
        else dialog.fail(plainApiError(error));
      },
    });
  });

  return (
    <>
      <Button size="sm" onClick={dialog.show}>
        <Plus aria-hidden="true" className="size-4" />
        New goal
      </Button>
      <FormDialog
        open={dialog.open}
        title="New goal"
        description={<p>What you want to reach, and how you will know you are getting there.</p>}
        formLabel="New goal"
        confirmLabel="Add goal"
        pending={create.isPending}
        problem={dialog.problem}
        problemTitle="The goal was not added"
        onSubmit={submit}
        onCancel={dialog.close}
      >
        <GoalFormFields form={form} />
        <CheckboxField
          label="Start now"
          hint="It counts towards the goals you work on at once."
          checked={start}
          onChange={(event) => setStart(event.target.checked)}
        />
        <CheckboxField
          label="Share with my coaches"
          hint={shareHint(sharedByDefault, share)}
          checked={share}
          onChange={(event) => setShare(event.target.checked)}
        />
      </FormDialog>
      {swap.dialog}
    </>
  );
}

/** What the sharing box means now; says when the session setting chose it. */
function shareHint(byDefault: boolean, shared: boolean): string {
  const what = 'its progress, check-ins and comments';
  if (byDefault)
    return shared
      ? `Your session settings share new goals with your coaches: they see ${what}.`
      : 'Your session settings share new goals; this one stays private.';
  return shared ? `Your coaches see ${what}.` : 'Only you see it. You can share it later.';
}
