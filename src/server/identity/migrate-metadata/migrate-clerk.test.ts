// The migration's rules against the Clerk adapter. Clerk's servers cannot be reached from here, so
// Clerk's Backend API is mocked: a local stand-in server (clerk/test-support/clerk-stand-in.ts)
// holding a few users, answering the SDK's real HTTP requests as Clerk does (lookup by id and by
// email address, deep-merging metadata PATCH, a 429 with Retry-After, a 500).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { UserJSON } from '@clerk/backend';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.ts';
import { auditLog } from '../../modules/audit/schema.ts';
import { recordAudit } from '../../modules/audit/service.ts';
import { createClerkIdentityProvider } from '../clerk/adapter.ts';
import { clerkErrorJson, userJson } from '../clerk/test-support/clerk-json.ts';
import { type ClerkStandIn, startClerkStandIn } from '../clerk/test-support/clerk-stand-in.ts';
import { mergeMetadata } from '../metadata.ts';
import type { IdentityProvider } from '../port.ts';
import { migrateLegacyUsers } from './migrate.ts';
import { readLegacyFile } from './parse.ts';
import { formatReport, hasFailures } from './report.ts';
import { Raw, writeLegacyFile } from './test-support/legacy-files.ts';

let clerk: ClerkStandIn;
let identity: IdentityProvider;
let database: TestDatabase;
let directory: string;
let users: Map<string, UserJSON>;
/** Users whose next metadata PATCH Clerk answers 429 (then accepts the retry). */
let rateLimitedOnce: Set<string>;

const address = (id: string, email: string, verified: boolean) => ({
  object: 'email_address',
  id,
  email_address: email,
  verification: { status: verified ? 'verified' : 'unverified', strategy: 'email_code' },
  linked_to: [],
});

function clerkUser(id: string, email: string, metadata: Record<string, unknown>, verified = true) {
  return userJson({
    id,
    primary_email_address_id: `idn_${id}`,
    email_addresses: [address(`idn_${id}`, email, verified)],
    public_metadata: metadata,
  });
}

function resetClerk() {
  const eve = clerkUser('user_eve', 'eve@new.example', {});
  eve.email_addresses.push(address('idn_eve_old', 'eve@old.example', true) as never);
  users = new Map(
    [
      clerkUser('user_ada', 'ada@example.com', {}),
      clerkUser('user_bob', 'bob@example.com', {
        primary_role: 'client',
        organization_roles: { org_keep: 'member' },
      }),
      clerkUser('user_carol', 'carol@example.com', {
        primary_role: 'coach',
        session_auto_send_context: true,
      }),
      clerkUser('user_dan', 'dan@example.com', {}, false),
      eve,
      clerkUser('user_fay', 'fay@example.com', {}),
    ].map((user) => [user.id, user]),
  );
  rateLimitedOnce = new Set(['user_bob']);
}

const notFound = {
  status: 404,
  body: clerkErrorJson('not found', 'Resource not found', 'resource_not_found'),
};

/** Clerk's answers for the three calls the migration makes, over the users held above. */
function answerAsClerk() {
  clerk.answerWith((request) => {
    if (request.path === '/v1/users' || request.path === '/v1/users/count') {
      const wanted = request.query.getAll('email_address');
      const found = [...users.values()].filter((user) =>
        user.email_addresses.some((entry) => wanted.includes(entry.email_address)),
      );
      return request.path === '/v1/users'
        ? { body: found }
        : { body: { object: 'total_count', total_count: found.length } };
    }
    const [, id, tail] = request.path.match(/^\/v1\/users\/([^/]+)(\/metadata)?$/) ?? [];
    const user = id ? users.get(id) : undefined;
    if (!user) return notFound;
    if (request.method === 'GET' && !tail) return { body: user };
    if (request.method !== 'PATCH' || !tail) return notFound;
    if (user.id === 'user_fay') {
      return { status: 500, body: clerkErrorJson('internal', 'Clerk had a hiccup', 'internal') };
    }
    if (rateLimitedOnce.delete(user.id)) {
      return {
        status: 429,
        headers: { 'retry-after': '1' },
        body: clerkErrorJson('Too many requests', 'Too many requests', 'too_many_requests'),
      };
    }
    const patch = (request.body as { public_metadata: Record<string, unknown> }).public_metadata;
    const updated = { ...user, public_metadata: mergeMetadata(user.public_metadata, patch) };
    users.set(user.id, updated);
    return { body: updated };
  });
}

beforeAll(async () => {
  clerk = await startClerkStandIn();
  identity = createClerkIdentityProvider({
    secretKey: 'sk_test_standInSecretKey0123456789',
    apiUrl: clerk.url,
    retry: { sleep: async () => undefined },
  });
  database = await createTestDatabase();
  directory = mkdtempSync(path.join(tmpdir(), 'arete-legacy-clerk-'));
});
afterAll(async () => {
  await clerk.close();
  await database.close();
  rmSync(directory, { recursive: true, force: true });
});
beforeEach(() => {
  resetClerk();
  answerAsClerk();
});

const legacyExport = [
  {
    _id: { $oid: '65f0c0ffee00000000000001' },
    clerk_user_id: 'user_ada',
    // The address changed in Clerk since the export: the id decides.
    email: 'ada@old-domain.example',
    primary_role: 'coach',
    organization_roles: { org_1: 'org:admin' },
  },
  {
    email: 'bob@example.com',
    primary_role: 'coach',
    organization_roles: { org_2: 'admin' },
    session_auto_send_context: true,
  },
  { clerk_user_id: 'user_carol', primary_role: 'coach', session_auto_send_context: true },
  { email: 'dan@example.com', primary_role: 'client' },
  { email: 'eve@old.example', primary_role: 'client' },
  { clerk_user_id: 'user_gone', primary_role: 'client' },
  { clerk_user_id: 'user_fay', primary_role: 'admin' },
  { clerk_user_id: 'user_ada', primary_role: 'client' },
  new Raw('{"clerk_user_id": "user_broken"'),
];

const problems = [
  'line 4 (dan@example.com): not found: user_dan has not verified dan@example.com',
  'line 5 (eve@old.example): not found: eve@old.example is not the primary email of user_eve',
  'line 6 (user_gone): not found: no user with id user_gone',
  "line 7 (user_fay): failed: Clerk failed to update the user's metadata: Clerk had a hiccup",
  'line 8 (user_ada): duplicate: same user (user_ada) as line 1, with other values for primary_role, organization_roles: not applied',
  'line 9: invalid: is not valid JSON',
];

async function run(file: string, dryRun: boolean) {
  const { format, records } = await readLegacyFile(file);
  const report = await migrateLegacyUsers(
    records,
    {
      users: identity.users,
      audit: (entry) => recordAudit(database.db, entry),
      actor: 'cli:test-operator',
    },
    { dryRun },
  );
  return {
    text: formatReport(report, { file, format, provider: 'clerk' }),
    failed: hasFailures(report),
  };
}

const metadataPatches = () =>
  clerk.requests.filter((request) => request.method === 'PATCH').map((request) => request.path);

async function audited() {
  const rows = await database.db.select().from(auditLog);
  await database.db.delete(auditLog);
  return rows.map(({ actor, action, target, details }) => ({ actor, action, target, details }));
}

describe('migrating into Clerk (mocked)', () => {
  it('matches by Clerk id, else by primary verified email, deep-merges, and a second run changes nothing', async () => {
    const file = await writeLegacyFile(directory, 'JSON lines', legacyExport);

    const first = await run(file, false);
    expect(first.text).toBe(
      [
        `9 legacy user records from ${file} (JSON lines) into Clerk.`,
        'line 1 (user_ada): updated user_ada: primary_role (none) → coach, organization_roles.org_1 (none) → admin',
        'line 2 (bob@example.com): updated user_bob: primary_role client → coach, organization_roles.org_2 (none) → admin, session_auto_send_context (none) → true',
        ...problems,
        'Updated 2, unchanged 1, not found 3, invalid 1, duplicate 1, failed 1.',
      ].join('\n'),
    );
    expect(first.failed).toBe(true);
    // Only what differs is sent; Bob's 429 was retried once.
    expect(
      clerk.requests.filter((request) => request.method === 'PATCH').map((r) => r.body),
    ).toEqual([
      { public_metadata: { primary_role: 'coach', organization_roles: { org_1: 'admin' } } },
      {
        public_metadata: {
          primary_role: 'coach',
          organization_roles: { org_2: 'admin' },
          session_auto_send_context: true,
        },
      },
      {
        public_metadata: {
          primary_role: 'coach',
          organization_roles: { org_2: 'admin' },
          session_auto_send_context: true,
        },
      },
      { public_metadata: { primary_role: 'admin' } },
    ]);
    expect(users.get('user_ada')?.public_metadata).toEqual({
      primary_role: 'coach',
      organization_roles: { org_1: 'admin' },
    });
    expect(users.get('user_bob')?.public_metadata).toEqual({
      primary_role: 'coach',
      organization_roles: { org_keep: 'member', org_2: 'admin' },
      session_auto_send_context: true,
    });
    expect(await audited()).toEqual([
      {
        actor: 'cli:test-operator',
        action: 'user.role.set',
        target: 'user:user_ada',
        details: { before: { role: 'pending' }, after: { role: 'coach' } },
      },
      {
        actor: 'cli:test-operator',
        action: 'user.role.set',
        target: 'user:user_bob',
        details: { before: { role: 'client' }, after: { role: 'coach' } },
      },
    ]);

    answerAsClerk();
    const second = await run(file, false);
    expect(second.text).toBe(
      [
        `9 legacy user records from ${file} (JSON lines) into Clerk.`,
        ...problems,
        'Updated 0, unchanged 3, not found 3, invalid 1, duplicate 1, failed 1.',
      ].join('\n'),
    );
    // Fay's update, which Clerk keeps refusing, is the only write tried again.
    expect(metadataPatches()).toEqual(['/v1/users/user_fay/metadata']);
    expect(await audited()).toEqual([]);
  });

  it('sends no write to Clerk on a dry run', async () => {
    const file = await writeLegacyFile(directory, 'JSON lines', legacyExport);
    const before = structuredClone([...users.values()]);

    const dry = await run(file, true);
    expect(dry.text.split('\n')).toEqual([
      `9 legacy user records from ${file} (JSON lines) into Clerk, dry run: nothing is written.`,
      'line 1 (user_ada): would update user_ada: primary_role (none) → coach, organization_roles.org_1 (none) → admin',
      'line 2 (bob@example.com): would update user_bob: primary_role client → coach, organization_roles.org_2 (none) → admin, session_auto_send_context (none) → true',
      ...problems.slice(0, 3),
      // Fay's update is never tried, so it cannot fail.
      'line 7 (user_fay): would update user_fay: primary_role (none) → admin',
      ...problems.slice(4),
      'Would update 3, unchanged 1, not found 3, invalid 1, duplicate 1.',
    ]);
    expect(metadataPatches()).toEqual([]);
    expect([...users.values()]).toEqual(before);
    expect(await audited()).toEqual([]);
  });
});
