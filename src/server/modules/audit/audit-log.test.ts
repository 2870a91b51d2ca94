import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { buildAuditEntry } from '../../../../test/support/factories.ts';
import {
  bearer,
  signedInAs,
  signUpAndVerify,
  uniqueEmail,
} from '../../../../test/support/identity.ts';
import { insertAuditEntries } from './repository.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
let admin: Awaited<ReturnType<typeof signedInAs>>;
let grace: Awaited<ReturnType<typeof signUpAndVerify>>;
let linus: Awaited<ReturnType<typeof signUpAndVerify>>;
beforeAll(async () => {
  app = await createTestApp();
  admin = await signedInAs(app, 'admin');
  grace = await signUpAndVerify(app, { email: uniqueEmail('grace'), name: 'Grace Hopper' });
  linus = await signUpAndVerify(app, { email: uniqueEmail('linus'), name: 'Linus Pauling' });
  await insertAuditEntries(app.database.db, [
    buildAuditEntry({
      actor: 'user_alice',
      action: 'waitlist.approve',
      target: 'waitlist:a@example.com',
      createdAt: new Date('2026-01-01T10:00:00Z'),
    }),
    buildAuditEntry({
      actor: 'user_alice',
      action: 'waitlist.reject',
      target: 'waitlist:b@example.com',
      createdAt: new Date('2026-02-01T10:00:00Z'),
    }),
    buildAuditEntry({
      actor: 'user_bob',
      action: 'waitlist.approve',
      target: 'waitlist:c@example.com',
      createdAt: new Date('2026-03-01T10:00:00Z'),
    }),
    // Grace changed Linus's role, and his registry entry; Linus approved someone; a login at the
    // server's command line changed Grace's role.
    buildAuditEntry({
      actor: grace.userId,
      action: 'user.role.set',
      target: `user:${linus.userId}`,
      createdAt: new Date('2026-04-01T10:00:00Z'),
    }),
    buildAuditEntry({
      actor: grace.userId,
      action: 'approved_users.update',
      target: `waitlist:${linus.email}`,
      createdAt: new Date('2026-04-02T10:00:00Z'),
    }),
    buildAuditEntry({
      actor: linus.userId,
      action: 'waitlist.approve',
      target: 'waitlist:d@example.com',
      createdAt: new Date('2026-04-03T10:00:00Z'),
    }),
    buildAuditEntry({
      actor: 'cli:deploy',
      action: 'user.role.set',
      target: `user:${grace.userId}`,
      createdAt: new Date('2026-04-04T10:00:00Z'),
    }),
  ]);
});
afterAll(() => app.close());

const get = (query: string, token = admin.token) =>
  app.inject({ method: 'GET', url: `/api/v1/admin/audit-log?${query}`, headers: bearer(token) });
const targetsOf = (body: { data: { target: string }[] }) => body.data.map((entry) => entry.target);

describe('GET /api/v1/admin/audit-log', () => {
  it('filters by actor, action, target and time range, newest first, with paging', async () => {
    const byActor = (await get('actor=user_alice')).json();
    expect(byActor.data.map((entry: { action: string }) => entry.action)).toEqual([
      'waitlist.reject',
      'waitlist.approve',
    ]);
    expect((await get('action=waitlist.approve&actor=user_bob')).json().data).toHaveLength(1);
    expect((await get('target=waitlist:b@example.com')).json().data[0].actor).toBe('user_alice');
    const february = (await get('from=2026-01-15T00:00:00Z&until=2026-02-15T00:00:00Z')).json()
      .data;
    expect(february.map((entry: { target: string }) => entry.target)).toEqual([
      'waitlist:b@example.com',
    ]);
    const first = (await get('actor=user_alice&pageSize=1')).json();
    expect(first).toMatchObject({ page: 1, pageSize: 1, hasMore: true });
    expect(first.lastPage).toBeUndefined();
    const second = (await get('actor=user_alice&pageSize=1&page=2')).json();
    expect(second).toMatchObject({
      hasMore: false,
      data: [expect.objectContaining({ action: 'waitlist.approve' })],
    });
  });

  it('names the people behind actors and user targets, as the identity provider knows them', async () => {
    const body = (await get('from=2026-04-01T00:00:00Z&until=2026-05-01T00:00:00Z')).json();
    expect(
      body.data.map((entry: { actor: string; actorUser: unknown; targetUser: unknown }) => [
        entry.actor,
        entry.actorUser,
        entry.targetUser,
      ]),
    ).toEqual([
      ['cli:deploy', null, { email: grace.email, name: 'Grace Hopper' }],
      [linus.userId, { email: linus.email, name: 'Linus Pauling' }, null],
      [grace.userId, { email: grace.email, name: 'Grace Hopper' }, null],
      [
        grace.userId,
        { email: grace.email, name: 'Grace Hopper' },
        { email: linus.email, name: 'Linus Pauling' },
      ],
    ]);
    // An id the provider does not know (a deleted user) stays an id.
    const alice = (await get('actor=user_alice')).json();
    expect(alice.data[0]).toMatchObject({ actor: 'user_alice', actorUser: null });
  });

  it('finds who made a change by part of their name or email, a whole email, or a login', async () => {
    const byName = (await get('who=grace%20HOP')).json();
    expect(targetsOf(byName)).toEqual([`waitlist:${linus.email}`, `user:${linus.userId}`]);
    const byPart = (await get(`who=${encodeURIComponent(linus.email.slice(0, 12))}`)).json();
    expect(targetsOf(byPart)).toEqual(['waitlist:d@example.com']);
    // A whole address is that address only, in any case.
    const byEmail = (await get(`who=${encodeURIComponent(grace.email.toUpperCase())}`)).json();
    expect(byEmail.data).toHaveLength(2);
    expect((await get(`who=x${encodeURIComponent(grace.email)}`)).json().data).toEqual([]);
    const byLogin = (await get('who=deploy')).json();
    expect(targetsOf(byLogin)).toEqual([`user:${grace.userId}`]);
    // Together with the other filters.
    const narrowed = (await get('who=grace&action=user.role.set')).json();
    expect(targetsOf(narrowed)).toEqual([`user:${linus.userId}`]);
    expect((await get(`who=grace&actor=${linus.userId}`)).json().data).toEqual([]);
    // Nobody by that name: nothing, and no error.
    const nobody = await get('who=nobody-at-all');
    expect(nobody.statusCode).toBe(200);
    expect(nobody.json()).toMatchObject({ data: [], hasMore: false });
  });

  it('finds the changes to an email address: its registry entry and its account', async () => {
    const body = (await get(`target=${encodeURIComponent(linus.email)}`)).json();
    expect(targetsOf(body)).toEqual([`waitlist:${linus.email}`, `user:${linus.userId}`]);
    const unknown = (await get('target=nobody%40example.com')).json();
    expect(unknown.data).toEqual([]);
  });

  it('says where the end is when a page is past it', async () => {
    const past = (await get('actor=user_alice&pageSize=1&page=50')).json();
    expect(past).toMatchObject({ data: [], page: 50, hasMore: false, lastPage: 2 });
    const nothing = (await get('who=nobody-at-all&page=3')).json();
    expect(nothing).toMatchObject({ data: [], lastPage: 1 });
    // The first page never needs it, even when empty.
    expect((await get('who=nobody-at-all')).json().lastPage).toBeUndefined();
  });

  it('refuses bad filters', async () => {
    const range = await get('from=2026-03-01T00:00:00Z&until=2026-01-01T00:00:00Z');
    expect(range.statusCode).toBe(400);
    expect((await get('from=yesterday')).statusCode).toBe(400);
    const tooLong = await get(`who=${'a'.repeat(201)}`);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().issues).toEqual([expect.objectContaining({ path: 'querystring.who' })]);
    const control = await get(`who=${encodeURIComponent('ada\u0007')}`);
    expect(control.statusCode).toBe(400);
    expect((await get('page=0')).statusCode).toBe(400);
    expect((await get('page=10001')).statusCode).toBe(400);
  });

  it('refuses every role but admin, and anyone signed out', async () => {
    for (const role of ['coach', 'client', 'pending'] as const) {
      const person = await signedInAs(app, role);
      const response = await get('who=grace', person.token);
      expect(response.statusCode, role).toBe(403);
    }
    const signedOut = await app.inject({ method: 'GET', url: '/api/v1/admin/audit-log' });
    expect(signedOut.statusCode).toBe(401);
  });
});
