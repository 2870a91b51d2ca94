/**
 * The behaviour every DocumentStorage adapter must show, run against each of them (disk.test.ts,
 * s3.test.ts) so the S3 adapter is held to exactly what the disk adapter does.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ContentNotFoundError,
  InvalidSha256Error,
  RangeNotSatisfiableError,
  UploadTooLargeError,
} from './errors.ts';
import type { DocumentStorage } from './storage.ts';

export type StorageFixture = {
  storage: DocumentStorage;
  /** Every file or object the adapter holds, temporary ones included: what "nothing left" means. */
  inventory(): Promise<string[]>;
};

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Several chunks, as a network upload arrives, so hashing and limits work across boundaries. */
export function streamOf(bytes: Buffer, chunkSize = 16 * 1024): Readable {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    chunks.push(bytes.subarray(offset, offset + chunkSize));
  }
  return Readable.from(chunks, { objectMode: false });
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const INVALID_SHA256S = [
  '',
  '../../../etc/passwd',
  'A'.repeat(64),
  'a'.repeat(63),
  'a'.repeat(65),
  'g'.repeat(64),
  `${'a'.repeat(64)}\n`,
  `${'a'.repeat(61)}/..`,
];

export function describeStorageContract(name: string, makeStorage: () => Promise<StorageFixture>) {
  describe(`${name}: DocumentStorage contract`, () => {
    let storage: DocumentStorage;
    let inventory: () => Promise<string[]>;

    beforeEach(async () => {
      ({ storage, inventory } = await makeStorage());
    });
    afterEach(async () => {
      await storage.close();
    });

    it('stores content and gives it back whole, by its sha256', async () => {
      const content = randomBytes(300 * 1024);
      const stored = await storage.put(streamOf(content), { maxBytes: 1024 * 1024 });

      expect(stored).toEqual({ sha256: sha256Of(content), size: content.length, created: true });
      expect(await storage.has(stored.sha256)).toBe(true);
      expect(await storage.size(stored.sha256)).toBe(content.length);
      expect((await readAll(await storage.open(stored.sha256))).equals(content)).toBe(true);
      expect(await inventory()).toHaveLength(1);
    });

    it('stores empty content', async () => {
      const stored = await storage.put(streamOf(Buffer.alloc(0)), { maxBytes: 10 });
      expect(stored).toMatchObject({ sha256: sha256Of(Buffer.alloc(0)), size: 0 });
      expect(await readAll(await storage.open(stored.sha256))).toHaveLength(0);
    });

    it('stores the same content once', async () => {
      const content = randomBytes(50 * 1024);
      const first = await storage.put(streamOf(content), { maxBytes: content.length });
      const second = await storage.put(streamOf(content), { maxBytes: content.length });

      expect(first.created).toBe(true);
      expect(second).toEqual({ ...first, created: false });
      expect(await inventory()).toHaveLength(1);
    });

    it('stores concurrent puts of the same content once', async () => {
      const content = randomBytes(200 * 1024);
      const results = await Promise.all(
        [1, 2, 3, 4].map(() => storage.put(streamOf(content), { maxBytes: content.length })),
      );

      for (const result of results) expect(result.sha256).toBe(sha256Of(content));
      expect(await inventory()).toHaveLength(1);
      expect((await readAll(await storage.open(sha256Of(content)))).equals(content)).toBe(true);
    });

    it('accepts exactly maxBytes and refuses one byte more, leaving nothing', async () => {
      const limit = 40 * 1024;
      const fits = randomBytes(limit);
      await storage.put(streamOf(fits), { maxBytes: limit });
      const before = await inventory();

      const tooLarge = randomBytes(limit + 1);
      const source = streamOf(tooLarge);
      const error = await storage.put(source, { maxBytes: limit }).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(UploadTooLargeError);
      expect(error).toMatchObject({ code: 'upload_too_large', maxBytes: limit });
      // The rest of an oversized upload is not read.
      expect(source.destroyed).toBe(true);
      expect(await storage.has(sha256Of(tooLarge))).toBe(false);
      expect(await inventory()).toEqual(before);
    });

    it('leaves nothing when the source errors midway', async () => {
      async function* brokenUpload() {
        yield randomBytes(32 * 1024);
        yield randomBytes(32 * 1024);
        throw new Error('connection reset');
      }
      const put = storage.put(Readable.from(brokenUpload(), { objectMode: false }), {
        maxBytes: 1024 * 1024,
      });

      await expect(put).rejects.toThrow('connection reset');
      expect(await inventory()).toEqual([]);
    });

    it('refuses a maxBytes that is not a non-negative integer', async () => {
      await expect(storage.put(streamOf(Buffer.from('x')), { maxBytes: -1 })).rejects.toThrow(
        TypeError,
      );
    });

    describe('byte ranges', () => {
      const content = randomBytes(1000);
      let sha256: string;
      beforeEach(async () => {
        ({ sha256 } = await storage.put(streamOf(content, 100), { maxBytes: 1000 }));
      });
      const read = async (start: number, end?: number) =>
        readAll(await storage.open(sha256, end === undefined ? { start } : { start, end }));

      it('serves the first bytes, a middle slice and the tail', async () => {
        expect((await read(0, 9)).equals(content.subarray(0, 10))).toBe(true);
        expect((await read(100, 199)).equals(content.subarray(100, 200))).toBe(true);
        // A suffix range (`bytes=-10`), once the caller has resolved it against the size.
        expect((await read(990)).equals(content.subarray(990))).toBe(true);
        expect((await read(999, 999)).equals(content.subarray(999))).toBe(true);
      });

      it('clamps an end past the content', async () => {
        expect((await read(995, 5000)).equals(content.subarray(995))).toBe(true);
      });

      it('refuses a range starting past the end, or malformed', async () => {
        for (const range of [
          { start: 1000 },
          { start: 5, end: 2 },
          { start: -1 },
          { start: 0.5 },
        ]) {
          await expect(storage.open(sha256, range)).rejects.toBeInstanceOf(
            RangeNotSatisfiableError,
          );
        }
      });
    });

    it('reports absent content clearly', async () => {
      const absent = sha256Of(Buffer.from('never stored'));
      expect(await storage.has(absent)).toBe(false);
      await expect(storage.size(absent)).rejects.toBeInstanceOf(ContentNotFoundError);
      await expect(storage.open(absent)).rejects.toBeInstanceOf(ContentNotFoundError);
      await expect(storage.open(absent, { start: 0, end: 1 })).rejects.toBeInstanceOf(
        ContentNotFoundError,
      );
      await expect(storage.withLocalFile(absent, async () => 1)).rejects.toBeInstanceOf(
        ContentNotFoundError,
      );
    });

    it('deletes, and deleting again is not an error', async () => {
      const content = randomBytes(1000);
      const { sha256 } = await storage.put(streamOf(content), { maxBytes: 1000 });

      await storage.delete(sha256);
      expect(await storage.has(sha256)).toBe(false);
      await storage.delete(sha256);
      expect(await inventory()).toEqual([]);
      // Content can come back after being deleted.
      expect((await storage.put(streamOf(content), { maxBytes: 1000 })).created).toBe(true);
    });

    it('refuses every sha256 that is not 64 lowercase hex, before touching storage', async () => {
      let used = false;
      for (const bad of INVALID_SHA256S) {
        const outcomes = await Promise.allSettled([
          storage.has(bad),
          storage.size(bad),
          storage.open(bad),
          storage.delete(bad),
          storage.withLocalFile(bad, async () => {
            used = true;
          }),
        ]);
        for (const outcome of outcomes) {
          expect(outcome.status === 'rejected' && outcome.reason).toBeInstanceOf(
            InvalidSha256Error,
          );
        }
      }
      expect(used).toBe(false);
    });

    it('lends a local file for extraction and leaves nothing after', async () => {
      const content = randomBytes(64 * 1024);
      const { sha256 } = await storage.put(streamOf(content), { maxBytes: content.length });
      const before = await inventory();

      const read = await storage.withLocalFile(sha256, (filePath) => readFile(filePath));
      expect(read.equals(content)).toBe(true);
      await expect(
        storage.withLocalFile(sha256, async () => {
          throw new Error('extractor crashed');
        }),
      ).rejects.toThrow('extractor crashed');
      expect(await inventory()).toEqual(before);
    });
  });
}
