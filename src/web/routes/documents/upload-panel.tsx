import { useEffect, useId, useReducer, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import {
  type DocumentUsage,
  type DocumentView,
  documentCategorySchema,
  documentTitleSchema,
} from '../../../contract/documents.ts';
import { Button } from '../../components/button.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { SelectField, TextField } from '../../components/form-field.tsx';
import { SectionError } from '../../components/page-state.tsx';
import { useToast } from '../../components/toast.tsx';
import { useDocumentUsage, useRefreshDocuments } from '../../hooks/use-documents.ts';
import {
  CATEGORY_OPTIONS,
  formatBytes,
  plainUploadError,
  uploadProblemBefore,
  usageSummary,
} from '../../lib/documents.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { plainResolver } from '../../lib/plain-resolver.ts';
import { uploadWithProgress } from '../../lib/upload.ts';
import { type QueuedFile, queueSummary, readyFiles, uploadQueue } from '../../lib/upload-queue.ts';
import { DropZone } from './drop-zone.tsx';
import { UploadList } from './upload-list.tsx';

type UploadValues = { category: string; title: string; sharedWithCoaches: boolean };

const resolver = plainResolver<UploadValues>(
  z.object({
    category: documentCategorySchema,
    title: documentTitleSchema.optional(),
    sharedWithCoaches: z.boolean(),
  }),
  {
    category: { name: 'the category', missing: 'Choose a category.' },
    title: { name: 'the title' },
  },
);

const cardClass = 'rounded-xl border border-border bg-surface p-5 shadow-card';

/**
 * The upload card of /documents: the storage used, then files chosen or dropped (several at once),
 * the category they go in, a title for a single file, and whether the caller's coaches may read
 * them, checked from the start when the caller's session settings share new uploads (and it says
 * so). Nothing can be chosen before the limits are known.
 */
export function UploadPanel() {
  const usage = useDocumentUsage();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className={cardClass}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={titleId} className="text-sm font-medium text-foreground">
          Upload documents
        </h2>
        {usage.data && <p className="text-xs text-muted-foreground">{usageSummary(usage.data)}</p>}
      </div>
      {usage.isPending ? (
        <div aria-hidden="true" className="mt-4 grid gap-5 lg:grid-cols-[minmax(0,1fr)_18rem]">
          <div className="h-36 animate-pulse rounded-xl bg-surface-muted" />
          <div className="h-36 animate-pulse rounded-xl bg-surface-muted" />
        </div>
      ) : usage.isError ? (
        <SectionError onRetry={() => void usage.refetch()}>
          Your storage could not be checked, so nothing can be uploaded yet.{' '}
          {plainApiError(usage.error)}
        </SectionError>
      ) : (
        <UploadForm usage={usage.data} />
      )}
    </section>
  );
}

function UploadForm({ usage }: { usage: DocumentUsage }) {
  const [queue, dispatch] = useReducer(uploadQueue<File>, []);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const controllers = useRef(new Map<string, AbortController>());
  const nextId = useRef(1);
  // The upload loop runs across renders: it reads the newest queue and usage from here.
  const latest = useRef({ queue, usage });
  latest.current = { queue, usage };
  const refresh = useRefreshDocuments();
  const toast = useToast();
  const form = useForm<UploadValues>({
    defaultValues: { category: '', title: '', sharedWithCoaches: usage.sharedByDefault },
    resolver,
  });
  const { errors } = form.formState;
  const ready = readyFiles(queue);
  const several = ready.length > 1;
  const shared = form.watch('sharedWithCoaches');

  // Leaving the page cancels what is still being sent.
  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const controller of running.values()) controller.abort();
    };
  }, []);

  function addFiles(files: File[]) {
    setProblem(null);
    let queued = readyFiles(latest.current.queue).reduce((sum, item) => sum + item.file.size, 0);
    const entries = files.map((file) => {
      const refused = uploadProblemBefore(file, latest.current.usage, queued);
      if (!refused) queued += file.size;
      return { id: `upload-${nextId.current++}`, file, problem: refused };
    });
    dispatch({ type: 'add', files: entries });
  }

  async function send(item: QueuedFile<File>, values: UploadValues, title: string) {
    const controller = new AbortController();
    controllers.current.set(item.id, controller);
    dispatch({ type: 'start', id: item.id });
    // The fields before the file: the server reads them before it streams the file to storage.
    const body = new FormData();
    body.append('category', values.category);
    if (title) body.append('title', title);
    body.append('sharedWithCoaches', String(values.sharedWithCoaches));
    body.append('file', item.file, item.file.name);
    try {
      const document = await uploadWithProgress<DocumentView>('/api/v1/documents', body, {
        signal: controller.signal,
        onProgress: ({ loaded, total }) =>
          dispatch({ type: 'progress', id: item.id, loaded, total }),
      });
      dispatch({ type: 'done', id: item.id, documentId: document.id });
      void refresh();
      return document;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        dispatch({ type: 'remove', id: item.id });
      } else {
        const message = plainUploadError(error as Error, item.file, latest.current.usage);
        dispatch({ type: 'failed', id: item.id, problem: message });
      }
      return null;
    } finally {
      controllers.current.delete(item.id);
    }
  }

  const submit = form.handleSubmit(async (values) => {
    const batch = readyFiles(latest.current.queue);
    if (batch.length === 0) {
      setProblem('Choose a file to upload first, or drop one on the area above.');
      return;
    }
    setProblem(null);
    setSending(true);
    const title = batch.length === 1 ? values.title.trim() : '';
    const uploaded: DocumentView[] = [];
    // One at a time: each file's bar moves on its own, and the server reads one file at a time.
    for (const item of batch) {
      // Removed meanwhile: not sent.
      if (!latest.current.queue.some((queued) => queued.id === item.id)) continue;
      const document = await send(item, values, title);
      if (document) uploaded.push(document);
    }
    setSending(false);
    if (uploaded.length > 0) {
      form.setValue('title', '');
      toast({
        tone: 'success',
        title:
          uploaded.length === 1
            ? `“${uploaded[0]?.title}” is uploaded`
            : `${uploaded.length} documents are uploaded`,
        description: 'Their text is being read; the list shows when it is ready.',
      });
    }
  });

  const hint = `PDF, Word (DOCX), text or Markdown, up to ${formatBytes(usage.maxUploadBytes)} each`;
  return (
    <form
      noValidate
      aria-label="Upload documents"
      onSubmit={(event) => void submit(event)}
      className="mt-4 grid gap-5 lg:grid-cols-[minmax(0,1fr)_18rem]"
    >
      <div className="min-w-0 space-y-3">
        <DropZone hint={hint} disabled={sending} onFiles={addFiles} />
        <UploadList
          queue={queue}
          onRemove={(id) => dispatch({ type: 'remove', id })}
          onCancel={(id) => controllers.current.get(id)?.abort()}
        />
        {problem && (
          <p role="alert" className="text-sm font-medium text-danger">
            {problem}
          </p>
        )}
        <p role="status" className="sr-only">
          {queueSummary(queue)}
        </p>
      </div>
      <div className="min-w-0 space-y-4">
        <SelectField
          label="Category"
          {...form.register('category')}
          error={errors.category?.message}
          disabled={sending}
        >
          <option value="">Choose a category</option>
          {CATEGORY_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Title (optional)"
          {...form.register('title')}
          error={errors.title?.message}
          disabled={sending || several}
          hint={
            errors.title
              ? undefined
              : several
                ? 'Each of several files is named after its file; rename one on its page.'
                : 'Without one, the document is named after its file.'
          }
        />
        <CheckboxField
          label="Share with my coaches"
          {...form.register('sharedWithCoaches')}
          disabled={sending}
          hint={shareHint(usage.sharedByDefault, shared)}
        />
        <Button type="submit" pending={sending} pendingLabel="Uploading…" className="w-full">
          {several ? `Upload ${ready.length} files` : 'Upload'}
        </Button>
      </div>
    </form>
  );
}

/** What the sharing box means now; says when the session settings chose it. */
function shareHint(byDefault: boolean, shared: boolean): string {
  if (byDefault) {
    return shared
      ? 'Your session settings share new uploads with your coaches.'
      : 'Your session settings share new uploads with your coaches; these stay private.';
  }
  return shared
    ? 'The coaches you work with now can read and download them.'
    : 'Only you can see them. You can share each one later.';
}
