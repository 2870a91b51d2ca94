import { ArrowLeft, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, buttonClasses } from '../components/button.tsx';
import { DetailLoading, NotFoundState } from '../components/detail-states.tsx';
import { useDeleteDocumentDialog } from '../components/documents/delete-document.tsx';
import { DocumentCard as Card, DocumentLine } from '../components/documents/document-card.tsx';
import { DocumentFacts } from '../components/documents/document-facts.tsx';
import { DocumentTextPanel } from '../components/documents/document-text.tsx';
import { DownloadButton } from '../components/documents/download-button.tsx';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ErrorState } from '../components/page-state.tsx';
import { useDocument, useDocumentText } from '../hooks/use-documents.ts';
import { ApiRequestError } from '../lib/api-client.ts';
import { ShareSwitch, TitleAndCategoryForm } from './document-detail/document-settings.tsx';

const backLink = (
  <Link to="/documents" className={buttonClasses('secondary', 'sm')}>
    <ArrowLeft aria-hidden="true" className="size-4" />
    All documents
  </Link>
);

/**
 * One of the caller's documents: its text (with the search's words marked), or why it could not
 * be read; its title, category and sharing; the file to download; and deleting it.
 */
export function DocumentDetailPage() {
  const { id = '' } = useParams();
  // Once deleted here, it is not read again on the way back to the list.
  const [deleted, setDeleted] = useState(false);
  const document = useDocument(id, !deleted);
  const text = useDocumentText(id, !deleted && document.data?.status === 'extracted');
  const navigate = useNavigate();
  const remove = useDeleteDocumentDialog(() => {
    setDeleted(true);
    navigate('/documents', { replace: true });
  });

  // An address that is not a document's id answers 400 (not a UUID) or 404: both are "not here",
  // also for a document shown before and deleted since (in another tab).
  const error = document.error;
  const missing = error instanceof ApiRequestError && [400, 404].includes(error.status);
  if (error && (missing || !document.data)) {
    return missing ? (
      <NotFoundState title="Document not found" actions={backLink}>
        There is no document of yours at this address. It may have been deleted.
      </NotFoundState>
    ) : (
      <ErrorState
        title="The document could not be loaded"
        error={error}
        onRetry={() => void document.refetch()}
      />
    );
  }

  const data = document.data;
  if (!data) {
    return (
      <DetailLoading label="Loading the document…">
        <div className="grid gap-5 lg:grid-cols-[3fr_2fr]">
          <div aria-hidden="true" className="h-96 animate-pulse rounded-xl bg-surface-muted" />
          <div aria-hidden="true" className="h-96 animate-pulse rounded-xl bg-surface-muted" />
        </div>
      </DetailLoading>
    );
  }

  return (
    <PageContainer>
      <PageHeader
        title={<span className="break-words">{data.title}</span>}
        documentTitle={`${data.title} · Documents`}
        description={<DocumentLine document={data} />}
        actions={
          <>
            {backLink}
            <DownloadButton document={data} />
          </>
        }
      />
      <div className="grid grid-cols-1 gap-5 pb-16 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <DocumentTextPanel document={data} text={text} />
        <div className="min-w-0 space-y-5">
          <Card title="Sharing">
            <div className="mt-4">
              <ShareSwitch document={data} />
            </div>
          </Card>
          <Card title="Title and category">
            <div className="mt-4">
              <TitleAndCategoryForm document={data} />
            </div>
          </Card>
          <Card title="The file">
            <DocumentFacts document={data} />
            <Button
              variant="danger-quiet"
              size="sm"
              className="mt-5"
              onClick={() => remove.ask(data)}
            >
              <Trash2 aria-hidden="true" className="size-4" />
              Delete document
            </Button>
          </Card>
        </div>
      </div>
      {remove.dialog}
    </PageContainer>
  );
}
