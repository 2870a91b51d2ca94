// Sending a stored document: always as an attachment under its detected type, never sniffed or
// rendered by the browser in our origin, with single byte ranges (resumed downloads, PDF viewers).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../http/errors.ts';
import { DOCUMENT_MIME } from './extraction/index.ts';
import { attachmentDisposition } from './file-names.ts';
import type { DocumentSummary } from './repository.ts';
import { ContentNotFoundError } from './storage/errors.ts';
import type { ByteRange, DocumentStorage } from './storage/storage.ts';

class RangeNotSatisfiable extends DomainError {
  constructor() {
    super(416, 'range_not_satisfiable', 'The requested byte range is outside the file.');
  }
}

/**
 * The one range of a `Range: bytes=…` header, in absolute offsets; null to send the whole file
 * (no header, another unit, several ranges, or a syntax error: RFC 9110 lets a server ignore them).
 * Throws 416 for a range that starts past the end.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) throw new RangeNotSatisfiable();
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return null;
  if (start >= size) throw new RangeNotSatisfiable();
  return { start, end };
}

/** Whether an If-None-Match header names this ETag: `*`, or a list with it, weak or strong. */
export function matchesETag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

/**
 * Sends the file; `onServe` runs once it is certain the bytes will be sent (not for a 304 or a
 * refused range), e.g. to record who read it.
 */
export async function sendDocument(
  storage: DocumentStorage,
  document: DocumentSummary,
  request: FastifyRequest,
  reply: FastifyReply,
  onServe?: () => Promise<void>,
) {
  const etag = `"${document.sha256}"`;
  if (matchesETag(request.headers['if-none-match'], etag))
    return reply.code(304).header('etag', etag).send();
  const ifRange = request.headers['if-range'];
  let range: ByteRange | null;
  try {
    range =
      ifRange === undefined || ifRange === etag
        ? parseRange(request.headers.range, document.size)
        : null;
  } catch (error) {
    reply.header('content-range', `bytes */${document.size}`);
    throw error;
  }
  // Opened before any header is set: a failure is then answered as the API's JSON error.
  const body = await openContent(storage, document, range, request);
  try {
    await onServe?.();
  } catch (error) {
    body.destroy();
    throw error;
  }
  reply
    .header('content-type', DOCUMENT_MIME[document.type])
    .header('content-disposition', attachmentDisposition(document.originalName, document.type))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-cache')
    .header('accept-ranges', 'bytes')
    .header('etag', etag);
  if (!range) return reply.header('content-length', document.size).send(body);
  const end = range.end ?? document.size - 1;
  return reply
    .code(206)
    .header('content-range', `bytes ${range.start}-${end}/${document.size}`)
    .header('content-length', end - range.start + 1)
    .send(body);
}

async function openContent(
  storage: DocumentStorage,
  document: DocumentSummary,
  range: ByteRange | null,
  request: FastifyRequest,
) {
  try {
    return await storage.open(document.sha256, range ?? undefined);
  } catch (error) {
    if (!(error instanceof ContentNotFoundError)) throw error;
    request.log.error({ documentId: document.id }, 'the stored file of a document is missing');
    throw new DomainError(
      410,
      'gone',
      'The file of this document is no longer stored. Upload it again.',
    );
  }
}
