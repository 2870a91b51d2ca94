/**
 * Local disk storage, the default: `<root>/<aa>/<bb>/<sha256>`, two levels of fan-out so no
 * directory grows past a few hundred entries. Uploads are spooled to `<root>/tmp`, fsync'ed and
 * renamed into place: rename within one filesystem is atomic, so a crash leaves either the whole
 * file or none of it, plus perhaps a temp file that the next start sweeps away.
 */
import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  assertMaxBytes,
  assertRange,
  assertSha256,
  ContentNotFoundError,
  RangeNotSatisfiableError,
} from './errors.ts';
import { DEFAULT_STALE_TEMP_MS, spoolToTempFile, sweepStaleFiles } from './spool.ts';
import type { ByteRange, DocumentStorage, PutOptions, StoredContent } from './storage.ts';

export type DiskStorageOptions = {
  /** A directory owned by this storage alone, e.g. DATA_DIR/uploads. Created when missing. */
  root: string;
  /** Temp files untouched this long are a crash's leftovers, removed by create(). */
  staleTempMs?: number;
};

export class DiskStorage implements DocumentStorage {
  readonly root: string;
  readonly #tempDir: string;

  private constructor(root: string) {
    this.root = root;
    // Inside the root, hence on the same filesystem, which rename needs to be atomic.
    this.#tempDir = path.join(root, 'tmp');
  }

  static async create(options: DiskStorageOptions): Promise<DiskStorage> {
    const storage = new DiskStorage(path.resolve(options.root));
    await mkdir(storage.#tempDir, { recursive: true, mode: 0o700 });
    await sweepStaleFiles(storage.#tempDir, options.staleTempMs ?? DEFAULT_STALE_TEMP_MS);
    return storage;
  }

  /** The only way a path is made: from a validated sha256, never from anything the user named. */
  pathOf(sha256: string): string {
    assertSha256(sha256);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(source: Readable, { maxBytes }: PutOptions): Promise<StoredContent> {
    assertMaxBytes(maxBytes);
    const spooled = await spoolToTempFile(source, this.#tempDir, { maxBytes, fsync: true });
    const { sha256, size } = spooled;
    try {
      const target = this.pathOf(sha256);
      // A copy of another size would be damage (never a rename's doing); replacing it heals it.
      if ((await sizeOrUndefined(target)) === size) return { sha256, size, created: false };
      const dir = path.dirname(target);
      const firstCreated = await mkdir(dir, { recursive: true });
      // Concurrent puts of the same bytes rename identical files over each other: harmless.
      await rename(spooled.path, target);
      // Make the rename itself durable, and the fan-out directories when they are new.
      await fsyncDirectory(dir);
      if (firstCreated !== undefined) {
        await fsyncDirectory(path.dirname(dir));
        await fsyncDirectory(this.root);
      }
      return { sha256, size, created: true };
    } finally {
      await rm(spooled.path, { force: true });
    }
  }

  async has(sha256: string): Promise<boolean> {
    return (await sizeOrUndefined(this.pathOf(sha256))) !== undefined;
  }

  async size(sha256: string): Promise<number> {
    const size = await sizeOrUndefined(this.pathOf(sha256));
    if (size === undefined) throw new ContentNotFoundError(sha256);
    return size;
  }

  async open(sha256: string, range?: ByteRange): Promise<Readable> {
    if (range) assertRange(range);
    const handle = await openExisting(this.pathOf(sha256), sha256);
    try {
      if (!range) return handle.createReadStream();
      const { size } = await handle.stat();
      if (range.start >= size) throw new RangeNotSatisfiableError();
      const end = Math.min(range.end ?? size - 1, size - 1);
      return handle.createReadStream({ start: range.start, end });
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  async withLocalFile<T>(sha256: string, use: (filePath: string) => Promise<T>): Promise<T> {
    const filePath = this.pathOf(sha256);
    if ((await sizeOrUndefined(filePath)) === undefined) throw new ContentNotFoundError(sha256);
    return use(filePath);
  }

  async close(): Promise<void> {}
}

async function sizeOrUndefined(filePath: string): Promise<number | undefined> {
  try {
    const stats = await stat(filePath);
    return stats.isFile() ? stats.size : undefined;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

async function openExisting(filePath: string, sha256: string): Promise<FileHandle> {
  try {
    return await open(filePath, 'r');
  } catch (error) {
    if (isNotFound(error)) throw new ContentNotFoundError(sha256);
    throw error;
  }
}

async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
