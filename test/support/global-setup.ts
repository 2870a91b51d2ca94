// Migrates one database per run; every test file then starts from a copy of it (see database.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPGlite, wrapPGlite, wrapPool } from '../../src/server/db/client.ts';
import { runMigrations } from '../../src/server/db/migrate.ts';
import { connect, databaseUrl, dropDatabase, uniqueDatabaseName } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase:
      | { driver: 'pglite'; snapshotFile: string }
      | { driver: 'postgres'; serverUrl: string; template: string };
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const template = uniqueDatabaseName('arete_template');
    const admin = connect(serverUrl);
    await admin.query(`create database "${template}"`);
    const handle = wrapPool(connect(databaseUrl(serverUrl, template)));
    await runMigrations(handle);
    // A template may be copied only while nobody is connected to it.
    await handle.close();
    project.provide('testDatabase', { driver: 'postgres', serverUrl, template });
    return async () => {
      await dropDatabase(admin, template);
      await admin.end();
    };
  }

  const directory = mkdtempSync(path.join(tmpdir(), 'arete-test-'));
  const snapshotFile = path.join(directory, 'migrated.tar');
  const client = await createPGlite();
  const handle = wrapPGlite(client);
  await runMigrations(handle);
  const snapshot = await client.dumpDataDir('none');
  writeFileSync(snapshotFile, Buffer.from(await snapshot.arrayBuffer()));
  await handle.close();
  project.provide('testDatabase', { driver: 'pglite', snapshotFile });
  return () => rmSync(directory, { recursive: true, force: true });
}
