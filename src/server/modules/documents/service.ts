// The rules of documents (seed 000 §1): a person's documents are theirs alone; a coach in an active
// relationship with them reads the ones they shared, and nothing once the relationship is paused or
// ended. Anyone else, and any document that is not theirs to see, gets 404.
import type { FastifyBaseLogger } from 'fastify';
import type {
  DocumentList,
  DocumentListQuery,
  DocumentText,
  DocumentUsage,
  DocumentView,
  UpdateDocumentBody,
} from '../../../contract/documents.ts';
import type { Database } from '../../db/client.ts';
import { NotFoundError } from '../../http/errors.ts';
import type { Caller } from '../../identity/auth-plugin.ts';
import type { IdentityProvider } from '../../identity/port.ts';
import type { JobRunner } from '../../jobs/runner.ts';
import { recordAudit } from '../audit/service.ts';
import { sharesWithCoachesByDefault } from '../member/session-settings.ts';
import { activeClientOf } from '../relationships/coach-access.ts';
import { cancelExtraction, queueContentRelease } from './jobs.ts';
import {
  type DocumentSummary,
  deleteDocument as deleteDocumentRow,
  findDocument,
  findDocumentText,
  listDocuments as listDocumentRows,
  searchDocuments,
  updateDocument as updateDocumentRow,
  usedBytesOf,
} from './repository.ts';
import type { DocumentStorage } from './storage/storage.ts';
import { toDocumentView } from './views.ts';

export type DocumentsDeps = {
  db: Database;
  identity: IdentityProvider;
  jobs: JobRunner;
  storage: DocumentStorage;
  log: FastifyBaseLogger;
  limits: { maxUploadBytes: number; quotaBytes: number };
};

/** Whose documents a request reads: the caller's own, or a client's shared ones. */
export type DocumentScope = { ownerUserId: string; sharedOnly: boolean };

export const ownScope = (caller: Caller): DocumentScope => ({
  ownerUserId: caller.userId,
  sharedOnly: false,
});

/**
 * The client's shared documents, for their coach in the active relationship `relationshipId`;
 * 404 for anyone else, and once the relationship is not active.
 */
export async function coachScope(
  deps: Pick<DocumentsDeps, 'db'>,
  caller: Caller,
  relationshipId: string,
): Promise<DocumentScope> {
  const { clientUserId } = await activeClientOf(deps.db, caller, relationshipId);
  return { ownerUserId: clientUserId, sharedOnly: true };
}

export async function listDocuments(
  deps: DocumentsDeps,
  scope: DocumentScope,
  query: DocumentListQuery,
): Promise<DocumentList> {
  const filter = { ...scope, ...query };
  if (query.q) {
    const { rows, totalCount } = await searchDocuments(deps.db, filter, query.q);
    return { data: rows.map((row) => toDocumentView(row, row.headline)), totalCount };
  }
  const { rows, totalCount } = await listDocumentRows(deps.db, filter);
  return { data: rows.map((row) => toDocumentView(row)), totalCount };
}

export async function getDocument(
  deps: DocumentsDeps,
  scope: DocumentScope,
  id: string,
): Promise<DocumentView> {
  return toDocumentView(await summaryOf(deps, scope, id));
}

/** The row, or 404. */
export async function summaryOf(
  deps: Pick<DocumentsDeps, 'db'>,
  scope: DocumentScope,
  id: string,
): Promise<DocumentSummary> {
  const row = await findDocument(deps.db, scope, id);
  if (!row) throw new NotFoundError('Document');
  return row;
}

export async function getDocumentText(
  deps: DocumentsDeps,
  scope: DocumentScope,
  id: string,
): Promise<DocumentText> {
  const row = await findDocumentText(deps.db, scope, id);
  if (!row) throw new NotFoundError('Document');
  return {
    id: row.id,
    status: row.status,
    text: row.status === 'extracted' ? row.text : null,
    pageCount: row.pageCount,
    wordCount: row.wordCount,
  };
}

export async function updateDocument(
  deps: DocumentsDeps,
  caller: Caller,
  id: string,
  body: UpdateDocumentBody,
): Promise<DocumentView> {
  const row = await deps.db.transaction(async (tx) => {
    const before = await findDocument(tx, ownScope(caller), id);
    if (!before) throw new NotFoundError('Document');
    const updated = await updateDocumentRow(tx, caller.userId, id, body);
    if (!updated) throw new NotFoundError('Document');
    const changed = Object.keys(body) as (keyof UpdateDocumentBody)[];
    await recordAudit(tx, {
      actor: caller.userId,
      action: 'document.update',
      target: `document:${id}`,
      before: Object.fromEntries(changed.map((key) => [key, before[key]])),
      after: Object.fromEntries(changed.map((key) => [key, updated[key]])),
    });
    return updated;
  });
  return toDocumentView(row);
}

/**
 * Deletes the row, its extraction if it has not started (a running one finds no row and ends) and,
 * once no other document points at it, the stored file.
 */
export async function deleteDocument(
  deps: DocumentsDeps,
  caller: Caller,
  id: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const deleted = await deleteDocumentRow(tx, caller.userId, id);
    if (!deleted) throw new NotFoundError('Document');
    await cancelExtraction(tx, id);
    await queueContentRelease(tx, deleted.sha256);
    await recordAudit(tx, {
      actor: caller.userId,
      action: 'document.delete',
      target: `document:${id}`,
      before: {
        title: deleted.title,
        originalName: deleted.originalName,
        sha256: deleted.sha256,
        size: deleted.size,
      },
    });
  });
  deps.jobs.nudge();
}

export async function getUsage(deps: DocumentsDeps, caller: Caller): Promise<DocumentUsage> {
  const [usedBytes, sharedByDefault] = await Promise.all([
    usedBytesOf(deps.db, caller.userId),
    sharesWithCoachesByDefault(deps.identity, caller.userId),
  ]);
  return {
    usedBytes,
    quotaBytes: deps.limits.quotaBytes,
    maxUploadBytes: deps.limits.maxUploadBytes,
    sharedByDefault,
  };
}

/** A coach's read of a client's document is the client's business: it is recorded. */
export async function recordCoachRead(
  deps: Pick<DocumentsDeps, 'db'>,
  caller: Caller,
  scope: DocumentScope,
  documentId: string,
  what: 'text' | 'download',
): Promise<void> {
  await recordAudit(deps.db, {
    actor: caller.userId,
    action: `document.coach_read.${what}`,
    target: `document:${documentId}`,
    after: { ownerUserId: scope.ownerUserId },
  });
}
