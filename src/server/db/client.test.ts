import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.ts';
import { buildAuditEntry } from '../../../test/support/factories.ts';
import {
  connect,
  databaseUrl,
  dropDatabase,
  uniqueDatabaseName,
} from '../../../test/support/postgres.ts';
import { testConfig } from '../config.ts';
import { insertAuditEntries, listAuditEntries } from '../modules/audit/repository.ts';
import { DatabaseLockedError, openDatabase, wrapPool } from './client.ts';
import { expectedMigrationCount, migrationStatus, runMigrations } from './migrate.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'arete-data-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the embedded database', () => {
  const config = testConfig({ dataDir });

  it('is created on first open, keeps its data across a restart, and admits one server', async () => {
    const first = await openDatabase(config);
    expect(first.driver).toBe('pglite');
    await runMigrations(first);
    const [entry] = await insertAuditEntries(first.db, [
      buildAuditEntry({ actor: 'restart-check' }),
    ]);

    await expect(openDatabase(config)).rejects.toThrow(DatabaseLockedError);
    await expect(openDatabase(config)).rejects.toThrow(/already in use by another Arete server/);
    await first.close();

    const reopened = await openDatabase(config);
    try {
      const rows = await listAuditEntries(
        reopened.db,
        { actor: 'restart-check' },
        { limit: 10, offset: 0 },
      );
      expect(rows.map((row) => row.id)).toEqual([entry?.id]);
      expect((await migrationStatus(reopened)).upToDate).toBe(true);
    } finally {
      await reopened.close();
    }
  });
});

describe('migrations', () => {
  it('apply once: running them again changes nothing', async () => {
    const database = await createTestDatabase();
    try {
      await runMigrations(database);
      await runMigrations(database);
      expect(await migrationStatus(database)).toEqual({
        applied: expectedMigrationCount,
        expected: expectedMigrationCount,
        upToDate: true,
      });
    } finally {
      await database.close();
    }
  });

  const source = inject('testDatabase');
  it.runIf(source.driver === 'postgres')(
    'may start from several servers at once on one empty PostgreSQL database',
    async () => {
      if (source.driver !== 'postgres') return;
      const name = uniqueDatabaseName('arete_empty');
      const admin = connect(source.serverUrl);
      await admin.query(`create database "${name}"`);
      const servers = [1, 2, 3].map(() => wrapPool(connect(databaseUrl(source.serverUrl, name))));
      try {
        await Promise.all(servers.map((server) => runMigrations(server)));
        const [first] = servers;
        if (!first) throw new Error('no server');
        expect(await migrationStatus(first)).toMatchObject({
          applied: expectedMigrationCount,
          upToDate: true,
        });
      } finally {
        await Promise.all(servers.map((server) => server.close()));
        await dropDatabase(admin, name);
        await admin.end();
      }
    },
  );
});
