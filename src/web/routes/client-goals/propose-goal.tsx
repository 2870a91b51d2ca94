import { Lightbulb } from 'lucide-react';
import { useForm } from 'react-hook-form';
import { Button } from '../../components/button.tsx';
import { FormDialog, useFormDialog } from '../../components/form-dialog.tsx';
import { GoalFormFields } from '../../components/goals/goal-form-fields.tsx';
import { useToast } from '../../components/toast.tsx';
import { useProposeGoal } from '../../hooks/use-goals.ts';
import {
  checkGoalForm,
  emptyGoalForm,
  type GoalFormValues,
  goalFormResolver,
} from '../../lib/goal-form.ts';
import { plainApiError } from '../../lib/plain-errors.ts';

const resolver = goalFormResolver();

/**
 * The coach proposes a goal to the client, with key results and milestones: it waits on the
 * client's goals page until they accept, edit or decline it, and is always shared with the coach.
 */
export function ProposeGoal({
  relationshipId,
  clientName,
}: {
  relationshipId: string;
  clientName: string;
}) {
  const propose = useProposeGoal(relationshipId);
  const toast = useToast();
  const form = useForm<GoalFormValues>({ defaultValues: emptyGoalForm(), resolver });
  const dialog = useFormDialog(() => form.reset(emptyGoalForm()));

  const submit = form.handleSubmit((values) => {
    const fields = checkGoalForm(values).fields;
    if (!fields) return;
    dialog.clearProblem();
    propose.mutate(fields, {
      onSuccess: (goal) => {
        dialog.close();
        toast({
          tone: 'success',
          title: `“${goal.title}” is proposed to ${clientName}`,
          description: 'It waits for their answer on their goals page.',
        });
      },
      onError: (error) => dialog.fail(plainApiError(error)),
    });
  });

  return (
    <>
      <Button size="sm" onClick={dialog.show}>
        <Lightbulb aria-hidden="true" className="size-4" />
        Propose a goal
      </Button>
      <FormDialog
        open={dialog.open}
        title={`Propose a goal to ${clientName}`}
        description={<p>They accept it as it is, edit it, or decline it.</p>}
        formLabel="Propose a goal"
        confirmLabel="Propose goal"
        pending={propose.isPending}
        problem={dialog.problem}
        problemTitle="The goal was not proposed"
        onSubmit={submit}
        onCancel={dialog.close}
      >
        <GoalFormFields form={form} />
      </FormDialog>
    </>
  );
}
