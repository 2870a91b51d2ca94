// A temporary folder per test file for generated documents; big and hostile ones never get committed.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** Call at the top of a test file; `write` returns the absolute path. */
export function tempFilesForThisFile(): {
  write(name: string, bytes: Uint8Array | string): Promise<string>;
} {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'arete-extraction-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    async write(name, bytes) {
      const file = path.join(dir, name);
      await writeFile(file, bytes);
      return file;
    },
  };
}
