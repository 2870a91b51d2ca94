// Seed 001's member area: the member's relationships with each coach's profile and practice, and
// the session settings kept in the user's publicMetadata at the identity provider (only one's own).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { signedInAs, uniqueEmail } from '../../../../test/support/identity.ts';
import { coachWithPractice, inviteClient } from '../../../../test/support/relationships.ts';
import { as, type Person } from '../../../../test/support/tenants.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const metadataOf = async (person: Person) =>
  (await app.identity.provider.users.get(person.userId))?.publicMetadata;

describe('GET /api/v1/member/coaching-relationships/', () => {
  it('lists the member’s coaches with profile and practice, invitations to them included', async () => {
    const [first, second] = [
      await coachWithPractice(app, {
        firstName: 'Grace',
        lastName: 'Hopper',
        headline: 'Engineering leaders',
        practiceName: 'Hopper Coaching',
        specialties: ['leadership', 'career'],
      }),
      await coachWithPractice(app, {
        firstName: 'Alan',
        lastName: 'Turing',
        practiceName: 'Turing Co',
      }),
    ];
    const email = uniqueEmail('member');
    const active = await inviteClient(app, first, email);
    const member = await signedInAs(app, 'client', { email });
    const accepted = await as(app, member).post(`/api/v1/relationships/${active.id}/respond`, {
      accept: true,
    });
    expect(accepted.statusCode).toBe(200);
    const pending = await inviteClient(app, second, email);

    const response = await as(app, member).get('/api/v1/member/coaching-relationships/');
    expect(response.statusCode).toBe(200);
    expect(response.json().data).toEqual([
      expect.objectContaining({
        id: pending.id,
        status: 'pending',
        coach: expect.objectContaining({ identityUserId: second.userId, firstName: 'Alan' }),
        allowedActions: ['accept', 'decline'],
      }),
      expect.objectContaining({
        id: active.id,
        status: 'active',
        startedAt: expect.any(String),
        coach: {
          identityUserId: first.userId,
          email: null,
          firstName: 'Grace',
          lastName: 'Hopper',
          headline: 'Engineering leaders',
        },
        practice: {
          identityOrgId: first.practiceId,
          name: 'Hopper Coaching',
          specialties: ['leadership', 'career'],
          philosophy: 'Ask better questions.',
          experienceYears: 10,
        },
      }),
    ]);
  });

  it('is empty for a member without a coach, and needs a signed-in user', async () => {
    const loner = await signedInAs(app, 'client');
    const response = await as(app, loner).get('/api/v1/member/coaching-relationships/');
    expect(response.json()).toEqual({ data: [] });
    const anonymous = await app.inject({
      method: 'GET',
      url: '/api/v1/member/coaching-relationships/',
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('/api/v1/member/session-settings/', () => {
  it('reads false by default, then what was put, kept in the user’s publicMetadata', async () => {
    const member = await signedInAs(app, 'client');
    const url = '/api/v1/member/session-settings/';
    expect((await as(app, member).get(url)).json()).toEqual({ auto_send_context: false });

    const on = await as(app, member).put(url, { auto_send_context: true });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toEqual({ auto_send_context: true });
    expect((await as(app, member).get(url)).json()).toEqual({ auto_send_context: true });
    // Stored at the provider, beside the rest of the metadata (the role is kept).
    expect(await metadataOf(member)).toMatchObject({
      primary_role: 'client',
      session_auto_send_context: true,
    });

    const off = await as(app, member).put(url, { auto_send_context: false });
    expect(off.json()).toEqual({ auto_send_context: false });
    expect((await metadataOf(member))?.session_auto_send_context).toBe(false);
  });

  it('changes only the caller’s own settings: there is no way to name another user', async () => {
    const alice = await signedInAs(app, 'client');
    const bob = await signedInAs(app, 'client');
    const url = '/api/v1/member/session-settings/';
    const bobBefore = await metadataOf(bob);
    expect(
      (await as(app, alice).put(url, { auto_send_context: true, userId: bob.userId })).statusCode,
    ).toBe(400);
    expect(
      (await as(app, alice).put(`${url}?userId=${bob.userId}`, { auto_send_context: true }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await as(app, alice).put(`/api/v1/member/session-settings/${bob.userId}`, {
          auto_send_context: true,
        })
      ).statusCode,
    ).toBe(404);

    expect((await as(app, bob).get(url)).json()).toEqual({ auto_send_context: false });
    expect(await metadataOf(bob)).toEqual(bobBefore);
    expect((await metadataOf(alice))?.session_auto_send_context).toBe(true);
  });

  it('refuses what is not a boolean (400 with a message), and an anonymous caller (401)', async () => {
    const member = await signedInAs(app, 'client');
    const url = '/api/v1/member/session-settings/';
    for (const body of [{ auto_send_context: 'yes' }, {}, { auto_send_context: null }]) {
      const response = await as(app, member).put(url, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().message).toMatch(/body\.auto_send_context/);
    }
    expect((await metadataOf(member))?.session_auto_send_context).toBeUndefined();
    const anonymous = await app.inject({
      method: 'PUT',
      url,
      payload: { auto_send_context: true },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('audits each change with its actor', async () => {
    const member = await signedInAs(app, 'client');
    const admin = await signedInAs(app, 'admin');
    await as(app, member).put('/api/v1/member/session-settings/', { auto_send_context: true });
    const audit = await as(app, admin).get(`/api/v1/admin/audit-log?target=user:${member.userId}`);
    expect(audit.json().data).toEqual([
      expect.objectContaining({
        actor: member.userId,
        action: 'member.session_settings.update',
        details: expect.objectContaining({ after: { auto_send_context: true } }),
      }),
    ]);
  });
});
