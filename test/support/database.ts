import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import {
  createPGlite,
  type DatabaseHandle,
  wrapPGlite,
  wrapPool,
} from '../../src/server/db/client.ts';
import { connect, databaseUrl, dropDatabase, uniqueDatabaseName } from './postgres.ts';

export type TestDatabase = DatabaseHandle & {
  /**
   * Another handle on the same database, as a second server would have: on PostgreSQL a pool of its
   * own (close it before the database), on PGlite the same single connection (closing it is a no-op).
   */
  another(): DatabaseHandle;
};

/**
 * A fresh, migrated database of its own for the calling test file: a PGlite copy of the migrated
 * snapshot, or, with TEST_DATABASE_URL, a PostgreSQL database cloned from the migrated template.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const source = inject('testDatabase');
  if (source.driver === 'pglite') {
    const client = await createPGlite({
      loadDataDir: new Blob([readFileSync(source.snapshotFile)]),
    });
    const handle = wrapPGlite(client);
    return { ...handle, another: () => ({ ...wrapPGlite(client), close: async () => undefined }) };
  }
  const name = uniqueDatabaseName('arete_test');
  const admin = connect(source.serverUrl);
  await admin.query(`create database "${name}" template "${source.template}"`);
  const url = databaseUrl(source.serverUrl, name);
  const handle = wrapPool(connect(url));
  return {
    ...handle,
    another: () => wrapPool(connect(url)),
    async close() {
      await handle.close();
      await dropDatabase(admin, name);
      await admin.end();
    },
  };
}
