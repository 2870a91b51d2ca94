import { type ReactNode, useState } from 'react';
import type { DocumentView } from '../../../contract/documents.ts';
import { useDeleteDocument } from '../../hooks/use-documents.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { Alert } from '../alert.tsx';
import { ConfirmDialog } from '../confirm-dialog.tsx';
import { useToast } from '../toast.tsx';

/**
 * Deleting a document, asked first: the file, its text and its sharing go for good. One dialog
 * per page (render `dialog` once); `ask` opens it for a document. A refusal stays in the dialog.
 */
export function useDeleteDocumentDialog(onDeleted?: (document: DocumentView) => void): {
  ask: (document: DocumentView) => void;
  dialog: ReactNode;
} {
  const remove = useDeleteDocument();
  const toast = useToast();
  const [asking, setAsking] = useState<DocumentView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  function confirm() {
    if (!asking) return;
    const document = asking;
    setProblem(null);
    remove.mutate(document.id, {
      onSuccess: () => {
        setAsking(null);
        toast({ tone: 'success', title: `“${document.title}” is deleted` });
        onDeleted?.(document);
      },
      onError: (error) => setProblem(plainApiError(error)),
    });
  }

  return {
    ask: (document) => {
      setProblem(null);
      setAsking(document);
    },
    dialog: (
      <ConfirmDialog
        open={asking !== null}
        title={`Delete “${asking?.title ?? ''}”?`}
        confirmLabel="Delete document"
        confirmVariant="danger"
        pending={remove.isPending}
        onCancel={() => setAsking(null)}
        onConfirm={confirm}
        fields={
          problem && (
            <Alert tone="danger" title="Not deleted">
              <p>{problem}</p>
            </Alert>
          )
        }
      >
        <p>
          The file and the text read from it are deleted for good
          {asking?.sharedWithCoaches ? ', and your coaches can no longer read it' : ''}. This cannot
          be undone.
        </p>
      </ConfirmDialog>
    ),
  };
}
