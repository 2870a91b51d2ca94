// The command itself, as `npm run users:migrate-metadata` starts it: a child process on an embedded
// database of its own (DATA_DIR in a temp directory), for its exit codes and what it prints.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createTestApp } from '../../../../test/support/app.ts';
import { runCli as runCliOn, withAppOn } from '../../../../test/support/cli.ts';
import { signUpAndVerify, uniqueEmail } from '../../../../test/support/identity.ts';
import { testConfig } from '../../config.ts';
import { auditLog } from '../../modules/audit/schema.ts';
import { writeLegacyFile } from './test-support/legacy-files.ts';

const cli = 'src/server/identity/migrate-metadata/cli.ts';
const directory = mkdtempSync(path.join(tmpdir(), 'arete-migrate-cli-'));
const dataDir = path.join(directory, 'data');
const config = testConfig({ dataDir });
const email = uniqueEmail('ada');
let userId: string;

/** The app on the CLI's database, as the identity helpers take it (they read `app.database`). */
function withApp<T>(work: (app: Awaited<ReturnType<typeof createTestApp>>) => Promise<T>) {
  return withAppOn(config, (app, database) => work(Object.assign(app, { database }) as never));
}

const runCli = (...args: string[]) => runCliOn(cli, config, ...args);

beforeAll(async () => {
  userId = await withApp(async (app) => (await signUpAndVerify(app, { email })).userId);
}, 120_000);
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const usage = 'Usage: npm run users:migrate-metadata -- --from <file> [--dry-run]';

describe('npm run users:migrate-metadata', () => {
  it('exits 2 with the usage line on bad arguments, before touching anything', async () => {
    for (const args of [[], ['--from'], ['--from', 'users.json', '--force'], ['users.json']]) {
      const { code, stdout, stderr } = await runCli(...args);
      expect({ args, code, stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(stderr.trim().split('\n').at(-1)).toBe(usage);
    }
    expect(await runCli('--help')).toEqual({ code: 0, stdout: `${usage}\n`, stderr: '' });
  });

  it('exits 1 on a file it cannot read, migrating nothing', async () => {
    const missing = path.join(directory, 'missing.json');
    const { code, stdout, stderr } = await runCli('--from', missing);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Nothing migrated: cannot read .*missing\.json: ENOENT/);
  });

  it('exits 1 when a record fails, 0 when all are done, and audits the role as cli:<os user>', async () => {
    const mixed = await writeLegacyFile(directory, 'CSV', [
      { email, primary_role: 'coach' },
      { email: 'gone@example.com', primary_role: 'client' },
    ]);
    const dry = await runCli('--from', mixed, '--dry-run');
    expect(dry).toEqual({
      code: 1,
      stderr: '',
      stdout: [
        `2 legacy user records from ${mixed} (CSV) into the embedded provider, dry run: nothing is written.`,
        `row 2 (${email}): would update ${userId}: primary_role (none) → coach`,
        'row 3 (gone@example.com): not found: no user with email gone@example.com',
        'Would update 1, unchanged 0, not found 1, invalid 0, duplicate 0.',
        '',
      ].join('\n'),
    });

    const good = await writeLegacyFile(directory, 'JSON lines', [{ email, primary_role: 'coach' }]);
    const first = await runCli('--from', good);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      `line 1 (${email}): updated ${userId}: primary_role (none) → coach\n`,
    );
    const second = await runCli('--from', good);
    expect(second.code).toBe(0);
    expect(second.stdout.trim().split('\n').at(-1)).toBe(
      'Updated 0, unchanged 1, not found 0, invalid 0, duplicate 0.',
    );

    const { metadata, audit } = await withApp(async (app) => ({
      metadata: (await app.identity.provider.users.get(userId))?.publicMetadata,
      audit: await app.database.db
        .select({ actor: auditLog.actor, details: auditLog.details })
        .from(auditLog)
        .where(eq(auditLog.target, `user:${userId}`)),
    }));
    expect(metadata).toEqual({ primary_role: 'coach' });
    expect(audit).toEqual([
      {
        actor: `cli:${userInfo().username}`,
        details: { before: { role: 'pending' }, after: { role: 'coach' } },
      },
    ]);
  }, 120_000);
});
