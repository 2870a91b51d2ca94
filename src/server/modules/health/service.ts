import type { FastifyBaseLogger } from 'fastify';
import type { Readiness } from '../../../contract/health.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { expectedMigrationCount, migrationStatus } from '../../db/migrate.ts';

export function checkLiveness() {
  return { status: 'ok' as const, uptimeSeconds: Math.round(process.uptime()) };
}

/** Ready means the database answers and carries every committed migration. */
export async function checkReadiness(
  database: DatabaseHandle,
  log: FastifyBaseLogger,
): Promise<Readiness> {
  try {
    const migrations = await migrationStatus(database);
    return {
      status: migrations.upToDate ? 'ready' : 'not_ready',
      database: {
        driver: database.driver,
        reachable: true,
        migrations: { applied: migrations.applied, expected: migrations.expected },
      },
    };
  } catch (error) {
    log.warn({ err: error }, 'readiness check: database unreachable');
    return {
      status: 'not_ready',
      database: {
        driver: database.driver,
        reachable: false,
        migrations: { applied: 0, expected: expectedMigrationCount },
      },
    };
  }
}
