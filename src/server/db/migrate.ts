import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { DatabaseHandle, Schema } from './client.ts';
import { postgresErrorCode, UNDEFINED_TABLE } from './errors.ts';

export const migrationsFolder = fileURLToPath(new URL('../../../drizzle', import.meta.url));

type Journal = { entries: { tag: string; when: number }[] };

function readJournal(): Journal {
  return JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as Journal;
}

/** Applies every committed migration not yet applied; safe to run from several servers at once. */
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  await handle.withMigrationLock(async () => {
    if (handle.driver === 'pglite') {
      await migratePglite(handle.db as unknown as PgliteDatabase<Schema>, { migrationsFolder });
    } else {
      await migratePg(handle.db as unknown as NodePgDatabase<Schema>, { migrationsFolder });
    }
  });
}

export type MigrationStatus = { applied: number; expected: number; upToDate: boolean };

const expectedMigrations = readJournal().entries;

export const expectedMigrationCount = expectedMigrations.length;

/** Compares the migrations recorded in the database with those committed in `drizzle/`. */
export async function migrationStatus(handle: DatabaseHandle): Promise<MigrationStatus> {
  const latestExpected = expectedMigrations.at(-1)?.when ?? 0;
  try {
    const result = (await handle.db.execute(
      sql`select count(*)::int as applied, coalesce(max(created_at), 0)::bigint as latest
          from drizzle.__drizzle_migrations`,
    )) as unknown as { rows: { applied: number; latest: string | number }[] };
    const row = result.rows[0] ?? { applied: 0, latest: 0 };
    return {
      applied: row.applied,
      expected: expectedMigrationCount,
      upToDate: Number(row.latest) === latestExpected,
    };
  } catch (error) {
    // No migrations table yet: nothing was ever applied.
    if (postgresErrorCode(error) === UNDEFINED_TABLE) {
      return { applied: 0, expected: expectedMigrationCount, upToDate: false };
    }
    throw error;
  }
}
