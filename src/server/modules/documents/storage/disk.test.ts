import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiskStorage } from './disk.ts';
import { describeStorageContract, sha256Of, streamOf } from './storage-contract.ts';

const roots: string[] = [];
async function newRoot(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'arete-disk-storage-'));
  roots.push(root);
  return root;
}
afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

/** Every file under the root, the temp directory included. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

describeStorageContract('disk', async () => {
  const root = await newRoot();
  return { storage: await DiskStorage.create({ root }), inventory: () => filesUnder(root) };
});

describe('DiskStorage', () => {
  it('lays files out as <root>/<aa>/<bb>/<sha256>', async () => {
    const root = await newRoot();
    const storage = await DiskStorage.create({ root });
    const content = Buffer.from('hello');
    const sha256 = sha256Of(content);

    await storage.put(streamOf(content), { maxBytes: 10 });

    expect(await filesUnder(root)).toEqual([
      path.join(sha256.slice(0, 2), sha256.slice(2, 4), sha256),
    ]);
    expect(storage.pathOf(sha256)).toBe(
      path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256),
    );
  });

  it('sweeps temp files a crash left behind, sparing recent ones', async () => {
    const root = await newRoot();
    await DiskStorage.create({ root });
    const stale = path.join(root, 'tmp', 'stale-upload');
    const live = path.join(root, 'tmp', 'live-upload');
    await writeFile(stale, 'half a file');
    await writeFile(live, 'an upload still streaming');
    const anHourAgo = new Date(Date.now() - 60 * 60 * 1000);
    await utimes(stale, anHourAgo, anHourAgo);

    await DiskStorage.create({ root, staleTempMs: 10 * 60 * 1000 });

    expect(await readdir(path.join(root, 'tmp'))).toEqual(['live-upload']);
  });
});
