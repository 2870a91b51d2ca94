// The command itself, as `npm run tenants:link-legacy` starts it: a child process on an embedded
// database of its own (DATA_DIR in a temp directory), for its exit codes and what it prints.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli as runCliOn, withAppOn } from '../../../../test/support/cli.ts';
import { testConfig } from '../../config.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { tenants } from './schema.ts';

const cli = 'src/server/modules/tenants/link-legacy-cli.ts';
const directory = mkdtempSync(path.join(tmpdir(), 'arete-link-legacy-'));
const config = testConfig({ dataDir: path.join(directory, 'data') });
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** The CLI's database for the test's own reads and writes; closed before the CLI runs. */
const withDatabase = <T>(
  work: (
    db: DatabaseHandle['db'],
    app: Parameters<Parameters<typeof withAppOn>[1]>[0],
  ) => Promise<T>,
) => withAppOn(config, (app, database) => work(database.db, app));

const runCli = (...args: string[]) => runCliOn(cli, config, ...args);

describe('npm run tenants:link-legacy', () => {
  it('exits 2 on bad arguments, plans with --dry-run, links, and finds nothing the second time', async () => {
    const bad = await runCli('--force');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n').at(-1)).toBe(
      'Usage: npm run tenants:link-legacy -- [--dry-run]',
    );

    const tenantId = await withDatabase(async (db) => {
      const [row] = await db
        .insert(tenants)
        .values({ name: 'Old Practice', slug: 'old-practice', kind: 'coach_practice' })
        .returning();
      return row?.id;
    });

    const dry = await runCli('--dry-run');
    expect(dry).toEqual({
      code: 0,
      stderr: '',
      stdout: `would create ${tenantId} (old-practice)\nDry run: 0 linked by slug, 1 created, 0 failed, of 1 legacy tenant.\n`,
    });

    const run = await runCli();
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^created ${tenantId} \\(old-practice\\) → org_\\w+\\n0 linked by slug, 1 created`,
      ),
    );
    const again = await runCli();
    expect(again).toEqual({
      code: 0,
      stderr: '',
      stdout: '0 linked by slug, 0 created, 0 failed, of 0 legacy tenants.\n',
    });

    const organization = await withDatabase(async (_db, app) =>
      app.identity.provider.organizations.findBySlug('old-practice'),
    );
    expect(organization).toMatchObject({
      name: 'Old Practice',
      publicMetadata: { kind: 'coach_practice' },
    });
  }, 180_000);
});
