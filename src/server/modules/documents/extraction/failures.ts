import type { ExtractionFailure, ExtractionResult, FailureCode } from './types.ts';

/** The sentence stored with a failed document and shown to its owner. */
export const FAILURE_REASONS: Record<FailureCode, string> = {
  encrypted: 'The PDF is password-protected, so its text cannot be read.',
  'invalid-pdf': 'The file is not a valid PDF.',
  truncated:
    'The file is incomplete: it ends before its last part (an interrupted download or copy?).',
  'too-many-pages': 'The document has more pages than Arete extracts.',
  'text-too-long': 'The document contains more text than Arete stores for one document.',
  timeout: 'Reading the document took too long.',
  memory: 'Reading the document needed too much memory.',
  'zip-too-many-entries': 'The Word file contains too many parts to be a normal document.',
  'zip-too-large': 'The Word file unpacks to far more data than a normal document.',
  'zip-ratio': 'The Word file is compressed suspiciously tightly (a "zip bomb").',
  'zip-size-mismatch': 'The Word file is damaged: a part does not have the size it declares.',
  'not-docx': 'The file is not a valid Word (.docx) document.',
  'not-text': 'The file is not plain text (it is not UTF-8 or contains binary data).',
  unreadable: 'The stored file could not be read.',
  cancelled: 'The extraction was cancelled.',
  crashed: 'The text extractor stopped unexpectedly.',
  failed: 'The text could not be extracted from this document.',
};

// Causes outside the file: another attempt may succeed. Everything else fails the same way again.
const RETRYABLE: ReadonlySet<FailureCode> = new Set(['cancelled', 'crashed', 'unreadable']);

export function failure(code: FailureCode, detail?: string): ExtractionFailure {
  const result: ExtractionFailure = {
    code,
    reason: FAILURE_REASONS[code],
    retryable: RETRYABLE.has(code),
  };
  if (detail !== undefined) result.detail = detail;
  return result;
}

export function failed(code: FailureCode, detail?: string): ExtractionResult {
  return { ok: false, failure: failure(code, detail) };
}

/** Thrown inside the child by the per-type extractors; the child turns it into a result. */
export class ExtractionError extends Error {
  readonly code: FailureCode;

  constructor(code: FailureCode, detail?: string) {
    super(detail ?? FAILURE_REASONS[code]);
    this.name = 'ExtractionError';
    this.code = code;
  }
}
