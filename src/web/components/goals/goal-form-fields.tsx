import { Plus, X } from 'lucide-react';
import { type UseFormReturn, useFieldArray } from 'react-hook-form';
import { EMPTY_KEY_RESULT, type GoalFormValues } from '../../lib/goal-form.ts';
import { AREA_OPTIONS } from '../../lib/goals.ts';
import { Button } from '../button.tsx';
import { SelectField, TextAreaField, TextField } from '../form-field.tsx';

const MAX_KEY_RESULTS = 10;
const MAX_MILESTONES = 20;

/**
 * The fields of a goal (create, propose, edit before accepting): title, area, description, why it
 * matters, a target date, then its measurable steps as rows that can be added and removed: key
 * results (what, from, to, unit) and milestones. `withSteps` false shows the fields only (a
 * proposal's steps are the coach's and cannot be changed when accepting it).
 */
export function GoalFormFields({
  form,
  withSteps = true,
  withWhy = true,
}: {
  form: UseFormReturn<GoalFormValues>;
  withSteps?: boolean;
  withWhy?: boolean;
}) {
  const { errors } = form.formState;
  return (
    <>
      <TextField label="Title" {...form.register('title')} error={errors.title?.message} />
      <SelectField label="Area" {...form.register('area')} error={errors.area?.message}>
        <option value="">Choose an area</option>
        {AREA_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label="Description (optional)"
        rows={2}
        {...form.register('description')}
        error={errors.description?.message}
      />
      {withWhy && (
        <TextAreaField
          label="Why it matters (optional)"
          rows={2}
          {...form.register('whyItMatters')}
          error={errors.whyItMatters?.message}
        />
      )}
      <TextField
        label="Target date (optional)"
        type="date"
        {...form.register('targetDate')}
        error={errors.targetDate?.message}
      />
      {withSteps && (
        <>
          <KeyResultRows form={form} />
          <MilestoneRows form={form} />
        </>
      )}
    </>
  );
}

function KeyResultRows({ form }: { form: UseFormReturn<GoalFormValues> }) {
  const rows = useFieldArray({ control: form.control, name: 'keyResults' });
  const errors = form.formState.errors.keyResults;
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-foreground">Key results</legend>
      <p className="text-sm text-muted-foreground">
        Numbers that show progress: from where you start to where you want to be.
      </p>
      {rows.fields.map((field, index) => (
        <fieldset
          key={field.id}
          className="space-y-3 rounded-lg border border-border bg-surface-muted/40 p-3"
        >
          <legend className="sr-only">Key result {index + 1}</legend>
          <div className="flex items-center justify-between gap-2">
            <p aria-hidden="true" className="text-xs font-medium text-muted-foreground">
              Key result {index + 1}
            </p>
            <RemoveButton
              label={`Remove key result ${index + 1}`}
              onClick={() => rows.remove(index)}
            />
          </div>
          <TextField
            label="What you will measure"
            {...form.register(`keyResults.${index}.title`)}
            error={errors?.[index]?.title?.message}
          />
          <div className="grid grid-cols-3 gap-2">
            <TextField
              label="From"
              inputMode="decimal"
              {...form.register(`keyResults.${index}.startValue`)}
              error={errors?.[index]?.startValue?.message}
            />
            <TextField
              label="To"
              inputMode="decimal"
              {...form.register(`keyResults.${index}.targetValue`)}
              error={errors?.[index]?.targetValue?.message}
            />
            <TextField
              label="Unit"
              placeholder="km"
              {...form.register(`keyResults.${index}.unit`)}
              error={errors?.[index]?.unit?.message}
            />
          </div>
        </fieldset>
      ))}
      {rows.fields.length < MAX_KEY_RESULTS && (
        <Button variant="secondary" size="sm" onClick={() => rows.append({ ...EMPTY_KEY_RESULT })}>
          <Plus aria-hidden="true" className="size-4" />
          Add a key result
        </Button>
      )}
    </fieldset>
  );
}

function MilestoneRows({ form }: { form: UseFormReturn<GoalFormValues> }) {
  const rows = useFieldArray({ control: form.control, name: 'milestones' });
  const errors = form.formState.errors.milestones;
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-foreground">Milestones</legend>
      <p className="text-sm text-muted-foreground">Steps that are done or not.</p>
      {rows.fields.map((field, index) => (
        <div key={field.id} className="flex items-start gap-2">
          <TextField
            label={`Milestone ${index + 1}`}
            className="min-w-0 flex-1"
            {...form.register(`milestones.${index}.title`)}
            error={errors?.[index]?.title?.message}
          />
          <RemoveButton
            label={`Remove milestone ${index + 1}`}
            onClick={() => rows.remove(index)}
            className="mt-8"
          />
        </div>
      ))}
      {rows.fields.length < MAX_MILESTONES && (
        <Button variant="secondary" size="sm" onClick={() => rows.append({ title: '' })}>
          <Plus aria-hidden="true" className="size-4" />
          Add a milestone
        </Button>
      )}
    </fieldset>
  );
}

function RemoveButton({
  label,
  onClick,
  className = '',
}: {
  label: string;
  onClick: () => void;
  className?: string;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      className={`inline-flex size-8 shrink-0 items-center justify-center rounded-md text-muted-foreground transition-colors hover:bg-surface-muted hover:text-foreground ${className}`}
    >
      <X aria-hidden="true" className="size-4" />
    </button>
  );
}
