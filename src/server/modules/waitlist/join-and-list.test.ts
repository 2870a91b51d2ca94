// The public join and the admin list run on statements prepared once (repository.ts): these check
// that every shape of them says what the dynamic queries said, and that the join queues the Clerk
// mirror only in Clerk mode.
import { generateKeyPairSync } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { uniqueClientAddress, uniqueEmail } from '../../../../test/support/identity.ts';
import {
  type ClerkStandIn,
  startClerkStandIn,
} from '../../identity/clerk/test-support/clerk-stand-in.ts';
import { jobs } from '../../jobs/schema.ts';
import { type EntryFilter, type EntrySort, listEntries } from './repository.ts';
import { waitlistEntries, waitlistRoles, waitlistStatuses } from './schema.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

const join = (app: TestApp, payload: Record<string, unknown>) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/waitlist',
    remoteAddress: uniqueClientAddress(),
    payload,
  });

const mirrorJobsFor = (app: TestApp, email: string) =>
  app.database.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, 'waitlist.mirror-entry'), eq(jobs.key, email)));

describe('the public join, embedded provider', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('stores a pending entry once, keeps the first one, and queues nothing', async () => {
    const email = uniqueEmail('joiner');
    const first = await join(app, { email, role: 'client', name: 'Ada', note: 'Hello' });
    const again = await join(app, { email, role: 'coach', name: 'Someone else' });
    expect([first.statusCode, again.statusCode]).toEqual([202, 202]);
    expect(again.json()).toEqual(first.json());
    const rows = await app.database.db
      .select()
      .from(waitlistEntries)
      .where(eq(waitlistEntries.email, email));
    expect(rows).toEqual([
      expect.objectContaining({
        email,
        role: 'client',
        name: 'Ada',
        note: 'Hello',
        status: 'pending',
        waitlistJoinedAt: expect.any(Date),
      }),
    ]);
    expect(await mirrorJobsFor(app, email)).toEqual([]);
  });

  it('stores an entry without the optional fields as null', async () => {
    const email = uniqueEmail('bare');
    expect((await join(app, { email, role: 'coach' })).statusCode).toBe(202);
    const [row] = await app.database.db
      .select()
      .from(waitlistEntries)
      .where(eq(waitlistEntries.email, email));
    expect(row).toMatchObject({ name: null, note: null, role: 'coach', status: 'pending' });
  });
});

describe('the public join, Clerk mode', () => {
  let app: TestApp;
  let clerk: ClerkStandIn;
  beforeAll(async () => {
    clerk = await startClerkStandIn();
    clerk.answerWith(() => ({ body: {} }));
    const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
    app = await createTestApp({
      clerk: {
        secretKey: 'sk_test_stand_in',
        publishableKey: 'pk_test_stand_in',
        jwtKey: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        webhookSigningSecret: `whsec_${Buffer.from('arete-webhook-signing-secret-32b').toString('base64')}`,
        apiUrl: clerk.url,
        proxyUrl: undefined,
        authorizedParties: [],
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await clerk.close();
  });

  it('queues the mirror to Clerk with a new entry only, in its transaction', async () => {
    const email = uniqueEmail('mirrored');
    expect((await join(app, { email, role: 'coach' })).statusCode).toBe(202);
    expect((await join(app, { email, role: 'coach' })).statusCode).toBe(202);
    const queued = await mirrorJobsFor(app, email);
    expect(queued).toHaveLength(1);
    expect(queued[0]?.payload).toEqual({ email });
    const rows = await app.database.db
      .select()
      .from(waitlistEntries)
      .where(eq(waitlistEntries.email, email));
    expect(rows).toHaveLength(1);
  });
});

describe('the admin list, one prepared statement per shape', () => {
  let app: TestApp;
  const emails: string[] = [];
  beforeAll(async () => {
    app = await createTestApp();
    const now = Date.now();
    const rows = waitlistStatuses.flatMap((status, statusIndex) =>
      waitlistRoles.map((role, roleIndex) => {
        const email = uniqueEmail(`shape-${status}-${role}`);
        emails.push(email);
        return {
          email,
          role,
          status,
          name: roleIndex === 0 ? 'Percent 100% Under_score' : null,
          createdAt: new Date(now - (statusIndex * 2 + roleIndex) * 1000),
          updatedAt: new Date(now - (7 - statusIndex * 2 - roleIndex) * 1000),
        };
      }),
    );
    await app.database.db.insert(waitlistEntries).values(rows);
  });
  afterAll(() => app.close());

  it('lists what a filter in code would, for every shape, sort and order', async () => {
    const all = await app.database.db.select().from(waitlistEntries);
    const ours = all.filter((entry) => emails.includes(entry.email));
    const statusSets = [[], ['pending'], ['approved', 'joined'], [...waitlistStatuses]] as const;
    for (const statuses of statusSets) {
      for (const role of [undefined, ...waitlistRoles]) {
        for (const query of [undefined, 'shape-', '100%', 'under_score']) {
          for (const by of ['joined', 'email', 'updated'] as const) {
            for (const order of ['asc', 'desc'] as const) {
              const filter: EntryFilter = { statuses: [...statuses], role, query };
              const sort: EntrySort = { by, order };
              const listed = await listEntries(app.database.db, filter, sort, {
                limit: 100,
                offset: 0,
              });
              const expected = ours
                .filter(
                  (entry) =>
                    (statuses.length === 0 ||
                      (statuses as readonly string[]).includes(entry.status)) &&
                    (!role || entry.role === role) &&
                    (!query ||
                      entry.email.includes(query.toLowerCase()) ||
                      Boolean(entry.name?.toLowerCase().includes(query.toLowerCase()))),
                )
                .sort((a, b) => {
                  const key = {
                    joined: 'createdAt',
                    email: 'email',
                    updated: 'updatedAt',
                  } as const;
                  const left = a[key[by]];
                  const right = b[key[by]];
                  const compared = left < right ? -1 : left > right ? 1 : 0;
                  return order === 'asc' ? compared : -compared;
                })
                .map((entry) => entry.email);
              const label = JSON.stringify({ statuses, role, query, by, order });
              // Only this file's entries: the list is platform-wide, the check is about ours.
              expect(
                listed.data.map((entry) => entry.email).filter((email) => emails.includes(email)),
                label,
              ).toEqual(expected);
              if (query === 'shape-') expect(listed.totalCount, label).toBe(expected.length);
            }
          }
        }
      }
    }
  });

  it('pages with the limit and offset bound each time', async () => {
    const sort: EntrySort = { by: 'email', order: 'asc' };
    const filter: EntryFilter = { query: 'shape-' };
    const whole = await listEntries(app.database.db, filter, sort, { limit: 100, offset: 0 });
    const first = await listEntries(app.database.db, filter, sort, { limit: 3, offset: 0 });
    const second = await listEntries(app.database.db, filter, sort, { limit: 3, offset: 3 });
    expect([...first.data, ...second.data]).toEqual(whole.data.slice(0, 6));
    expect(first.totalCount).toBe(8);
  });
});
