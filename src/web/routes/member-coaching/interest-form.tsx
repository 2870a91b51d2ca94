import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../components/button.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/form-field.tsx';
import { LabelledForm } from '../../components/labelled-form.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useSubmitCoachingInterest } from '../../hooks/use-coaching-interest.ts';
import { ApiRequestError } from '../../lib/api-client.ts';
import type { FormProblem } from '../../lib/auth-errors.ts';
import {
  COACHING_FORMAT_OPTIONS,
  EMPTY_INTEREST_FORM,
  INTEREST_FORM_WORDS,
  type InterestFormValues,
  interestBody,
  interestFormSchema,
} from '../../lib/coaching-interest.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { plainResolver } from '../../lib/plain-resolver.ts';

const resolver = plainResolver<InterestFormValues>(interestFormSchema, INTEREST_FORM_WORDS);

export type InterestOutcome = 'sent' | 'already-open';

/**
 * Seed 001's interest form: what the member wants from coaching, for the admins to match them with
 * a coach. Once sent (or when one was open already), the page shows the submission instead.
 */
export function InterestForm({ onSent }: { onSent: (outcome: InterestOutcome) => void }) {
  const submitInterest = useSubmitCoachingInterest();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const form = useForm<InterestFormValues>({ resolver, defaultValues: EMPTY_INTEREST_FORM });
  const { errors } = form.formState;

  const submit = form.handleSubmit((values) => {
    setProblem(null);
    submitInterest.mutate(interestBody(values), {
      onSuccess: () => onSent('sent'),
      onError: (error) => {
        // One is open already (sent from another tab): the hook shows it in the form's place.
        if (error instanceof ApiRequestError && error.status === 409 && error.existing) {
          onSent('already-open');
          return;
        }
        setProblem({ title: 'Your interest was not sent', message: plainApiError(error) });
      },
    });
  });

  return (
    <LabelledForm label="Ask for a coach" onSubmit={(event) => void submit(event)}>
      <ProblemAlert problem={problem} />
      <TextAreaField
        label="What do you want from coaching?"
        rows={4}
        required
        {...form.register('goals')}
        error={errors.goals?.message}
        hint={errors.goals ? undefined : 'Your goals, in your own words.'}
      />
      <TextField
        label="Focus areas"
        required
        {...form.register('focusAreas')}
        error={errors.focusAreas?.message}
        hint={
          errors.focusAreas
            ? undefined
            : 'Separated by commas: Leadership, Career change, Confidence'
        }
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField
          label="How would you like to meet?"
          required
          {...form.register('preferredFormat')}
          error={errors.preferredFormat?.message}
        >
          <option value="" disabled>
            Choose a format
          </option>
          {COACHING_FORMAT_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
        <TextField
          label="When are you available? (optional)"
          {...form.register('availability')}
          error={errors.availability?.message}
          hint={errors.availability ? undefined : 'Weekday evenings, Friday mornings…'}
        />
      </div>
      <TextAreaField
        label="Anything else? (optional)"
        rows={3}
        {...form.register('message')}
        error={errors.message?.message}
      />
      <Button type="submit" pending={submitInterest.isPending} pendingLabel="Sending…">
        Send my interest
      </Button>
    </LabelledForm>
  );
}
