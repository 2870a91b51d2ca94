import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { buildAuditEntry } from '../../../../test/support/factories.ts';
import { bearer, signedInAs } from '../../../../test/support/identity.ts';
import { insertAuditEntries } from './repository.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
let admin: Awaited<ReturnType<typeof signedInAs>>;
beforeAll(async () => {
  app = await createTestApp();
  admin = await signedInAs(app, 'admin');
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
  ]);
});
afterAll(() => app.close());

const get = (query: string, token = admin.token) =>
  app.inject({ method: 'GET', url: `/api/v1/admin/audit-log?${query}`, headers: bearer(token) });

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
    const second = (await get('actor=user_alice&pageSize=1&page=2')).json();
    expect(second).toMatchObject({
      hasMore: false,
      data: [expect.objectContaining({ action: 'waitlist.approve' })],
    });
  });

  it('refuses a bad range or date, and non-admins', async () => {
    expect((await get('from=2026-03-01T00:00:00Z&until=2026-01-01T00:00:00Z')).statusCode).toBe(
      400,
    );
    expect((await get('from=yesterday')).statusCode).toBe(400);
    const coach = await signedInAs(app, 'coach');
    expect((await get('', coach.token)).statusCode).toBe(403);
  });
});
