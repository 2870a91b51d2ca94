// The migration's rules against the real embedded provider, on real files in each format.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import {
  signUpAndVerify,
  uniqueClientAddress,
  uniqueEmail,
} from '../../../../test/support/identity.ts';
import { auditLog } from '../../modules/audit/schema.ts';
import { recordAudit } from '../../modules/audit/service.ts';
import { migrateLegacyUsers } from './migrate.ts';
import { readLegacyFile } from './parse.ts';
import { formatReport, hasFailures } from './report.ts';
import {
  type LegacyFormatName,
  Raw,
  whereOf,
  writeLegacyFile,
} from './test-support/legacy-files.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
let directory: string;

beforeAll(async () => {
  app = await createTestApp();
  directory = mkdtempSync(path.join(tmpdir(), 'arete-legacy-users-'));
});
afterAll(async () => {
  await app.close();
  rmSync(directory, { recursive: true, force: true });
});

type Person = { email: string; userId: string };

/** Someone who signed up but never opened the mailed link: their email is not verified. */
async function signedUpUnverified(email: string): Promise<Person> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-up/email',
    remoteAddress: uniqueClientAddress(),
    payload: { email, name: 'Dan Unverified' },
  });
  expect(response.statusCode).toBe(200);
  const user = await app.identity.provider.users.findByEmail(email);
  if (!user) throw new Error('not signed up');
  expect(user.emailVerified).toBe(false);
  return { email, userId: user.id };
}

async function people() {
  const ada = await signUpAndVerify(app, { email: uniqueEmail('ada') });
  const bob = await signUpAndVerify(app, { email: uniqueEmail('bob') });
  const carol = await signUpAndVerify(app, { email: uniqueEmail('carol') });
  // Carol was migrated by hand already: her record changes nothing.
  await app.identity.provider.users.updatePublicMetadata(carol.userId, {
    primary_role: 'client',
    session_auto_send_context: false,
  });
  const dan = await signedUpUnverified(uniqueEmail('dan'));
  return { ada, bob, carol, dan };
}
type People = Awaited<ReturnType<typeof people>>;

const strayId = '65f0c0ffee00000000000007';

/** Good, unknown, invalid and duplicate records; `malformed` is the format's own broken one. */
function legacyUsers(p: People, malformed: unknown): unknown[] {
  return [
    {
      _id: { $oid: '65f0c0ffee00000000000001' },
      // An id from the old Clerk instance: unknown here, so the verified email matches.
      clerk_user_id: 'user_2legacyAda',
      email: p.ada.email.toUpperCase(),
      primary_role: 'coach',
      organization_roles: { org_north: 'org:admin' },
      session_auto_send_context: true,
      created_at: { $date: '2023-05-01T09:00:00Z' },
    },
    {
      clerk_user_id: p.bob.userId,
      email: null,
      primary_role: 'client',
      session_auto_send_context: false,
    },
    { email: p.carol.email, primary_role: 'client', session_auto_send_context: false },
    { email: p.dan.email, primary_role: 'coach' },
    { clerk_user_id: 'user_gone', email: 'gone@example.com', primary_role: 'coach' },
    { email: 'not-an-email', primary_role: 'superuser' },
    { _id: { $oid: strayId }, primary_role: 'coach' },
    malformed,
    // Ada again, by email, with another role: which one is right only a person can say.
    {
      email: p.ada.email,
      primary_role: 'admin',
      organization_roles: { org_north: 'admin' },
      session_auto_send_context: true,
    },
    // Bob again, by email this time, saying the same: harmless.
    { email: p.bob.email, primary_role: 'client', session_auto_send_context: false },
  ];
}

const formats: { format: LegacyFormatName; malformed: unknown; malformedLine: string }[] = [
  {
    format: 'JSON lines',
    malformed: new Raw('{"email": "broken@example.com", "primary_role": "coach"'),
    malformedLine: 'line 8: invalid: is not valid JSON',
  },
  {
    format: 'JSON array',
    malformed: 'broken@example.com',
    malformedLine: 'record 8: invalid: is not an object',
  },
  {
    format: 'CSV',
    malformed: { email: 'broken@example.com', organization_roles: new Raw('{org_north: admin}') },
    malformedLine:
      'row 9 (broken@example.com): invalid: organization_roles must be an object of organization id → role, e.g. {"org_1":"admin"}',
  },
];

/** The report lines for every record that is not good, the same on every run. */
function problemLines(p: People, format: LegacyFormatName, malformedLine: string): string[] {
  const at = (index: number) => whereOf(format, index);
  const stray = format === 'CSV' ? `ObjectId(${strayId})` : strayId;
  return [
    `${at(3)} (${p.dan.email}): not found: ${p.dan.userId} has not verified ${p.dan.email}`,
    `${at(4)} (user_gone): not found: no user with id user_gone; no user with email gone@example.com`,
    `${at(5)} (not-an-email): invalid: email must be a valid email address; primary_role must be admin, coach, client or pending`,
    `${at(6)} (_id ${stray}): invalid: has neither clerk_user_id nor email: nothing to match it by`,
    malformedLine,
    `${at(8)} (${p.ada.email}): duplicate: same user (${p.ada.userId}) as ${at(0)}, with other values for primary_role: not applied`,
    `${at(9)} (${p.bob.email}): duplicate: same user (${p.bob.userId}) as ${at(1)}, with the same values: skipped`,
  ];
}

const actor = 'cli:test-operator';

async function run(file: string, dryRun: boolean) {
  const { format, records } = await readLegacyFile(file);
  const report = await migrateLegacyUsers(
    records,
    {
      users: app.identity.provider.users,
      audit: (entry) => recordAudit(app.database.db, entry),
      actor,
    },
    { dryRun },
  );
  await app.identity.events.drain();
  return {
    text: formatReport(report, { file, format, provider: 'local' }),
    failed: hasFailures(report),
  };
}

/** Each person's metadata and last change time: a run that changes nothing leaves both alone. */
async function stateOf(p: People) {
  const state: Record<string, unknown> = {};
  for (const [name, person] of Object.entries(p)) {
    const user = await app.identity.provider.users.get(person.userId);
    state[name] = { metadata: user?.publicMetadata, updatedAt: user?.updatedAt.toISOString() };
  }
  return state;
}

function metadataIn(state: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(state).map(([name, value]) => [name, (value as { metadata: unknown }).metadata]),
  );
}

async function auditOf(p: People) {
  const targets = Object.values(p).map((person) => `user:${person.userId}`);
  const rows = await app.database.db
    .select()
    .from(auditLog)
    .where(inArray(auditLog.target, targets));
  return rows.map(({ actor, action, target, details }) => ({ actor, action, target, details }));
}

describe.each(formats)(
  'a $format export, on the embedded provider',
  ({ format, malformed, malformedLine }) => {
    it('migrates the good records, reports the others exactly, and a second run changes nothing', async () => {
      const p = await people();
      const file = await writeLegacyFile(directory, format, legacyUsers(p, malformed));
      const at = (index: number) => whereOf(format, index);

      const first = await run(file, false);
      expect(first.text).toBe(
        [
          `10 legacy user records from ${file} (${format}) into the embedded provider.`,
          `${at(0)} (user_2legacyAda): updated ${p.ada.userId}: primary_role (none) → coach, organization_roles.org_north (none) → admin, session_auto_send_context (none) → true`,
          `${at(1)} (${p.bob.userId}): updated ${p.bob.userId}: primary_role (none) → client, session_auto_send_context (none) → false`,
          ...problemLines(p, format, malformedLine),
          'Updated 2, unchanged 1, not found 2, invalid 3, duplicate 2.',
        ].join('\n'),
      );
      expect(first.failed).toBe(true);

      const after = await stateOf(p);
      expect(metadataIn(after)).toEqual({
        ada: {
          primary_role: 'coach',
          organization_roles: { org_north: 'admin' },
          session_auto_send_context: true,
        },
        bob: { primary_role: 'client', session_auto_send_context: false },
        carol: { primary_role: 'client', session_auto_send_context: false },
        dan: {},
      });
      const audited = [
        {
          actor,
          action: 'user.role.set',
          target: `user:${p.ada.userId}`,
          details: { before: { role: 'pending' }, after: { role: 'coach' } },
        },
        {
          actor,
          action: 'user.role.set',
          target: `user:${p.bob.userId}`,
          details: { before: { role: 'pending' }, after: { role: 'client' } },
        },
      ];
      expect(await auditOf(p)).toEqual(expect.arrayContaining(audited));
      expect(await auditOf(p)).toHaveLength(2);

      const second = await run(file, false);
      expect(second.text).toBe(
        [
          `10 legacy user records from ${file} (${format}) into the embedded provider.`,
          ...problemLines(p, format, malformedLine),
          'Updated 0, unchanged 3, not found 2, invalid 3, duplicate 2.',
        ].join('\n'),
      );
      expect(await stateOf(p)).toEqual(after);
      expect(await auditOf(p)).toHaveLength(2);
    });
  },
);

describe('a dry run', () => {
  it('says what it would do and writes nothing; the real run then does exactly that', async () => {
    const p = await people();
    const { malformed, malformedLine } = formats[0] as (typeof formats)[0];
    const file = await writeLegacyFile(directory, 'JSON lines', legacyUsers(p, malformed));
    const before = await stateOf(p);
    const changes = [
      `line 1 (user_2legacyAda): would update ${p.ada.userId}: primary_role (none) → coach, organization_roles.org_north (none) → admin, session_auto_send_context (none) → true`,
      `line 2 (${p.bob.userId}): would update ${p.bob.userId}: primary_role (none) → client, session_auto_send_context (none) → false`,
    ];

    const dry = await run(file, true);
    expect(dry.text).toBe(
      [
        `10 legacy user records from ${file} (JSON lines) into the embedded provider, dry run: nothing is written.`,
        ...changes,
        ...problemLines(p, 'JSON lines', malformedLine),
        'Would update 2, unchanged 1, not found 2, invalid 3, duplicate 2.',
      ].join('\n'),
    );
    expect(dry.failed).toBe(true);
    expect(await stateOf(p)).toEqual(before);
    expect(await auditOf(p)).toEqual([]);

    const real = await run(file, false);
    expect(real.text.split('\n').slice(1, 3)).toEqual(
      changes.map((line) => line.replace('would update', 'updated')),
    );
  });

  it('of a file with only good records reports no failure', async () => {
    const p = await people();
    const file = await writeLegacyFile(directory, 'JSON lines', [
      { email: p.ada.email, primary_role: 'coach' },
      { email: p.carol.email, primary_role: 'client' },
    ]);
    const dry = await run(file, true);
    expect(dry.failed).toBe(false);
    expect(dry.text.split('\n').at(-1)).toBe(
      'Would update 1, unchanged 1, not found 0, invalid 0, duplicate 0.',
    );
  });
});
