import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import {
  createPGlite,
  type DatabaseHandle,
  wrapPGlite,
  wrapPool,
} from '../../src/server/db/client.ts';
import { connect, databaseUrl, dropDatabase, uniqueDatabaseName } from './postgres.ts';

/**
 * A fresh, migrated database of its own for the calling test file: a PGlite copy of the migrated
 * snapshot, or, with TEST_DATABASE_URL, a PostgreSQL database cloned from the migrated template.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const source = inject('testDatabase');
  if (source.driver === 'pglite') {
    const client = await createPGlite({
      loadDataDir: new Blob([readFileSync(source.snapshotFile)]),
    });
    return wrapPGlite(client);
  }
  const name = uniqueDatabaseName('arete_test');
  const admin = connect(source.serverUrl);
  await admin.query(`create database "${name}" template "${source.template}"`);
  const handle = wrapPool(connect(databaseUrl(source.serverUrl, name)));
  return {
    ...handle,
    async close() {
      await handle.close();
      await dropDatabase(admin, name);
      await admin.end();
    },
  };
}
