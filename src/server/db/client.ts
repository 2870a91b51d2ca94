import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import type { Config } from '../config.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The one database type services and repositories see, whichever driver sits below. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseDriver = 'pglite' | 'postgres';

export type DatabaseHandle = {
  db: Database;
  driver: DatabaseDriver;
  /** Runs `fn` while holding a lock that serialises migrations across every server on this database. */
  withMigrationLock<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export class DatabaseLockedError extends Error {
  readonly directory: string;

  constructor(directory: string) {
    super(
      `The embedded database in ${directory} is already in use by another Arete server. ` +
        'Stop that server first, or start this one with another DATA_DIR.',
    );
    this.name = 'DatabaseLockedError';
    this.directory = directory;
  }
}

// A lock is considered abandoned when its owner has not touched it for this long (a crashed server).
const LOCK_STALE_MS = 10_000;
// Any fixed 64-bit key works; it only has to be the same for every Arete server.
const MIGRATION_LOCK_KEY = 7_231_004_417;

/**
 * A PGlite instance with the extensions the migrations use (on a PostgreSQL server they ship as
 * contrib). Without `dataDir` it lives in memory.
 */
export async function createPGlite(
  options: Omit<PGliteOptions, 'extensions'> = {},
): Promise<PGlite> {
  const client = await PGlite.create({ ...options, extensions: { pg_trgm } });
  // PGlite keeps its pages in memory: reading one at random costs about what reading in order does.
  await client.exec('SET random_page_cost = 1.1');
  return client;
}

/** Opens the configured database: PostgreSQL when `databaseUrl` is set, else PGlite under `dataDir`. */
export async function openDatabase(config: Config): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    return wrapPool(new pg.Pool({ connectionString: config.databaseUrl, max: 10 }));
  }
  return openEmbeddedDatabase(path.join(config.dataDir, 'pglite'));
}

async function openEmbeddedDatabase(directory: string): Promise<DatabaseHandle> {
  mkdirSync(directory, { recursive: true });
  // PGlite lets a second process open the same directory and silently loses its writes; refuse instead.
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(directory, {
      lockfilePath: `${directory}.lock`,
      stale: LOCK_STALE_MS,
      update: LOCK_STALE_MS / 2,
      retries: 0,
      onCompromised: (error) => {
        throw new Error(`Lost the lock on the embedded database in ${directory}: ${error.message}`);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED')
      throw new DatabaseLockedError(directory);
    throw error;
  }
  try {
    const client = await createPGlite({ dataDir: directory });
    const analyzer = keepStatisticsFresh(client);
    return wrapPGlite(client, async () => {
      clearInterval(analyzer);
      await release();
    });
  } catch (error) {
    await release();
    throw error;
  }
}

// PostgreSQL's autovacuum keeps the planner's statistics fresh; PGlite runs no background workers,
// so without this its planner would judge every table by its size at creation and never use an index.
const ANALYZE_EVERY_MS = 5 * 60_000;

function keepStatisticsFresh(client: PGlite): NodeJS.Timeout {
  const analyze = () => {
    if (!client.closed) client.exec('ANALYZE').catch(() => undefined);
  };
  setTimeout(analyze, 30_000).unref();
  const timer = setInterval(analyze, ANALYZE_EVERY_MS);
  timer.unref();
  return timer;
}

export function wrapPGlite(client: PGlite, release?: () => Promise<void>): DatabaseHandle {
  return {
    db: drizzlePglite({ client, schema }) as unknown as Database,
    driver: 'pglite',
    // One process owns a PGlite database (the directory lock makes sure), so there is no one to race.
    withMigrationLock: (fn) => fn(),
    async close() {
      await client.close();
      await release?.();
    },
  };
}

export function wrapPool(pool: pg.Pool): DatabaseHandle {
  // An idle connection that the server drops (restart, failover) only leaves the pool; the next
  // query opens a new one. Unhandled, the pool's 'error' event would end the process.
  pool.on('error', (error) =>
    console.warn(`PostgreSQL dropped an idle connection: ${error.message}`),
  );
  return {
    db: drizzlePg({ client: pool, schema }) as unknown as Database,
    driver: 'postgres',
    async withMigrationLock(fn) {
      const connection = await pool.connect();
      try {
        await connection.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        return await fn();
      } finally {
        await connection.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        connection.release();
      }
    },
    close: () => pool.end(),
  };
}
