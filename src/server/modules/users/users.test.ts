import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import {
  bearer,
  fetchToken,
  signedInAs,
  signUpAndVerify,
  TEST_PASSWORD,
  uniqueEmail,
} from '../../../../test/support/identity.ts';
import { auth_user } from '../../identity/local/schema.ts';
import { listAuditEntries } from '../audit/repository.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

describe('GET /api/v1/users/me', () => {
  it('answers a verified, signed-in user with their role: pending until one is granted', async () => {
    const person = await signUpAndVerify(app, { name: 'Grace Hopper' });
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: bearer(person.token),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: person.userId,
      email: person.email,
      emailVerified: true,
      firstName: 'Grace',
      lastName: 'Hopper',
      role: 'pending',
      sessionId: expect.any(String),
    });
    expect(response.headers['x-session-refresh-required']).toBeUndefined();
  });

  it('refuses a request without a token, with a malformed one, or with a forged one', async () => {
    const none = await app.inject({ method: 'GET', url: '/api/v1/users/me' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error).toBe('unauthorized');
    const garbage = await app.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: bearer('not.a.jwt'),
    });
    expect(garbage.statusCode).toBe(401);
    const basic = await app.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: { authorization: 'Basic YTpi' },
    });
    expect(basic.statusCode).toBe(401);

    const person = await signUpAndVerify(app);
    const [header, payload, signature] = person.token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...claims, metadata: { primary_role: 'admin' } }),
    ).toString('base64url');
    const forged = await app.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: bearer(`${header}.${forgedPayload}.${signature}`),
    });
    expect(forged.statusCode).toBe(401);
  });

  it('refuses an expired token', async () => {
    const person = await signUpAndVerify(app);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 11 * 60_000 });
    try {
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/users/me',
        headers: bearer(person.token),
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().message).toContain('expired');
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a token whose session was signed out', async () => {
    const person = await signUpAndVerify(app);
    const signOut = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: person.cookie, origin: 'http://127.0.0.1:3000' },
      payload: {},
    });
    expect(signOut.statusCode).toBe(200);
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: bearer(person.token),
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().message).toContain('session has ended');
  });
});

describe('authoritative roles', () => {
  it('lets a promotion take effect on the next request and asks for a fresh token', async () => {
    const admin = await signedInAs(app, 'admin');
    const person = await signUpAndVerify(app);
    const before = await app.inject({
      method: 'GET',
      url: '/api/v1/users/me/check-coach-authorization',
      headers: bearer(person.token),
    });
    expect(before.json()).toMatchObject({ authorized: false, role: 'pending' });

    const promote = await app.inject({
      method: 'PUT',
      url: `/api/v1/admin/users/${person.userId}/role`,
      headers: bearer(admin.token),
      payload: { role: 'coach' },
    });
    expect(promote.statusCode).toBe(200);
    expect(promote.json()).toMatchObject({ id: person.userId, role: 'coach' });

    // The old token still says pending; the server goes by the provider and says so.
    const after = await app.inject({
      method: 'GET',
      url: '/api/v1/users/me/check-coach-authorization',
      headers: bearer(person.token),
    });
    expect(after.json()).toMatchObject({ authorized: true, role: 'coach' });
    expect(after.headers['x-session-refresh-required']).toBe('true');

    const fresh = await fetchToken(app, person.cookie);
    const settled = await app.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: bearer(fresh),
    });
    expect(settled.json().role).toBe('coach');
    expect(settled.headers['x-session-refresh-required']).toBeUndefined();
  });

  it('takes access away from a demoted admin at once, stale token or not', async () => {
    const admin = await signedInAs(app, 'admin');
    const demoted = await signedInAs(app, 'admin');
    const allowed = await app.inject({
      method: 'GET',
      url: '/api/v1/admin/users',
      headers: bearer(demoted.token),
    });
    expect(allowed.statusCode).toBe(200);

    await app.inject({
      method: 'PUT',
      url: `/api/v1/admin/users/${demoted.userId}/role`,
      headers: bearer(admin.token),
      payload: { role: 'client' },
    });
    const refused = await app.inject({
      method: 'GET',
      url: '/api/v1/admin/users',
      headers: bearer(demoted.token),
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['x-session-refresh-required']).toBe('true');
  });
});

describe('admin user management', () => {
  it('lists users with search, role filter and paging', async () => {
    const admin = await signedInAs(app, 'admin');
    const coach = await signedInAs(app, 'coach', { email: uniqueEmail('searchable-coach') });
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/admin/users?query=searchable-coach&role=coach&page=1&pageSize=10',
      headers: bearer(admin.token),
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.data.map((user: { id: string }) => user.id)).toEqual([coach.userId]);
    expect(body).toMatchObject({ totalCount: 1, page: 1, pageSize: 10 });

    const pending = await app.inject({
      method: 'GET',
      url: '/api/v1/admin/users?role=pending&pageSize=100',
      headers: bearer(admin.token),
    });
    expect(pending.json().data.every((user: { role: string }) => user.role === 'pending')).toBe(
      true,
    );
  });

  it('filters by every role, with and without a search, and pages', async () => {
    const admin = await signedInAs(app, 'admin');
    const label = `shape-${Date.now()}`;
    const people = {
      coach: await signedInAs(app, 'coach', { email: uniqueEmail(`${label}-coach`) }),
      client: await signedInAs(app, 'client', { email: uniqueEmail(`${label}-client`) }),
      pending: await signedInAs(app, 'pending', { email: uniqueEmail(`${label}-pending`) }),
    };
    const list = async (query: string) =>
      (
        await app.inject({
          method: 'GET',
          url: `/api/v1/admin/users?${query}`,
          headers: bearer(admin.token),
        })
      ).json();
    for (const role of ['coach', 'client', 'pending', 'admin'] as const) {
      const searched = await list(`query=${label}&role=${role}`);
      const expected = role === 'admin' ? [] : [people[role].userId];
      expect(searched.data.map((user: { id: string }) => user.id)).toEqual(expected);
      expect(searched.totalCount).toBe(expected.length);
      const all = await list(`role=${role}&pageSize=100`);
      expect(all.data.every((user: { role: string }) => user.role === role)).toBe(true);
    }
    const everyone = await list(`query=${label}&pageSize=2`);
    expect(everyone.totalCount).toBe(3);
    const second = await list(`query=${label}&pageSize=2&page=2`);
    expect([...everyone.data, ...second.data].map((user: { id: string }) => user.id)).toEqual([
      people.pending.userId,
      people.client.userId,
      people.coach.userId,
    ]);
  });

  it('refuses bad input with the invalid fields named', async () => {
    const admin = await signedInAs(app, 'admin');
    const badQuery = await app.inject({
      method: 'GET',
      url: '/api/v1/admin/users?pageSize=1000&role=king',
      headers: bearer(admin.token),
    });
    expect(badQuery.statusCode).toBe(400);
    expect(
      badQuery
        .json()
        .issues.map((issue: { path: string }) => issue.path)
        .sort(),
    ).toEqual(['querystring.pageSize', 'querystring.role']);

    const badRole = await app.inject({
      method: 'PUT',
      url: `/api/v1/admin/users/${admin.userId}x/role`,
      headers: bearer(admin.token),
      payload: { role: 'pending' },
    });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().issues[0].path).toBe('body.role');
  });

  it('answers 404 for a user that does not exist', async () => {
    const admin = await signedInAs(app, 'admin');
    for (const [method, url, payload] of [
      ['PUT', '/api/v1/admin/users/user_missing/role', { role: 'coach' }],
      ['POST', '/api/v1/admin/users/user_missing/ban', {}],
    ] as const) {
      const response = await app.inject({ method, url, headers: bearer(admin.token), payload });
      expect(response.statusCode).toBe(404);
    }
  });

  it('refuses coaches, clients and pending users on every admin endpoint', async () => {
    const target = await signUpAndVerify(app);
    for (const role of ['coach', 'client', 'pending'] as const) {
      const caller = await signedInAs(app, role);
      const attempts = [
        app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: bearer(caller.token) }),
        app.inject({
          method: 'PUT',
          url: `/api/v1/admin/users/${target.userId}/role`,
          headers: bearer(caller.token),
          payload: { role: 'admin' },
        }),
        app.inject({
          method: 'POST',
          url: `/api/v1/admin/users/${target.userId}/ban`,
          headers: bearer(caller.token),
          payload: {},
        }),
        app.inject({ method: 'GET', url: '/api/v1/admin/outbox', headers: bearer(caller.token) }),
      ];
      for (const response of await Promise.all(attempts)) expect(response.statusCode).toBe(403);
    }
    expect(
      (await app.identity.provider.users.get(target.userId))?.publicMetadata.primary_role,
    ).toBeUndefined();
  });

  it('refuses an admin changing their own role or banning themselves', async () => {
    const admin = await signedInAs(app, 'admin');
    const demote = await app.inject({
      method: 'PUT',
      url: `/api/v1/admin/users/${admin.userId}/role`,
      headers: bearer(admin.token),
      payload: { role: 'client' },
    });
    expect(demote.statusCode).toBe(403);
    const ban = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/users/${admin.userId}/ban`,
      headers: bearer(admin.token),
      payload: {},
    });
    expect(ban.statusCode).toBe(403);
  });

  it('bans a user (their token stops working and they cannot sign in) and unbans, with an audit trail', async () => {
    const admin = await signedInAs(app, 'admin');
    const person = await signedInAs(app, 'client');
    const ban = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/users/${person.userId}/ban`,
      headers: bearer(admin.token),
      payload: {},
    });
    expect(ban.statusCode).toBe(200);
    expect(ban.json().banned).toBe(true);
    const refused = await app.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: bearer(person.token),
    });
    expect(refused.statusCode).toBe(401);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: person.email, password: TEST_PASSWORD },
    });
    expect(signIn.statusCode).toBe(403);

    const unban = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/users/${person.userId}/unban`,
      headers: bearer(admin.token),
      payload: {},
    });
    expect(unban.json().banned).toBe(false);

    const audit = await listAuditEntries(
      app.database.db,
      { target: `user:${person.userId}` },
      { limit: 10, offset: 0 },
    );
    expect(audit.map((entry) => entry.action)).toEqual(['user.unban', 'user.ban']);
    expect(audit.every((entry) => entry.actor === admin.userId)).toBe(true);
    expect(audit[1]?.details).toEqual({ before: { banned: false }, after: { banned: true } });

    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: person.email, password: TEST_PASSWORD },
    });
    expect(again.statusCode).toBe(200);
  });
});

describe('authentication on a cache miss: one query for the session and the user', () => {
  const CACHE_WINDOW_MS = 5_000;

  /** Runs `act` a little after the 5-second caches have expired, counting the statements run. */
  async function afterTheCaches<T>(act: () => Promise<T>): Promise<{ result: T; queries: number }> {
    // Both drivers run every statement through the client's `query` (PGlite or the pg pool).
    // Identity events of the set-up (a role granted) run as jobs in the background: let them end.
    await app.jobs.drain();
    const client = (app.database.db as unknown as { $client: { query: () => unknown } }).$client;
    const spy = vi.spyOn(client, 'query');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + CACHE_WINDOW_MS + 1_000 });
    try {
      const result = await act();
      return { result, queries: spy.mock.calls.length };
    } finally {
      vi.useRealTimers();
      spy.mockRestore();
    }
  }

  const me = (token: string) =>
    app.inject({ method: 'GET', url: '/api/v1/users/me', headers: bearer(token) });

  it('answers users/me with one query when the caches miss, and one when they hold', async () => {
    const person = await signedInAs(app, 'coach', { email: uniqueEmail('cold') });
    // Once first, so that the signing keys are loaded (a separate, rare read).
    expect((await me(person.token)).statusCode).toBe(200);
    const cold = await afterTheCaches(() => me(person.token));
    expect(cold.result.statusCode).toBe(200);
    expect(cold.result.json()).toMatchObject({ id: person.userId, role: 'coach' });
    expect(cold.queries).toBe(1);

    // The caches now hold the session and the role; users/me still reads the user, once.
    await app.jobs.drain();
    const client = (app.database.db as unknown as { $client: { query: () => unknown } }).$client;
    const spy = vi.spyOn(client, 'query');
    try {
      const warm = await me(person.token);
      expect(warm.json()).toEqual(cold.result.json());
      const authorization = await app.inject({
        method: 'GET',
        url: '/api/v1/users/me/check-coach-authorization',
        headers: bearer(person.token),
      });
      expect(authorization.json()).toMatchObject({ authorized: true, role: 'coach' });
      expect(spy.mock.calls.length).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('authorizes a guarded route from that one query (no second read of the user)', async () => {
    const admin = await signedInAs(app, 'admin');
    expect((await me(admin.token)).statusCode).toBe(200);
    const cold = await afterTheCaches(() =>
      app.inject({
        method: 'GET',
        url: '/api/v1/users/me/check-coach-authorization',
        headers: bearer(admin.token),
      }),
    );
    expect(cold.result.json()).toMatchObject({ authorized: true, role: 'admin' });
    expect(cold.queries).toBe(1);
  });

  it('refuses a user banned elsewhere on the next cache miss, in that one query', async () => {
    const person = await signedInAs(app, 'client');
    expect((await me(person.token)).statusCode).toBe(200);
    // As another server or the provider would: the flag only (the sessions stay).
    await app.database.db
      .update(auth_user)
      .set({ banned: true })
      .where(eq(auth_user.id, person.userId));
    const refused = await afterTheCaches(() => me(person.token));
    expect(refused.result.statusCode).toBe(401);
    expect(refused.result.json().message).toBe('This account has been suspended.');
    expect(refused.queries).toBe(1);
  });

  it('refuses a signed-out session on the next cache miss, in that one query', async () => {
    const person = await signUpAndVerify(app);
    expect((await me(person.token)).statusCode).toBe(200);
    const signOut = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: person.cookie, origin: 'http://127.0.0.1:3000' },
      payload: {},
    });
    expect(signOut.statusCode).toBe(200);
    const refused = await afterTheCaches(() => me(person.token));
    expect(refused.result.statusCode).toBe(401);
    expect(refused.result.json().message).toContain('session has ended');
    expect(refused.queries).toBe(1);
  });

  it('takes a role changed elsewhere from that one query, and asks for a fresh token', async () => {
    const person = await signedInAs(app, 'coach');
    expect((await me(person.token)).json().role).toBe('coach');
    await app.database.db
      .update(auth_user)
      .set({ publicMetadata: sql`jsonb_build_object('primary_role', 'client')` })
      .where(eq(auth_user.id, person.userId));
    const changed = await afterTheCaches(() => me(person.token));
    expect(changed.result.json().role).toBe('client');
    expect(changed.result.headers['x-session-refresh-required']).toBe('true');
    expect(changed.queries).toBe(1);
  });
});
