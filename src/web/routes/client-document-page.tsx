import { ArrowLeft } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { buttonClasses } from '../components/button.tsx';
import { DetailLoading } from '../components/detail-states.tsx';
import { DocumentCard, DocumentLine } from '../components/documents/document-card.tsx';
import { DocumentFacts } from '../components/documents/document-facts.tsx';
import { DocumentTextPanel } from '../components/documents/document-text.tsx';
import { DownloadButton } from '../components/documents/download-button.tsx';
import { DocumentsNotAvailable, isRefused } from '../components/documents/not-available.tsx';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ErrorState } from '../components/page-state.tsx';
import { useSharedDocument, useSharedDocumentText } from '../hooks/use-documents.ts';
import { useOwnRelationship } from '../hooks/use-relationships.ts';
import { sharedDocumentsPath } from '../lib/documents.ts';

/** One document a client shared with the coach: its text (search words marked) and its file. */
export function ClientDocumentPage() {
  const { relationshipId = '', documentId = '' } = useParams();
  const relationship = useOwnRelationship(relationshipId);
  const document = useSharedDocument(relationshipId, documentId);
  const text = useSharedDocumentText(
    relationshipId,
    documentId,
    document.data?.status === 'extracted',
  );

  const inactive = relationship.data && relationship.data.status !== 'active';
  if (inactive || isRefused(document.error) || isRefused(relationship.error)) {
    return <DocumentsNotAvailable relationship={relationship.data} />;
  }
  if (document.error && !document.data) {
    return (
      <ErrorState
        title="The document could not be loaded"
        error={document.error}
        onRetry={() => void document.refetch()}
      />
    );
  }

  const data = document.data;
  if (!data) {
    return (
      <DetailLoading label="Loading the document…">
        <div aria-hidden="true" className="h-96 animate-pulse rounded-xl bg-surface-muted" />
      </DetailLoading>
    );
  }

  return (
    <PageContainer>
      <PageHeader
        title={<span className="break-words">{data.title}</span>}
        documentTitle={`${data.title} · Client documents`}
        description={<DocumentLine document={data} />}
        actions={
          <>
            <Link
              to={sharedDocumentsPath(relationshipId)}
              className={buttonClasses('secondary', 'sm')}
            >
              <ArrowLeft aria-hidden="true" className="size-4" />
              Shared documents
            </Link>
            <DownloadButton document={data} relationshipId={relationshipId} />
          </>
        }
      />
      <div className="grid grid-cols-1 gap-5 pb-16 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <DocumentTextPanel document={data} text={text} />
        <DocumentCard title="The file">
          <DocumentFacts document={data} withCategory />
        </DocumentCard>
      </div>
    </PageContainer>
  );
}
