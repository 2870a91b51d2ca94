import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { CoachingInterestView } from '../../../contract/coaching-interest.ts';
import { Button } from '../../components/button.tsx';
import { SelectField, TextAreaField } from '../../components/form-field.tsx';
import { LabelledForm } from '../../components/labelled-form.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useToast } from '../../components/toast.tsx';
import { useUpdateCoachingInterest } from '../../hooks/use-coaching-interest.ts';
import type { FormProblem } from '../../lib/auth-errors.ts';
import {
  INTEREST_REVIEW_WORDS,
  INTEREST_STATUS_OPTIONS,
  type InterestReviewValues,
  interestPatch,
  interestReviewSchema,
} from '../../lib/coaching-interest.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { plainResolver } from '../../lib/plain-resolver.ts';

const resolver = plainResolver<InterestReviewValues>(interestReviewSchema, INTEREST_REVIEW_WORDS);

/**
 * The admin's status and notes on a submission, saved together; only what changed is sent. The
 * fields follow the submission as the server has it (after a save, or a match that changed its
 * status) without losing the focus.
 */
export function ReviewForm({ submission }: { submission: CoachingInterestView }) {
  const update = useUpdateCoachingInterest(submission.id);
  const toast = useToast();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const form = useForm<InterestReviewValues>({
    resolver,
    values: { status: submission.status, notes: submission.notes ?? '' },
  });
  const { errors, isDirty } = form.formState;

  const submit = form.handleSubmit((values) => {
    const patch = interestPatch(submission, values);
    if (!patch) return;
    setProblem(null);
    update.mutate(patch, {
      onSuccess: () => toast({ tone: 'success', title: 'The submission is saved' }),
      onError: (error) =>
        setProblem({ title: 'The submission was not saved', message: plainApiError(error) }),
    });
  });

  return (
    <LabelledForm label="Review" onSubmit={(event) => void submit(event)} className="mt-4">
      <ProblemAlert problem={problem} />
      <SelectField label="Status" {...form.register('status')} error={errors.status?.message}>
        {INTEREST_STATUS_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label="Notes (optional)"
        rows={5}
        {...form.register('notes')}
        error={errors.notes?.message}
        hint={errors.notes ? undefined : 'For admins only: whom you talked to, what was agreed.'}
      />
      <Button
        type="submit"
        size="sm"
        pending={update.isPending}
        pendingLabel="Saving…"
        disabled={!isDirty}
      >
        Save
      </Button>
    </LabelledForm>
  );
}
