import type { ReactNode } from 'react';
import { type DocumentView, documentCategoryLabels } from '../../../contract/documents.ts';
import { formatBytes } from '../../lib/documents.ts';
import { DateCell } from '../data-table/cells.tsx';

const TYPE_LABELS: Record<DocumentView['type'], string> = {
  pdf: 'PDF',
  docx: 'Word document (DOCX)',
  text: 'Text',
  markdown: 'Markdown',
};

/** What there is to know about a document's file, as a list of terms. */
export function DocumentFacts({
  document,
  withCategory = false,
}: {
  document: DocumentView;
  /** The category is a fact on a page where it cannot be changed (a coach's view). */
  withCategory?: boolean;
}) {
  const count = (value: number | null) => (value === null ? '—' : value.toLocaleString());
  const rows: [string, ReactNode][] = [
    ...(withCategory
      ? [['Category', documentCategoryLabels[document.category]] as [string, ReactNode]]
      : []),
    ['File', document.originalName],
    ['Type', TYPE_LABELS[document.type]],
    ['Size', formatBytes(document.size)],
    ['Pages', count(document.pageCount)],
    ['Words', count(document.wordCount)],
    ['Added', <DateCell key="added" iso={document.createdAt} withTime />],
    ['Text read', <DateCell key="read" iso={document.extractedAt} withTime />],
  ];
  return (
    <dl className="mt-4 grid grid-cols-[6rem_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-muted-foreground">{label}</dt>
          <dd className="break-words text-foreground">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
