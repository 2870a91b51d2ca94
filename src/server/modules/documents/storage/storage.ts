/**
 * Where uploaded files live. Content-addressed by sha256: one stored copy per distinct content,
 * however many documents point at it, and no user-supplied name ever reaches a path or key.
 * Two adapters implement it: disk.ts (default, DATA_DIR/uploads) and s3.ts (several servers).
 */
import type { Readable } from 'node:stream';

export type StoredContent = {
  sha256: string;
  size: number;
  /**
   * False when the content was already stored. A hint only: two concurrent puts of the same new
   * bytes may both say true. Never use it to decide whether deleting is safe; count rows instead.
   */
  created: boolean;
};

/** Absolute, inclusive byte offsets; `end` past the last byte is clamped (as in HTTP). */
export type ByteRange = { start: number; end?: number };

export type PutOptions = { maxBytes: number };

export interface DocumentStorage {
  /**
   * Streams `source` into storage, hashing and counting as it goes; never holds it whole in memory.
   * Rejects with UploadTooLargeError past `maxBytes`, or with the source's own error, and then
   * leaves nothing behind.
   */
  put(source: Readable, options: PutOptions): Promise<StoredContent>;
  has(sha256: string): Promise<boolean>;
  /** Rejects with ContentNotFoundError when absent. */
  size(sha256: string): Promise<number>;
  /**
   * Resolves once the content is known to exist (ContentNotFoundError otherwise), so an HTTP
   * handler can still answer 404 before sending headers. A range starting at or past the end
   * rejects with RangeNotSatisfiableError. Suffix ranges (`bytes=-N`) are the caller's to turn
   * into absolute offsets with size(): s3rver answers them wrongly and the two adapters must agree.
   */
  open(sha256: string, range?: ByteRange): Promise<Readable>;
  /** Idempotent: deleting absent content is not an error. */
  delete(sha256: string): Promise<void>;
  /**
   * Runs `use` with a local path holding the content, for tools that read files (the extractor).
   * Disk: the stored file itself, so `use` must only read it. S3: a temporary download, verified
   * against its sha256 and removed when `use` settles.
   */
  withLocalFile<T>(sha256: string, use: (filePath: string) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
