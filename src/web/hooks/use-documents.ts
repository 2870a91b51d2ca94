import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DocumentList,
  DocumentText,
  DocumentUsage,
  DocumentView,
  UpdateDocumentBody,
} from '../../contract/documents.ts';
import { apiDownload, apiRequest } from '../lib/api-client.ts';
import {
  type DocumentsListState,
  documentListQuery,
  EXTRACTION_POLL_MS,
  isInProgress,
  pollWhileExtracting,
  type SharedDocumentsListState,
} from '../lib/documents.ts';
import { saveFile } from '../lib/download.ts';
import { noRetryOnRefusal } from '../lib/query-retry.ts';

/*
 * The caller's own documents, and a coach's view of what a client shared. Every key starts with
 * `me` (what this person may see), which signing out forgets. Lists and documents whose text is
 * still being read are read again every 2 s until it is (or failed), then no more.
 */

const documentsKey = ['me', 'documents'] as const;
const usageKey = [...documentsKey, 'usage'] as const;
const sharedKey = ['me', 'shared-documents'] as const;

type ApiPath = `/api/v1/${string}`;
const documentPath = (id: string): ApiPath => `/api/v1/documents/${encodeURIComponent(id)}`;
const sharedPath = (relationshipId: string, id?: string): ApiPath =>
  `/api/v1/relationships/${encodeURIComponent(relationshipId)}/documents${id ? `/${encodeURIComponent(id)}` : ''}`;

/** How much storage is used, the limits, and whether new uploads are shared by default. */
export function useDocumentUsage() {
  return useQuery({
    queryKey: usageKey,
    queryFn: ({ signal }) => apiRequest<DocumentUsage>('/api/v1/documents/usage', { signal }),
    retry: noRetryOnRefusal,
  });
}

/** One page of the caller's documents. */
export function useDocuments(state: DocumentsListState) {
  return useQuery({
    queryKey: [...documentsKey, 'list', state],
    queryFn: ({ signal }) =>
      apiRequest<DocumentList>('/api/v1/documents', { query: documentListQuery(state), signal }),
    placeholderData: keepPreviousData,
    retry: false,
    refetchInterval: (query) => pollWhileExtracting(query.state.data?.data),
  });
}

const documentInProgress = (document: DocumentView | undefined) =>
  document && isInProgress(document.status) ? EXTRACTION_POLL_MS : false;

/** One of the caller's documents; `enabled` false once the page deleted it. */
export function useDocument(id: string, enabled = true) {
  return useQuery({
    queryKey: [...documentsKey, 'one', id],
    queryFn: ({ signal }) => apiRequest<DocumentView>(documentPath(id), { signal }),
    retry: noRetryOnRefusal,
    refetchInterval: (query) => documentInProgress(query.state.data),
    enabled,
  });
}

/** A document's text, asked for once its reading has ended (`ready`). */
export function useDocumentText(id: string, ready: boolean) {
  return useQuery({
    queryKey: [...documentsKey, 'text', id],
    queryFn: ({ signal }) => apiRequest<DocumentText>(`${documentPath(id)}/text`, { signal }),
    retry: noRetryOnRefusal,
    enabled: ready,
    // Read text never changes: no second read when the window takes the focus again.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** After an upload, a change or a deletion: the lists and the usage are read again. */
export function useRefreshDocuments() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: documentsKey });
}

/** Title, category or sharing; the document's page shows the answer at once. */
export function useUpdateDocument(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateDocumentBody) =>
      apiRequest<DocumentView>(documentPath(id), { method: 'PATCH', body }),
    onSuccess: (document) => client.setQueryData([...documentsKey, 'one', id], document),
    onSettled: () => client.invalidateQueries({ queryKey: [...documentsKey, 'list'] }),
  });
}

export function useDeleteDocument() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(documentPath(id), { method: 'DELETE' }),
    // Only the lists and the usage: the document's own page stops reading it (reading it again
    // would only answer 404 while the person is taken back to the list).
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: [...documentsKey, 'list'] }),
        client.invalidateQueries({ queryKey: usageKey }),
      ]),
  });
}

/**
 * Saves a document's file: the API serves it only with the bearer token, which a plain link cannot
 * send, so it is fetched and handed to the browser's downloads. Resolves to the file's name.
 */
export function useDownloadDocument() {
  return useMutation({
    mutationFn: async (input: { document: DocumentView; relationshipId?: string }) => {
      const path = input.relationshipId
        ? sharedPath(input.relationshipId, input.document.id)
        : documentPath(input.document.id);
      const file = await apiDownload(`${path}/download`, {
        fallbackFilename: input.document.originalName,
      });
      saveFile(file);
      return file.filename;
    },
  });
}

/* ------------------------------------------------------------------------------------------ */
/* A coach's view of a client's shared documents                                               */
/* ------------------------------------------------------------------------------------------ */

export function useSharedDocuments(relationshipId: string, state: SharedDocumentsListState) {
  return useQuery({
    queryKey: [...sharedKey, relationshipId, 'list', state],
    queryFn: ({ signal }) =>
      apiRequest<DocumentList>(sharedPath(relationshipId), {
        query: documentListQuery(state),
        signal,
      }),
    placeholderData: keepPreviousData,
    retry: noRetryOnRefusal,
    refetchInterval: (query) => pollWhileExtracting(query.state.data?.data),
  });
}

export function useSharedDocument(relationshipId: string, id: string) {
  return useQuery({
    queryKey: [...sharedKey, relationshipId, 'one', id],
    queryFn: ({ signal }) => apiRequest<DocumentView>(sharedPath(relationshipId, id), { signal }),
    retry: noRetryOnRefusal,
    refetchInterval: (query) => documentInProgress(query.state.data),
  });
}

export function useSharedDocumentText(relationshipId: string, id: string, ready: boolean) {
  return useQuery({
    queryKey: [...sharedKey, relationshipId, 'text', id],
    queryFn: ({ signal }) =>
      apiRequest<DocumentText>(`${sharedPath(relationshipId, id)}/text`, { signal }),
    retry: noRetryOnRefusal,
    enabled: ready,
    // The server audits each of the coach's reads: not read again when the window takes the focus.
    staleTime: Number.POSITIVE_INFINITY,
  });
}
