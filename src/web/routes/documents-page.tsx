import { Trash2 } from 'lucide-react';
import { useMemo } from 'react';
import type { DocumentView } from '../../contract/documents.ts';
import { RowAction, RowActions } from '../components/data-table/cells.tsx';
import { FilteredTable } from '../components/data-table/filtered-table.tsx';
import { useListState } from '../components/data-table/use-list-state.ts';
import { useDeleteDocumentDialog } from '../components/documents/delete-document.tsx';
import { documentColumns } from '../components/documents/document-columns.tsx';
import { DownloadButton } from '../components/documents/download-button.tsx';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { useDocuments } from '../hooks/use-documents.ts';
import {
  CATEGORY_OPTIONS,
  DOCUMENT_PAGE_SIZE,
  documentPath,
  documentsCaption,
  documentsListSpec,
  STATUS_OPTIONS,
} from '../lib/documents.ts';
import { UploadPanel } from './documents/upload-panel.tsx';

/**
 * The caller's documents: the upload card, then every document, searchable by the words in its
 * text (the snippet shows where), filtered by category and status, with each one's state while
 * its text is read (the list is read again until none is left waiting).
 */
export function DocumentsPage() {
  const list = useListState(documentsListSpec);
  const { state } = list;
  const documents = useDocuments(state);
  const remove = useDeleteDocumentDialog();
  const columns = useMemo(
    () =>
      documentColumns({
        href: (document) => documentPath(document.id, state.q),
        withSharing: true,
      }),
    [state.q],
  );

  return (
    <PageContainer>
      <PageHeader
        title="Documents"
        description="Your files and the text read from them; share them with your coaches if you wish."
      />
      <div className="space-y-6 pb-16">
        <UploadPanel />
        <div className="space-y-4">
          <FilteredTable
            filtersLabel="Find documents"
            filters={[
              {
                kind: 'text',
                key: 'q',
                label: 'Search',
                placeholder: 'Words in the text or the title',
              },
              {
                kind: 'select',
                key: 'category',
                label: 'Category',
                allLabel: 'Every category',
                options: CATEGORY_OPTIONS,
              },
              {
                kind: 'select',
                key: 'status',
                label: 'Status',
                allLabel: 'Every status',
                options: STATUS_OPTIONS,
              },
            ]}
            spec={documentsListSpec}
            list={list}
            query={documents}
            pageSize={DOCUMENT_PAGE_SIZE}
            label="Your documents"
            captionDetail={documentsCaption(state)}
            columns={columns}
            getRowId={(document) => document.id}
            pagesLabel="Document pages"
            rowActions={(document: DocumentView) => (
              <RowActions>
                <DownloadButton document={document} compact />
                <RowAction
                  tone="danger"
                  aria-label={`Delete ${document.title}`}
                  onClick={() => remove.ask(document)}
                >
                  <Trash2 aria-hidden="true" className="size-3.5" />
                  <span className="max-sm:sr-only">Delete</span>
                </RowAction>
              </RowActions>
            )}
            empty={
              list.filtered ? (
                <p>No documents match. Try other words, or another category or status.</p>
              ) : (
                <p>
                  No documents yet. Upload an assessment, your CV, your goals or notes above: their
                  text becomes searchable, and you choose what your coaches can read.
                </p>
              )
            }
          />
        </div>
      </div>
      {remove.dialog}
    </PageContainer>
  );
}
