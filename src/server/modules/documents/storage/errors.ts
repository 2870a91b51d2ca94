/** Storage errors carry a stable `code`; the HTTP layer maps them (413, 404, 416, 500). */
export class StorageError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export class UploadTooLargeError extends StorageError {
  readonly maxBytes: number;

  constructor(maxBytes: number) {
    super('upload_too_large', `The upload is larger than the limit of ${maxBytes} bytes.`);
    this.maxBytes = maxBytes;
  }
}

export class InvalidSha256Error extends StorageError {
  constructor() {
    // The value itself is left out: it may be hostile input headed for a log.
    super('invalid_sha256', 'A sha256 must be exactly 64 lowercase hexadecimal characters.');
  }
}

export class ContentNotFoundError extends StorageError {
  constructor(sha256: string) {
    super('content_not_found', `No stored content has sha256 ${sha256}.`);
  }
}

export class RangeNotSatisfiableError extends StorageError {
  constructor(message = 'The requested byte range cannot be served.') {
    super('range_not_satisfiable', message);
  }
}

/** Stored bytes no longer hash to their name: corruption, or tampering in the bucket. */
export class IntegrityError extends StorageError {
  constructor(sha256: string) {
    super('integrity', `Stored content ${sha256} does not match its sha256.`);
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Called before any sha256 becomes part of a path or key, so `../` and friends never get there. */
export function assertSha256(value: unknown): asserts value is string {
  if (typeof value !== 'string' || !SHA256.test(value)) throw new InvalidSha256Error();
}

export function assertRange(range: { start: number; end?: number }): void {
  const { start, end } = range;
  const valid =
    Number.isSafeInteger(start) &&
    start >= 0 &&
    (end === undefined || (Number.isSafeInteger(end) && end >= start));
  if (!valid) throw new RangeNotSatisfiableError('A byte range needs 0 <= start <= end.');
}

export function assertMaxBytes(maxBytes: number): void {
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
    throw new TypeError('maxBytes must be a non-negative integer.');
  }
}
