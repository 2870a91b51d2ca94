import type { FastifyBaseLogger } from 'fastify';
import type { Readiness } from '../../../contract/health.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { expectedMigrationCount, migrationStatus } from '../../db/migrate.ts';
import type { Identity } from '../../identity/index.ts';
import type { ServerReadiness } from './schema.ts';

export function checkLiveness() {
  return { status: 'ok' as const, uptimeSeconds: Math.round(process.uptime()) };
}

async function databaseReadiness(
  database: DatabaseHandle,
  log: FastifyBaseLogger,
): Promise<{ state: Readiness['database']; ready: boolean }> {
  try {
    const migrations = await migrationStatus(database);
    return {
      state: {
        driver: database.driver,
        reachable: true,
        migrations: { applied: migrations.applied, expected: migrations.expected },
      },
      ready: migrations.upToDate,
    };
  } catch (error) {
    log.warn({ err: error }, 'readiness check: database unreachable');
    return {
      state: {
        driver: database.driver,
        reachable: false,
        migrations: { applied: 0, expected: expectedMigrationCount },
      },
      ready: false,
    };
  }
}

/**
 * Ready means the database answers and carries every committed migration, and this server can
 * issue API tokens (the embedded provider's newest signing key decrypts with its AUTH_SECRET): a
 * server that cannot would answer every `GET /api/auth/token` with 500, so it leaves the rotation.
 */
export async function checkReadiness(
  database: DatabaseHandle,
  identity: Pick<Identity, 'provider' | 'signing'>,
  log: FastifyBaseLogger,
): Promise<ServerReadiness> {
  const { state, ready } = await databaseReadiness(database, log);
  // Signing reads the keys from the database: there is nothing to learn while it is not ready.
  const signing = ready ? await identity.signing.status() : undefined;
  if (signing?.status === 'failing')
    log.error({ err: signing.cause }, `readiness check: ${signing.problem}`);
  return {
    status: ready && signing?.status !== 'failing' ? 'ready' : 'not_ready',
    database: state,
    identity: {
      provider: identity.provider.kind,
      tokenSigning: signing?.status ?? 'not_checked',
      ...(signing?.status === 'failing' ? { problem: signing.problem } : {}),
    },
  };
}
