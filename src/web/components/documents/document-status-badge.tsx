import type { DocumentStatus } from '../../../contract/documents.ts';
import { DOCUMENT_STATUS_LABELS, isInProgress } from '../../lib/documents.ts';
import { Spinner } from '../button.tsx';

const statusClasses: Record<DocumentStatus, string> = {
  pending: 'border-border bg-surface-muted text-muted-foreground',
  extracting: 'border-primary/30 bg-primary-soft text-primary',
  extracted: 'border-success/30 bg-success/10 text-success',
  failed: 'border-warning/30 bg-warning/10 text-warning',
};

/**
 * Where reading a document's text stands, as a small badge ("Status: Reading" to a screen reader);
 * a spinner while it runs, so a list that is polled shows that something is under way.
 */
export function DocumentStatusBadge({ status }: { status: DocumentStatus }) {
  return (
    <span
      data-status={status}
      className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs font-medium whitespace-nowrap ${statusClasses[status]}`}
    >
      {isInProgress(status) && <Spinner className="size-3" />}
      <span className="sr-only">Status: </span>
      {DOCUMENT_STATUS_LABELS[status]}
    </span>
  );
}
