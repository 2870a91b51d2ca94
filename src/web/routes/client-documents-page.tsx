import { useMemo } from 'react';
import { useParams } from 'react-router';
import { RowActions } from '../components/data-table/cells.tsx';
import { FilteredTable } from '../components/data-table/filtered-table.tsx';
import { useListState } from '../components/data-table/use-list-state.ts';
import { documentColumns } from '../components/documents/document-columns.tsx';
import { DownloadButton } from '../components/documents/download-button.tsx';
import {
  ClientsLink,
  DocumentsNotAvailable,
  isRefused,
} from '../components/documents/not-available.tsx';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { useSharedDocuments } from '../hooks/use-documents.ts';
import { useOwnRelationship } from '../hooks/use-relationships.ts';
import {
  CATEGORY_OPTIONS,
  DOCUMENT_PAGE_SIZE,
  documentsCaption,
  sharedDocumentPath,
  sharedDocumentsListSpec,
} from '../lib/documents.ts';
import { partyName } from '../lib/relationships.ts';

/**
 * A coach's view of what one client shared with them (an active relationship only): searchable by
 * the words in the text, by category, each one readable on its own page and downloadable.
 */
export function ClientDocumentsPage() {
  const { relationshipId = '' } = useParams();
  const relationship = useOwnRelationship(relationshipId);
  const list = useListState(sharedDocumentsListSpec);
  const { state } = list;
  const documents = useSharedDocuments(relationshipId, state);
  const columns = useMemo(
    () =>
      documentColumns({
        href: (document) => sharedDocumentPath(relationshipId, document.id, state.q),
        withSharing: false,
      }),
    [relationshipId, state.q],
  );

  const inactive = relationship.data && relationship.data.status !== 'active';
  if (inactive || isRefused(documents.error) || isRefused(relationship.error)) {
    return <DocumentsNotAvailable relationship={relationship.data} />;
  }

  const name = relationship.data ? partyName(relationship.data.client) : null;
  return (
    <PageContainer>
      <PageHeader
        title={
          <span className="break-words">{name ? `Documents of ${name}` : 'Shared documents'}</span>
        }
        documentTitle="Client documents · Coach"
        description="What your client chose to share with you; nothing else of theirs appears here."
        actions={<ClientsLink />}
      />
      <div className="space-y-4 pb-16">
        <FilteredTable
          filtersLabel="Find shared documents"
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
          ]}
          spec={sharedDocumentsListSpec}
          list={list}
          query={documents}
          pageSize={DOCUMENT_PAGE_SIZE}
          label="Shared documents"
          captionDetail={documentsCaption(state)}
          columns={columns}
          getRowId={(document) => document.id}
          pagesLabel="Shared document pages"
          rowActions={(document) => (
            <RowActions>
              <DownloadButton document={document} relationshipId={relationshipId} compact />
            </RowActions>
          )}
          empty={
            list.filtered ? (
              <p>No shared documents match. Try other words or another category.</p>
            ) : (
              <p>
                {name ?? 'Your client'} has shared no documents with you yet. They choose what to
                share from their own documents page.
              </p>
            )
          }
        />
      </div>
    </PageContainer>
  );
}
