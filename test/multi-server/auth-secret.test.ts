// The secret that encrypts the API token signing keys stored in the database: a server whose secret
// differs from the one the keys were made with refuses to start (and is not ready), instead of
// answering every GET /api/auth/token with 500. In-process, on PGlite or TEST_DATABASE_URL.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { type Config, testConfig } from '../../src/server/config.ts';
import type { DatabaseHandle } from '../../src/server/db/client.ts';
import { auth_jwks } from '../../src/server/identity/local/schema.ts';
import { AuthSecretMismatchError, authSecretFile } from '../../src/server/identity/local/secret.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const SECRET = 'the-secret-every-server-shares-0123456789';
const directories: string[] = [];
const freshDataDir = () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'arete-secret-'));
  directories.push(directory);
  return directory;
};
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

/** A server's app on `database` (as another server would see it), closed by the caller. */
async function serverOn(database: DatabaseHandle, overrides: Partial<Config>) {
  return buildApp({ config: testConfig({ dataDir: freshDataDir(), ...overrides }), database });
}

async function readiness(app: Awaited<ReturnType<typeof buildApp>>) {
  const response = await app.inject({ method: 'GET', url: '/readyz' });
  return { statusCode: response.statusCode, body: response.json() };
}

describe('a database whose signing keys were made with AUTH_SECRET', () => {
  let database: TestDatabase;
  let first: Awaited<ReturnType<typeof buildApp>>;
  let second: DatabaseHandle;

  beforeAll(async () => {
    database = await createTestDatabase();
    second = database.another();
    first = await serverOn(database, { authSecret: SECRET });
    await first.identity.signing.check();
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    await database.close();
  });

  it('holds a signing key from the first start, and that server is ready', async () => {
    expect(await database.db.select().from(auth_jwks)).toHaveLength(1);
    expect(await readiness(first)).toMatchObject({
      statusCode: 200,
      body: { status: 'ready', identity: { provider: 'local', tokenSigning: 'ok' } },
    });
  });

  it('lets a second server with the same AUTH_SECRET start', async () => {
    const app = await serverOn(second, { authSecret: SECRET });
    try {
      await expect(app.identity.signing.check()).resolves.toBeUndefined();
      expect((await readiness(app)).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('refuses a server with a fresh DATA_DIR and no AUTH_SECRET, says what to set, keeps no secret', async () => {
    const dataDir = freshDataDir();
    const app = await serverOn(second, {
      authSecret: undefined,
      dataDir,
      databaseUrl: 'postgres://db.internal/arete',
    });
    try {
      const refusal = await app.identity.signing.check().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(AuthSecretMismatchError);
      const message = (refusal as Error).message;
      expect(message).toContain('The database at DATABASE_URL holds API token signing keys');
      expect(message).toContain('AUTH_SECRET is not set');
      expect(message).toContain('Set AUTH_SECRET to the secret the database was set up with');
      expect(message).toContain('DELETE FROM auth_jwks');
      // Nothing generated is kept: the next start is refused the same way until AUTH_SECRET is set.
      expect(existsSync(authSecretFile(dataDir))).toBe(false);
      // Had it started anyway, it would not be ready, instead of answering 500 to token requests.
      const answer = await readiness(app);
      expect(answer.statusCode).toBe(503);
      expect(answer.body).toMatchObject({
        status: 'not_ready',
        database: { reachable: true },
        identity: { tokenSigning: 'failing', problem: expect.stringContaining('AUTH_SECRET') },
      });
    } finally {
      await app.close();
    }
  });

  it('refuses a server whose AUTH_SECRET is another one', async () => {
    const app = await serverOn(second, { authSecret: 'another-secret-that-is-long-enough-000000' });
    try {
      await expect(app.identity.signing.check()).rejects.toThrow(
        /AUTH_SECRET is set, but to another secret/,
      );
    } finally {
      await app.close();
    }
  });
});

describe('a database without signing keys', () => {
  it('takes the secret generated on first start, keeps it under DATA_DIR and makes the first key with it', async () => {
    const database = await createTestDatabase();
    const dataDir = freshDataDir();
    const app = await serverOn(database, { authSecret: undefined, dataDir });
    try {
      await app.identity.signing.check();
      const file = authSecretFile(dataDir);
      expect(readFileSync(file, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(await database.db.select().from(auth_jwks)).toHaveLength(1);
      // A restart on the same DATA_DIR reads the kept secret and is accepted.
      const restarted = await serverOn(database, { authSecret: undefined, dataDir });
      try {
        await expect(restarted.identity.signing.check()).resolves.toBeUndefined();
      } finally {
        await restarted.close();
      }
    } finally {
      await app.close();
      await database.close();
    }
  });
});
