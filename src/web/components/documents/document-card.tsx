import { type ReactNode, useId } from 'react';
import { type DocumentView, documentCategoryLabels } from '../../../contract/documents.ts';
import { DocumentStatusBadge } from './document-status-badge.tsx';

/** A card of a document's page, named by its heading. */
export function DocumentCard({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      className="min-w-0 rounded-xl border border-border bg-surface p-5 shadow-card"
    >
      <h2 id={id} className="text-sm font-medium text-foreground">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Under a document's title: where reading its text stands, and its category. */
export function DocumentLine({ document }: { document: DocumentView }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <DocumentStatusBadge status={document.status} />
      <span>{documentCategoryLabels[document.category]}</span>
    </span>
  );
}
