import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/server/app.ts';
import { type Config, testConfig } from '../../src/server/config.ts';
import { createTestDatabase } from './database.ts';

/**
 * The whole app in-process on a fresh database, with uploads in a fresh folder of its own (test
 * files run in parallel, and one deleting its last document must not remove another's file); call
 * `close()` in `afterAll`.
 */
export async function createTestApp(overrides: Partial<Config> = {}) {
  const database = await createTestDatabase();
  const uploads = await mkdtemp(path.join(os.tmpdir(), 'arete-uploads-'));
  const defaults = testConfig();
  const config = testConfig({
    documents: { ...defaults.documents, storage: { kind: 'disk', root: uploads } },
    ...overrides,
  });
  const app = await buildApp({ config, database });
  app.addHook('onClose', async () => {
    await database.close();
    await rm(uploads, { recursive: true, force: true });
  });
  return Object.assign(app, { database, uploadsDir: uploads });
}
