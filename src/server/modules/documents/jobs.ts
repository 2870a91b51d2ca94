// The durable side of documents: extracting an upload's text, and deleting a stored file once no
// document points at it. Both are jobs of the server's one runner, recorded in the transaction of
// the change that causes them, so a crash or a restart never loses one.
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.ts';
import { cancelWaitingJob, enqueueJob, jobKind } from '../../jobs/repository.ts';
import { exponentialBackoff, type JobRunner, PermanentJobError } from '../../jobs/runner.ts';
import { extractText, FAILURE_REASONS } from './extraction/index.ts';
import {
  isContentUsed,
  lockContent,
  saveExtractedText,
  saveExtractionFailure,
  startExtraction,
} from './repository.ts';
import { ContentNotFoundError } from './storage/errors.ts';
import type { DocumentStorage } from './storage/storage.ts';

const extractJob = jobKind<{ documentId: string }>('documents.extract');
const releaseContentJob = jobKind<{ sha256: string }>('documents.content.release');

export type DocumentJobDeps = {
  db: Database;
  storage: DocumentStorage;
  log: FastifyBaseLogger;
};

/** Queues the extraction of a new document, in the transaction that inserts it. */
export function queueExtraction(tx: Database, documentId: string): Promise<boolean> {
  return enqueueJob(tx, { kind: extractJob, payload: { documentId }, key: documentId });
}

/** Drops the extraction of a deleted document unless it is running (then it finds no row). */
export function cancelExtraction(tx: Database, documentId: string): Promise<boolean> {
  return cancelWaitingJob(tx, extractJob, documentId);
}

/**
 * Queues a check that deletes the stored file if no document points at it (then, or `delayMs`
 * later). Not keyed: a waiting check already read the rows it saw, so a later change needs its own.
 */
export function queueContentRelease(db: Database, sha256: string, delayMs = 0): Promise<boolean> {
  return enqueueJob(db, {
    kind: releaseContentJob,
    payload: { sha256 },
    ...(delayMs > 0 ? { runAt: new Date(Date.now() + delayMs) } : {}),
  });
}

const MISSING_FILE_REASON =
  'The uploaded file is missing from storage, so its text cannot be read. Upload it again.';

async function extractDocument(
  deps: DocumentJobDeps,
  documentId: string,
  context: { signal: AbortSignal; attempt: number; maxAttempts: number },
): Promise<void> {
  const document = await startExtraction(deps.db, documentId);
  // Deleted meanwhile, or already done by an earlier attempt that crashed before finishing the job.
  if (!document) return;
  let result: Awaited<ReturnType<typeof extractText>>;
  try {
    result = await deps.storage.withLocalFile(document.sha256, (filePath) =>
      extractText(filePath, document.type, { signal: context.signal }),
    );
  } catch (error) {
    if (!(error instanceof ContentNotFoundError)) throw error;
    await saveExtractionFailure(deps.db, documentId, {
      code: 'unreadable',
      reason: MISSING_FILE_REASON,
    });
    throw new PermanentJobError(`the stored file ${document.sha256} is missing`);
  }
  if (result.ok) {
    await saveExtractedText(deps.db, documentId, result);
    return;
  }
  const { failure } = result;
  // Cancelled: this server is stopping or lost the job's lease; the job runs again (here or on
  // another server) and the document stays `extracting` meanwhile, not `failed`.
  if (failure.retryable && context.attempt < context.maxAttempts) {
    throw new Error(`extraction ${failure.code}: ${failure.detail ?? failure.reason}`);
  }
  await saveExtractionFailure(deps.db, documentId, failure);
  deps.log.info(
    { documentId, code: failure.code, detail: failure.detail },
    'a document could not be extracted',
  );
}

async function releaseContent(deps: DocumentJobDeps, sha256: string): Promise<void> {
  // The file is deleted under the content lock: an upload pointing a new row at the same content
  // takes that lock too, and then finds the file gone and says so, rather than losing it silently.
  await deps.db.transaction(async (tx) => {
    await lockContent(tx, sha256);
    if (await isContentUsed(tx, sha256)) return;
    await deps.storage.delete(sha256);
  });
}

/** Extraction holds a child process for up to a minute: its lease outlasts that, renewed as it runs. */
const EXTRACTION_LEASE_MS = 2 * 60_000;

export function registerDocumentJobs(jobs: JobRunner, deps: DocumentJobDeps): void {
  jobs.register(
    extractJob,
    (payload, context) => extractDocument(deps, payload.documentId, context),
    {
      // The extraction pool runs two at a time (2 cores); more slots would only queue in it.
      concurrency: 2,
      leaseMs: EXTRACTION_LEASE_MS,
      maxAttempts: 5,
      backoff: exponentialBackoff(5_000),
      onFailed: async (payload, _context, error) => {
        await saveExtractionFailure(deps.db, payload.documentId, {
          code: 'failed',
          reason: FAILURE_REASONS.failed,
        });
        deps.log.warn(
          { documentId: payload.documentId, err: error },
          'document extraction gave up',
        );
      },
    },
  );
  jobs.register(releaseContentJob, (payload) => releaseContent(deps, payload.sha256), {
    backoff: exponentialBackoff(5_000),
  });
}
