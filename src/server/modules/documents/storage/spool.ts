/**
 * Streams an upload into a temporary file while hashing and counting it: the one place where
 * bytes are read, so both adapters enforce the size limit and compute the sha256 identically.
 */
import { createHash, randomUUID } from 'node:crypto';
import { open, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UploadTooLargeError } from './errors.ts';

export type SpooledFile = { path: string; sha256: string; size: number };

export type SpoolOptions = {
  maxBytes: number;
  /** Flush to the disk before returning; needed only when the file is about to become permanent. */
  fsync: boolean;
};

/**
 * Writes `source` to a new randomly named file in `dir`. On any failure (too large, the source
 * erroring, a full disk) the file is removed and the source destroyed, so nothing is left behind
 * and the rest of an oversized upload is never read.
 */
export async function spoolToTempFile(
  source: Readable,
  dir: string,
  options: SpoolOptions,
): Promise<SpooledFile> {
  const filePath = path.join(dir, randomUUID());
  const hash = createHash('sha256');
  let size = 0;
  async function* hashAndLimit(chunks: AsyncIterable<Buffer | string>) {
    for await (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += bytes.length;
      if (size > options.maxBytes) throw new UploadTooLargeError(options.maxBytes);
      hash.update(bytes);
      yield bytes;
    }
  }

  // 'wx': a fresh file only, never one that something else put there. Opened before the pipeline,
  // so that a failure in its first chunk cannot remove the file before the open creates it.
  const handle = await open(filePath, 'wx', 0o600);
  try {
    // `flush` fsyncs before the close, and pipeline settles only after the close.
    await pipeline(source, hashAndLimit, handle.createWriteStream({ flush: options.fsync }));
  } catch (error) {
    source.destroy();
    await handle.close().catch(() => undefined);
    await rm(filePath, { force: true });
    throw error;
  }
  return { path: filePath, sha256: hash.digest('hex'), size };
}

/**
 * Removes files in `dir` not written to for `olderThanMs`: the leftovers of a crash mid-upload.
 * The age test uses the last write, so an upload still streaming in another process is spared.
 */
export async function sweepStaleFiles(dir: string, olderThanMs: number): Promise<number> {
  const cutoff = Date.now() - olderThanMs;
  let removed = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const filePath = path.join(dir, entry.name);
    const stats = await stat(filePath).catch(() => undefined);
    if (stats && stats.mtimeMs < cutoff) {
      await rm(filePath, { force: true });
      removed += 1;
    }
  }
  return removed;
}

/** Fifteen minutes without a single write: no live upload stalls that long. */
export const DEFAULT_STALE_TEMP_MS = 15 * 60 * 1000;
