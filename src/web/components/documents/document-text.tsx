import type { UseQueryResult } from '@tanstack/react-query';
import { Search } from 'lucide-react';
import { type FormEvent, useId, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { DocumentText, DocumentView } from '../../../contract/documents.ts';
import { countMatches, markSearchWords } from '../../lib/documents.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { Alert } from '../alert.tsx';
import { Spinner } from '../button.tsx';
import { filterInputClass } from '../data-table/list-filters.tsx';
import { SectionError } from '../page-state.tsx';
import { MarkedText } from './marked-text.tsx';

/**
 * A document's text as it was read from the file, with the words of the search in the address
 * (`?q=`, carried from the list) marked; a field to look for other words. While the text is being
 * read it says so (the page polls); when reading failed, why, and that the file is still there.
 */
export function DocumentTextPanel({
  document,
  text,
}: {
  document: DocumentView;
  text: UseQueryResult<DocumentText>;
}) {
  const titleId = useId();
  return (
    <section
      aria-labelledby={titleId}
      className="min-w-0 rounded-xl border border-border bg-surface p-5 shadow-card"
    >
      <h2 id={titleId} className="text-sm font-medium text-foreground">
        Text
      </h2>
      {document.status === 'pending' || document.status === 'extracting' ? (
        <p role="status" className="mt-4 flex items-center gap-2 text-sm text-muted-foreground">
          <Spinner className="size-4 text-primary" />
          {document.status === 'pending'
            ? 'Waiting to read the text of this file…'
            : 'Reading the text of this file…'}
        </p>
      ) : document.status === 'failed' ? (
        <Alert tone="warning" title="The text could not be read" className="mt-4" live={false}>
          <p>{document.failureReason ?? 'The file could not be read.'}</p>
          <p className="mt-1">The file itself is kept: you can still download it.</p>
        </Alert>
      ) : text.isError ? (
        <SectionError onRetry={() => void text.refetch()}>
          The text could not be loaded. {plainApiError(text.error)}
        </SectionError>
      ) : !text.data ? (
        <div aria-hidden="true" className="mt-4 space-y-2">
          <div className="h-4 w-full animate-pulse rounded bg-surface-muted" />
          <div className="h-4 w-11/12 animate-pulse rounded bg-surface-muted" />
          <div className="h-4 w-4/5 animate-pulse rounded bg-surface-muted" />
        </div>
      ) : (
        <FoundText title={document.title} text={text.data.text ?? ''} />
      )}
    </section>
  );
}

function FoundText({ title, text }: { title: string; text: string }) {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const parts = useMemo(() => markSearchWords(text, q), [text, q]);
  const matches = countMatches(parts);
  const fieldId = useId();

  function find(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    setParams(value ? { q: value } : {}, { replace: true });
  }

  if (text.trim() === '') {
    return (
      <p className="mt-4 text-sm text-muted-foreground">
        No text was found in this file (a scanned page holds only a picture of its words).
      </p>
    );
  }
  return (
    <>
      <search aria-label="Find in the text" className="mt-3">
        <form onSubmit={find} className="flex flex-wrap items-end gap-2">
          <div className="min-w-40 flex-1">
            <label htmlFor={fieldId} className="block text-xs font-medium text-muted-foreground">
              Words to mark
            </label>
            <input
              // A new search in the address (Back, a link) refills the field.
              key={q}
              id={fieldId}
              name="q"
              type="search"
              defaultValue={q}
              maxLength={200}
              className={`mt-1 ${filterInputClass}`}
            />
          </div>
          <button
            type="submit"
            className="inline-flex h-9 items-center gap-1.5 rounded-md border border-border bg-surface px-3 text-sm font-medium text-foreground hover:bg-surface-muted"
          >
            <Search aria-hidden="true" className="size-4" />
            Mark
          </button>
        </form>
      </search>
      <p role="status" className="mt-2 text-xs text-muted-foreground">
        {q
          ? matches === 0
            ? `No words matching “${q}” in this text.`
            : `${matches} ${matches === 1 ? 'place matches' : 'places match'} “${q}”.`
          : ''}
      </p>
      <section
        aria-label={`Text of ${title}`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus
        tabIndex={0}
        className="mt-2 max-h-[32rem] overflow-y-auto rounded-lg border border-border bg-background p-4 text-sm leading-relaxed break-words whitespace-pre-wrap text-foreground"
      >
        <MarkedText parts={parts} />
      </section>
    </>
  );
}
