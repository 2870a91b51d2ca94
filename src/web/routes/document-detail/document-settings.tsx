import { useState } from 'react';
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
import { SettingSwitch } from '../../components/setting-switch.tsx';
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
  const on = document.sharedWithCoaches;

  return (
    <SettingSwitch
      on={on}
      label="Shared with my coaches"
      hint={on ? 'The coaches you work with now can read and download it.' : 'Only you can see it.'}
      saving={update.isPending}
      saved={update.isSuccess}
      onToggle={() => {
        setProblem(null);
        update.mutate(
          { sharedWithCoaches: !on },
          { onError: (error) => setProblem(plainApiError(error)) },
        );
      }}
      problem={problem}
      onDismissProblem={() => setProblem(null)}
    />
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
