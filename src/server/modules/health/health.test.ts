import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { buildApp } from '../../app.ts';
import { testConfig } from '../../config.ts';
import { createPGlite, wrapPGlite } from '../../db/client.ts';
import { expectedMigrationCount } from '../../db/migrate.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

describe('GET /healthz', () => {
  it('says the process is up', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', uptimeSeconds: expect.any(Number) });
  });
});

describe('GET /readyz', () => {
  it('is ready on a reachable, fully migrated database', async () => {
    const response = await app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ready',
      database: {
        driver: app.database.driver,
        reachable: true,
        migrations: { applied: expectedMigrationCount, expected: expectedMigrationCount },
      },
      identity: { provider: 'local', tokenSigning: 'ok' },
    });
  });

  it('is not ready while migrations are missing', async () => {
    const unmigrated = wrapPGlite(await createPGlite());
    const fresh = await buildApp({ config: testConfig(), database: unmigrated });
    try {
      const response = await fresh.inject({ method: 'GET', url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        status: 'not_ready',
        database: { reachable: true, migrations: { applied: 0, expected: expectedMigrationCount } },
        identity: { tokenSigning: 'not_checked' },
      });
    } finally {
      await fresh.close();
      await unmigrated.close();
    }
  });

  it('is not ready when the database does not answer', async () => {
    const client = await createPGlite();
    const broken = wrapPGlite(client);
    const fresh = await buildApp({ config: testConfig(), database: broken });
    await client.close();
    try {
      const response = await fresh.inject({ method: 'GET', url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        status: 'not_ready',
        database: { reachable: false },
        identity: { tokenSigning: 'not_checked' },
      });
    } finally {
      await fresh.close();
    }
  });
});
