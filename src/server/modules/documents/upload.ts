// An upload, from the multipart stream to a document row: the file is streamed into storage (never
// held whole in memory) under the smaller of the upload limit and what is left of the owner's quota,
// its type is read from its first bytes, then the row, its extraction job and the audit record are
// written in one transaction. Whatever fails after the file was stored queues its release, so a
// refused upload leaves nothing behind.
import { pipeline, Transform } from 'node:stream';
import type { Multipart, MultipartFile } from '@fastify/multipart';
import {
  type DocumentView,
  type UploadFields,
  uploadFieldsSchema,
} from '../../../contract/documents.ts';
import {
  BadRequestError,
  PayloadTooLargeError,
  ServiceUnavailableError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../../http/errors.ts';
import type { Caller } from '../../identity/auth-plugin.ts';
import { recordAudit } from '../audit/service.ts';
import { sharesWithCoachesByDefault } from '../member/session-settings.ts';
import { type Detection, detectDocumentType } from './extraction/index.ts';
import { cleanFileName, titleFromFileName } from './file-names.ts';
import { formatBytes } from './format-bytes.ts';
import { queueContentRelease, queueExtraction } from './jobs.ts';
import { insertDocument, lockContent, lockOwnerQuota, usedBytesOf } from './repository.ts';
import type { DocumentsDeps } from './service.ts';
import { UploadTooLargeError } from './storage/errors.ts';
import type { StoredContent } from './storage/storage.ts';
import { toDocumentView } from './views.ts';

/** What detection reads: 1 MiB and one byte (so it can tell a longer file from a 1 MiB one). */
const HEAD_BYTES = 1024 * 1024 + 1;
/** A stored file that no row took (a crash between the two) is checked again after this. */
const ORPHAN_CHECK_DELAY_MS = 10 * 60_000;

const ACCEPTED_TYPES = 'PDF, Word (.docx), plain text and Markdown files';
const TYPE_NAMES: Record<string, string> = {
  pdf: 'a PDF',
  docx: 'a Word document',
  text: 'a text file',
  markdown: 'a Markdown file',
  other: 'another kind of file',
};

type ReceivedFile = {
  content: StoredContent;
  head: Buffer;
  name: string;
  declaredMime: string;
};

/** The limits @fastify/multipart enforces for the upload route (ours come first; these are a net). */
export function multipartLimits(maxUploadBytes: number) {
  return { files: 1, fields: 8, fieldSize: 4 * 1024, parts: 10, fileSize: maxUploadBytes + 1 };
}

export async function uploadDocument(
  deps: DocumentsDeps,
  caller: Caller,
  /** `request.parts`: called here, so that a request that is not multipart is answered as such. */
  parts: () => AsyncIterable<Multipart>,
): Promise<DocumentView> {
  const fields: Record<string, string> = {};
  let received: ReceivedFile | undefined;
  try {
    for await (const part of readParts(parts)) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
      } else if (part.fieldname !== 'file' || received) {
        part.file.resume();
        throw new BadRequestError('Send one file, in the form field named `file`.');
      } else {
        received = await receiveFile(deps, caller, part);
      }
    }
    if (!received) throw new BadRequestError('Choose a file to upload (form field `file`).');
    return await createDocument(deps, caller, received, parseFields(fields));
  } catch (error) {
    if (received) await queueContentRelease(deps.db, received.content.sha256);
    throw error;
  } finally {
    deps.jobs.nudge();
  }
}

/** The parts, with @fastify/multipart's and busboy's errors turned into answers a person reads. */
async function* readParts(parts: () => AsyncIterable<Multipart>): AsyncIterable<Multipart> {
  try {
    yield* parts();
  } catch (error) {
    throw multipartError(error);
  }
}

function multipartError(error: unknown): Error {
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new BadRequestError(
      'Send one file per upload, with at most the fields category, title and sharedWithCoaches.',
    );
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
    return new UnsupportedMediaTypeError('Send the upload as multipart/form-data.');
  if (error instanceof Error && 'statusCode' in error) return error;
  return new BadRequestError(
    'The upload was interrupted or is not valid multipart/form-data. Try again.',
  );
}

async function receiveFile(
  deps: DocumentsDeps,
  caller: Caller,
  part: MultipartFile,
): Promise<ReceivedFile> {
  const { maxUploadBytes, quotaBytes } = deps.limits;
  // pipeline() also carries an error the file stream already had: busboy may have destroyed it
  // (a body cut short) before this runs, and a plain pipe() would then never end the put.
  const head = new HeadCapture(HEAD_BYTES);
  let sourceError: unknown = part.file.errored;
  part.file.on('error', (error: NodeJS.ErrnoException) => {
    // Our own teardown after a refused put closes it early; that is not the client's doing.
    if (error.code !== 'ERR_STREAM_PREMATURE_CLOSE') sourceError ??= error;
  });
  const source = pipeline(part.file, head, () => undefined);
  const used = await usedBytesOf(deps.db, caller.userId);
  const left = quotaBytes - used;
  try {
    if (left <= 0) throw overQuota(used, quotaBytes);
    const content = await deps.storage.put(source, { maxBytes: Math.min(maxUploadBytes, left) });
    if (content.created) await queueContentRelease(deps.db, content.sha256, ORPHAN_CHECK_DELAY_MS);
    return {
      content,
      head: head.bytes(),
      name: cleanFileName(part.filename),
      declaredMime: part.mimetype,
    };
  } catch (error) {
    head.destroy();
    part.file.resume();
    const limitHit =
      error instanceof UploadTooLargeError ||
      (error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE';
    if (limitHit)
      throw left < maxUploadBytes ? overQuota(used, quotaBytes) : tooLarge(maxUploadBytes);
    if (sourceError) throw multipartError(sourceError);
    throw error;
  }
}

function tooLarge(maxUploadBytes: number): PayloadTooLargeError {
  return new PayloadTooLargeError(
    `The file is larger than the upload limit of ${formatBytes(maxUploadBytes)}.`,
  );
}

function overQuota(used: number, quota: number): PayloadTooLargeError {
  return new PayloadTooLargeError(
    `This file does not fit in your document storage: you use ${formatBytes(used)} of ${formatBytes(quota)} (${formatBytes(Math.max(0, quota - used))} left). Delete documents you no longer need to make room.`,
  );
}

function parseFields(fields: Record<string, string>): UploadFields {
  const parsed = uploadFieldsSchema.safeParse(fields);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    parsed.error.issues.map((issue) => ({
      path: ['body', ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  );
}

function refuseUnlessAccepted(detection: Detection): asserts detection is Detection & {
  type: NonNullable<Detection['type']>;
} {
  if (!detection.type)
    throw new UnsupportedMediaTypeError(
      `This kind of file cannot be uploaded: only ${ACCEPTED_TYPES} are accepted.`,
    );
  if (detection.contradicts) {
    const { fromName, fromMime } = detection.declared;
    const kind = (claim: string | null) => (claim === 'markdown' ? 'text' : claim);
    const claim =
      [fromName, fromMime].find((each) => each !== null && kind(each) !== kind(detection.type)) ??
      'other';
    throw new UnsupportedMediaTypeError(
      `The file's contents are ${TYPE_NAMES[detection.type]}, but its name or type says it is ${TYPE_NAMES[claim]}. Upload the file under its real name.`,
    );
  }
}

async function createDocument(
  deps: DocumentsDeps,
  caller: Caller,
  file: ReceivedFile,
  fields: UploadFields,
): Promise<DocumentView> {
  const detection = await detectDocumentType(file.head, {
    name: file.name,
    mime: file.declaredMime,
  });
  refuseUnlessAccepted(detection);
  const sharedWithCoaches =
    fields.sharedWithCoaches ?? (await sharesWithCoachesByDefault(deps.identity, caller.userId));
  const row = await deps.db.transaction(async (tx) => {
    await lockOwnerQuota(tx, caller.userId);
    const used = await usedBytesOf(tx, caller.userId);
    if (used + file.content.size > deps.limits.quotaBytes)
      throw overQuota(used, deps.limits.quotaBytes);
    await lockContent(tx, file.content.sha256);
    // A release may have deleted this content between our put and this lock (it had no row then).
    if (!(await deps.storage.has(file.content.sha256)))
      throw new ServiceUnavailableError('The upload could not be stored. Send it again.');
    const inserted = await insertDocument(tx, {
      ownerUserId: caller.userId,
      title: fields.title ?? titleFromFileName(file.name),
      originalName: file.name,
      type: detection.type,
      size: file.content.size,
      sha256: file.content.sha256,
      category: fields.category,
      sharedWithCoaches,
    });
    await queueExtraction(tx, inserted.id);
    await recordAudit(tx, {
      actor: caller.userId,
      action: 'document.upload',
      target: `document:${inserted.id}`,
      after: {
        type: inserted.type,
        size: inserted.size,
        sha256: inserted.sha256,
        category: inserted.category,
        sharedWithCoaches,
      },
    });
    return inserted;
  });
  return toDocumentView(row);
}

/** Passes a stream through unchanged, keeping a copy of its first `limit` bytes. */
class HeadCapture extends Transform {
  readonly #chunks: Buffer[] = [];
  #kept = 0;
  readonly #limit: number;

  constructor(limit: number) {
    super();
    this.#limit = limit;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    if (this.#kept < this.#limit) {
      const piece = chunk.subarray(0, this.#limit - this.#kept);
      this.#chunks.push(Buffer.from(piece));
      this.#kept += piece.length;
    }
    this.push(chunk);
    done();
  }

  bytes(): Buffer {
    return Buffer.concat(this.#chunks);
  }
}
