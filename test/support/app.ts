import { buildApp } from '../../src/server/app.ts';
import { type Config, testConfig } from '../../src/server/config.ts';
import { createTestDatabase } from './database.ts';

/** The whole app in-process on a fresh database; call `close()` in `afterAll`. */
export async function createTestApp(overrides: Partial<Config> = {}) {
  const database = await createTestDatabase();
  const app = await buildApp({ config: testConfig(overrides), database });
  app.addHook('onClose', () => database.close());
  return Object.assign(app, { database });
}
