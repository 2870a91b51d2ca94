import { Download } from 'lucide-react';
import type { DocumentView } from '../../../contract/documents.ts';
import { useDownloadDocument } from '../../hooks/use-documents.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { Button } from '../button.tsx';
import { RowAction } from '../data-table/cells.tsx';
import { useToast } from '../toast.tsx';

/**
 * Downloads a document's file (the owner's, or a shared one through the relationship): a page's
 * button, or a compact one in a table row named after the document.
 */
export function DownloadButton({
  document,
  relationshipId,
  compact = false,
}: {
  document: DocumentView;
  relationshipId?: string;
  compact?: boolean;
}) {
  const download = useDownloadDocument();
  const toast = useToast();
  const start = () =>
    download.mutate(
      { document, ...(relationshipId && { relationshipId }) },
      {
        onError: (error) =>
          toast({ tone: 'error', title: 'The download failed', description: plainApiError(error) }),
      },
    );
  return compact ? (
    <RowAction
      pending={download.isPending}
      aria-label={`Download ${document.title}`}
      onClick={start}
    >
      <Download aria-hidden="true" className="size-3.5" />
      {/* On a phone the icon alone, so the row's title keeps the width. */}
      <span className="max-sm:sr-only">Download</span>
    </RowAction>
  ) : (
    <Button variant="secondary" size="sm" pending={download.isPending} onClick={start}>
      {!download.isPending && <Download aria-hidden="true" className="size-4" />}
      Download
    </Button>
  );
}
