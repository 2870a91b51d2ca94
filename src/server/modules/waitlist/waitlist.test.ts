import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  latestMailTo,
  signUpAndVerify,
  uniqueClientAddress,
  uniqueEmail,
} from '../../../../test/support/identity.ts';
import { createWaitlistTestApp } from '../../../../test/support/waitlist-app.ts';
import { appInvitations } from '../../identity/local/schema.ts';
import { mailOutbox } from '../../mail/schema.ts';
import { listAuditEntries } from '../audit/repository.ts';

let app: Awaited<ReturnType<typeof createWaitlistTestApp>>['app'];
let admin: Awaited<ReturnType<typeof createWaitlistTestApp>>['admin'];
let asAdmin: Awaited<ReturnType<typeof createWaitlistTestApp>>['asAdmin'];
beforeAll(async () => {
  ({ app, admin, asAdmin } = await createWaitlistTestApp());
});
afterAll(() => app.close());

/** An approved email that signed up: the role reaches the user at verification. */
async function approvedPerson(role: 'coach' | 'client') {
  const email = uniqueEmail(role);
  const added = await asAdmin('POST', '/api/v1/admin/approved-users', { email, role });
  if (added.statusCode !== 201) throw new Error(`approve: ${added.statusCode} ${added.body}`);
  return signUpAndVerify(app, { email });
}

function join(payload: Record<string, unknown>, remoteAddress = uniqueClientAddress()) {
  return app.inject({ method: 'POST', url: '/api/v1/waitlist', remoteAddress, payload });
}

async function invitationsTo(email: string) {
  return app.database.db.select().from(appInvitations).where(eq(appInvitations.email, email));
}

describe('POST /api/v1/waitlist', () => {
  it('accepts a request, normalising the email, and answers 202', async () => {
    const email = uniqueEmail('joiner');
    const response = await join({
      email: `  ${email.toUpperCase()} `,
      role: 'coach',
      name: 'Ada',
      note: 'Leadership coach',
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ status: 'received', message: expect.any(String) });
    const list = await asAdmin('GET', `/api/v1/admin/waitlist?query=${encodeURIComponent(email)}`);
    expect(list.json().data).toEqual([
      expect.objectContaining({
        email,
        role: 'coach',
        status: 'pending',
        name: 'Ada',
        note: 'Leadership coach',
      }),
    ]);
  });

  it('answers a second join, an approved and a rejected email exactly like a new one', async () => {
    const email = uniqueEmail('twice');
    const first = await join({ email, role: 'client' });
    const again = await join({ email, role: 'coach' });
    expect(again.statusCode).toBe(first.statusCode);
    expect(again.json()).toEqual(first.json());
    const list = await asAdmin('GET', `/api/v1/admin/waitlist?query=${encodeURIComponent(email)}`);
    expect(list.json().data).toEqual([
      expect.objectContaining({ role: 'client', status: 'pending' }),
    ]);
  });

  it('names each invalid field', async () => {
    const response = await join({ email: 'not-an-email', role: 'wizard', note: 'x'.repeat(2001) });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .issues.map((issue: { path: string }) => issue.path)
        .sort(),
    ).toEqual(['body.email', 'body.note', 'body.role']);
  });

  it('rate limits per email and per client address, with Retry-After', async () => {
    const email = uniqueEmail('limited');
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt += 1)
      statuses.push((await join({ email, role: 'coach' })).statusCode);
    expect(statuses).toEqual([202, 202, 202, 429]);

    const address = uniqueClientAddress();
    let last = await join({ email: uniqueEmail(), role: 'coach' }, address);
    for (let attempt = 0; attempt < 20; attempt += 1)
      last = await join({ email: uniqueEmail(), role: 'coach' }, address);
    expect(last.statusCode).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(last.json().error).toBe('too_many_requests');
  });
});

describe('admin waitlist', () => {
  it('filters by status and role, searches, sorts and pages', async () => {
    const tag = `page${Date.now()}`;
    for (const [index, role] of (['coach', 'client', 'coach'] as const).entries()) {
      await join({ email: `${tag}.${index}@example.com`, role });
    }
    const coaches = await asAdmin(
      'GET',
      `/api/v1/admin/waitlist?query=${tag}&role=coach&status=pending&sort=email&order=asc`,
    );
    expect(coaches.json().data.map((entry: { email: string }) => entry.email)).toEqual([
      `${tag}.0@example.com`,
      `${tag}.2@example.com`,
    ]);
    const paged = await asAdmin(
      'GET',
      `/api/v1/admin/waitlist?query=${tag}&sort=email&order=desc&page=2&pageSize=1`,
    );
    expect(paged.json()).toMatchObject({
      totalCount: 3,
      page: 2,
      pageSize: 1,
      data: [expect.objectContaining({ email: `${tag}.1@example.com` })],
    });
    const bad = await asAdmin('GET', '/api/v1/admin/waitlist?status=maybe&pageSize=1000');
    expect(bad.statusCode).toBe(400);
  });

  it('approves in bulk with a role, invites each email once, and audits', async () => {
    const emails = [uniqueEmail('approve-a'), uniqueEmail('approve-b')];
    for (const email of emails) await join({ email, role: 'client' });
    const response = await asAdmin('POST', '/api/v1/admin/waitlist/approve', {
      emails: [...emails, uniqueEmail('unknown')],
      role: 'coach',
      notes: 'Strong references',
    });
    expect(response.statusCode).toBe(200);
    expect(
      response
        .json()
        .results.map((result: { outcome: string; invitationSent: boolean }) => [
          result.outcome,
          result.invitationSent,
        ]),
    ).toEqual([
      ['approved', true],
      ['approved', true],
      ['not_found', false],
    ]);
    const again = await asAdmin('POST', '/api/v1/admin/waitlist/approve', {
      emails,
      role: 'coach',
    });
    expect(again.json().results.map((result: { outcome: string }) => result.outcome)).toEqual([
      'already_approved',
      'already_approved',
    ]);
    for (const email of emails) {
      const invitations = await invitationsTo(email);
      expect(invitations).toHaveLength(1);
      // The role is not in the invitation: it is read from the registry at verification.
      expect(invitations[0]?.publicMetadata).toEqual({});
      expect((await latestMailTo(app, email)).link).toContain('/sign-up?email=');
    }
    const audit = await listAuditEntries(
      app.database.db,
      { target: `waitlist:${emails[0]}` },
      { limit: 5, offset: 0 },
    );
    expect(audit).toEqual([
      expect.objectContaining({
        actor: admin.userId,
        action: 'waitlist.approve',
        details: {
          before: { status: 'pending', role: 'client' },
          after: { status: 'approved', role: 'coach', notes: 'Strong references' },
        },
      }),
    ]);
  });

  it('sends one invitation when the same email is approved many times at once', async () => {
    const email = uniqueEmail('race');
    await join({ email, role: 'coach' });
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        asAdmin('POST', '/api/v1/admin/waitlist/approve', { emails: [email], role: 'coach' }),
      ),
    );
    const outcomes = responses.map((response) => response.json().results[0]);
    expect(outcomes.filter((result) => result.invitationSent)).toHaveLength(1);
    expect(outcomes.filter((result) => result.outcome === 'approved')).toHaveLength(1);
    expect(await invitationsTo(email)).toHaveLength(1);
    expect(
      await app.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, email)),
    ).toHaveLength(1);
  });

  it('rejects by id, withdrawing an unused invitation', async () => {
    const email = uniqueEmail('reject');
    await join({ email, role: 'client' });
    await asAdmin('POST', '/api/v1/admin/waitlist/approve', { emails: [email], role: 'client' });
    const [entry] = (
      await asAdmin('GET', `/api/v1/admin/waitlist?query=${encodeURIComponent(email)}`)
    ).json().data;
    const response = await asAdmin('POST', '/api/v1/admin/waitlist/reject', {
      ids: [entry.id],
      notes: 'Not a fit yet',
    });
    expect(response.json().results[0]).toMatchObject({
      outcome: 'rejected',
      entry: { status: 'rejected', notes: 'Not a fit yet' },
    });
    expect((await invitationsTo(email))[0]?.status).toBe('revoked');
    const twice = await asAdmin('POST', '/api/v1/admin/waitlist/reject', { ids: [entry.id] });
    expect(twice.json().results[0].outcome).toBe('already_rejected');
  });

  it('refuses a body naming both or neither of emails and ids', async () => {
    for (const body of [
      { role: 'coach' },
      { emails: ['a@example.com'], ids: ['7f1a2b3c-0000-4000-8000-000000000000'], role: 'coach' },
    ]) {
      const response = await asAdmin('POST', '/api/v1/admin/waitlist/approve', body);
      expect(response.statusCode).toBe(400);
    }
  });

  it('is for admins only', async () => {
    for (const role of ['coach', 'client'] as const) {
      const caller = await approvedPerson(role);
      for (const [method, url, payload] of [
        ['GET', '/api/v1/admin/waitlist', undefined],
        ['POST', '/api/v1/admin/waitlist/approve', { emails: ['x@example.com'], role: 'coach' }],
        ['POST', '/api/v1/admin/waitlist/reject', { emails: ['x@example.com'] }],
        ['GET', '/api/v1/admin/audit-log', undefined],
      ] as const) {
        const response = await app.inject({
          method,
          url,
          headers: bearer(caller.token),
          ...(payload ? { payload } : {}),
        });
        expect(response.statusCode, `${role} ${method} ${url}`).toBe(403);
      }
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/waitlist' })).statusCode).toBe(
      401,
    );
  });
});
