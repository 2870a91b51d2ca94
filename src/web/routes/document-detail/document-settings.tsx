import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import {
  type DocumentView,
  documentCategorySchema,
  documentTitleSchema,
} from '../../../contract/documents.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { SelectField, TextField } from '../../components/form-field.tsx';
import { DismissButton } from '../../components/page-state.tsx';
import { useToast } from '../../components/toast.tsx';
import { useUpdateDocument } from '../../hooks/use-documents.ts';
import { CATEGORY_OPTIONS } from '../../lib/documents.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { plainResolver } from '../../lib/plain-resolver.ts';

type Values = { title: string; category: string };

const resolver = plainResolver<Values>(
  z.object({ title: documentTitleSchema, category: documentCategorySchema }),
  {
    title: { name: 'the title', missing: 'Enter a title.' },
    category: { name: 'the category', missing: 'Choose a category.' },
  },
);

/** Whether the caller's coaches may read the document: a switch that saves at once. */
export function ShareSwitch({ document }: { document: DocumentView }) {
  const update = useUpdateDocument(document.id);
  const [problem, setProblem] = useState<string | null>(null);
  const labelId = useId();
  const hintId = useId();
  const on = document.sharedWithCoaches;

  function toggle() {
    if (update.isPending) return;
    setProblem(null);
    update.mutate(
      { sharedWithCoaches: !on },
      { onError: (error) => setProblem(plainApiError(error)) },
    );
  }

  return (
    <div>
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
              ? 'The coaches you work with now can read and download it.'
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

/** The document's title and category, saved together. */
export function TitleAndCategoryForm({ document }: { document: DocumentView }) {
  const update = useUpdateDocument(document.id);
  const toast = useToast();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<Values>({
    values: { title: document.title, category: document.category },
    // The page reads the document again while its text is read: what is being typed stays.
    resetOptions: { keepDirtyValues: true },
    resolver,
  });
  const { errors, isDirty } = form.formState;

  const submit = form.handleSubmit((values) => {
    setProblem(null);
    update.mutate(
      { title: values.title.trim(), category: documentCategorySchema.parse(values.category) },
      {
        onSuccess: () => toast({ tone: 'success', title: 'Title and category saved' }),
        onError: (error) => setProblem(plainApiError(error)),
      },
    );
  });

  return (
    <form
      noValidate
      aria-label="Title and category"
      onSubmit={(event) => void submit(event)}
      className="space-y-4"
    >
      {problem && (
        <Alert tone="danger" title="Not saved">
          <p>{problem}</p>
        </Alert>
      )}
      <TextField label="Title" {...form.register('title')} error={errors.title?.message} />
      <SelectField label="Category" {...form.register('category')} error={errors.category?.message}>
        {CATEGORY_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectField>
      <Button
        type="submit"
        variant="secondary"
        size="sm"
        pending={update.isPending}
        disabled={!isDirty}
      >
        Save changes
      </Button>
    </form>
  );
}
