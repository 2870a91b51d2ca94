// Seed 001's coaching-interest form and its triage: a member submits (one open submission at a
// time), admins list, read, annotate and match a submission to a listed coach, whose invitation then
// goes to the member; the member accepts it like any other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { signedInAs, signUpAndVerify } from '../../../../test/support/identity.ts';
import {
  type Coach,
  coachWithPractice,
  relationshipRow,
} from '../../../../test/support/relationships.ts';
import { as, type Person } from '../../../../test/support/tenants.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
let admin: Person;
let listedCoach: Coach;
beforeAll(async () => {
  app = await createTestApp();
  admin = await signedInAs(app, 'admin');
  listedCoach = await coachWithPractice(app, { listed: true, practiceName: 'Match Coaching' });
});
afterAll(() => app.close());

const form = {
  goals: 'Lead my first team without burning out.',
  focusAreas: ['leadership', 'delegation'],
  preferredFormat: 'video',
  availability: 'Weekday mornings',
  message: 'Someone patient, please.',
};

const MEMBER_URL = '/api/v1/member/coaching-interest/';
const ADMIN_URL = '/api/v1/admin/coaching-interest';

async function submitted(person: Person, body: object = form) {
  const response = await as(app, person).post(MEMBER_URL, body);
  if (response.statusCode !== 201)
    throw new Error(`submit: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string };
}

describe('POST /api/v1/member/coaching-interest/', () => {
  it('stores the form (not mailed) and shows it as the member’s open submission', async () => {
    const member = await signedInAs(app, 'client');
    const before = await as(app, member).get(MEMBER_URL);
    expect(before.json()).toEqual({ submission: null });

    const response = await as(app, member).post(MEMBER_URL, {
      ...form,
      goals: `  ${form.goals}\n`,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      member: { identityUserId: member.userId, email: member.email },
      goals: form.goals,
      focusAreas: ['leadership', 'delegation'],
      preferredFormat: 'video',
      availability: 'Weekday mornings',
      message: 'Someone patient, please.',
      status: 'new',
      notes: null,
      matchedCoachUserId: null,
      matchedCoachName: null,
      relationshipId: null,
    });
    expect((await as(app, member).get(MEMBER_URL)).json()).toEqual({
      submission: response.json(),
    });
    await app.jobs.drain();
    const mails = await app.database.db.query.mailOutbox.findMany();
    expect(mails.filter((mail) => mail.text.includes(form.goals))).toEqual([]);
  });

  it('refuses a second open submission with 409 pointing at the first', async () => {
    const member = await signedInAs(app, 'client');
    const first = await submitted(member);
    const second = await as(app, member).post(MEMBER_URL, { ...form, goals: 'Something else' });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({
      error: 'conflict',
      message:
        'You already told us what you are looking for: we will be in touch about that request.',
      existing: { id: first.id, goals: form.goals },
    });
    // Still open once an admin has been in touch.
    await as(app, admin).patch(`${ADMIN_URL}/${first.id}`, { status: 'contacted' });
    expect((await as(app, member).post(MEMBER_URL, form)).statusCode).toBe(409);
    // Closed: a new one may be sent.
    await as(app, admin).patch(`${ADMIN_URL}/${first.id}`, { status: 'closed' });
    const next = await as(app, member).post(MEMBER_URL, form);
    expect(next.statusCode).toBe(201);
    // Reopening the first while the second is open is refused, pointing at the open one.
    const reopen = await as(app, admin).patch(`${ADMIN_URL}/${first.id}`, { status: 'new' });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json()).toMatchObject({ error: 'conflict', existing: { id: next.json().id } });
    expect((await as(app, admin).get(`${ADMIN_URL}/${first.id}`)).json().status).toBe('closed');
  });

  it('answers 400 with a message a person can act on', async () => {
    const member = await signedInAs(app, 'client');
    const cases: [object, RegExp][] = [
      [{ ...form, goals: '   ' }, /body\.goals: must not be empty/],
      [{ ...form, focusAreas: [] }, /body\.focusAreas: choose at least one focus area/],
      [{ ...form, focusAreas: Array(11).fill('x') }, /choose at most 10 focus areas/],
      [{ ...form, preferredFormat: 'carrier pigeon' }, /body\.preferredFormat/],
      [{ ...form, message: 'x'.repeat(2001) }, /body\.message: must be at most 2000 characters/],
      [{ ...form, availability: 'a\u0000b' }, /body\.availability: must not contain control/],
    ];
    for (const [body, message] of cases) {
      const response = await as(app, member).post(MEMBER_URL, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().message).toMatch(message);
    }
    expect((await as(app, member).get(MEMBER_URL)).json()).toEqual({ submission: null });
    const anonymous = await app.inject({ method: 'POST', url: MEMBER_URL, payload: form });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('admin triage', () => {
  const ids: string[] = [];
  let named: Person;
  beforeAll(async () => {
    named = await signUpAndVerify(app, { name: 'Zelda Fitzgerald' });
    ids.push((await submitted(named, { ...form, goals: 'Write a novel' })).id);
    for (let i = 0; i < 2; i++) {
      const member = await signedInAs(app, 'client');
      ids.push((await submitted(member, { ...form, goals: `Goal number ${i}` })).id);
    }
    const contacted = await as(app, admin).patch(`${ADMIN_URL}/${ids[1]}`, {
      status: 'contacted',
    });
    if (contacted.statusCode !== 200) throw new Error(contacted.body);
  });

  const listIds = async (query: string) =>
    (await as(app, admin).get(`${ADMIN_URL}${query}`))
      .json()
      .data.map((submission: { id: string }) => submission.id);

  it('lists newest first, filters by status, searches email, name and goals, pages', async () => {
    const all = await as(app, admin).get(ADMIN_URL);
    expect(all.statusCode).toBe(200);
    expect(
      all
        .json()
        .data.slice(0, 3)
        .map((s: { id: string }) => s.id),
    ).toEqual([...ids].reverse());
    expect(await listIds('?status=contacted')).toContain(ids[1]);
    expect(await listIds('?status=contacted')).not.toContain(ids[2]);
    expect(await listIds('?query=novel')).toEqual([ids[0]]);
    expect(await listIds('?query=zelda')).toEqual([ids[0]]);
    expect(await listIds(`?query=${encodeURIComponent(named.email.toUpperCase())}`)).toEqual([
      ids[0],
    ]);
    expect(await listIds('?query=goal%20number&status=new')).toEqual([ids[2]]);
    const page = await as(app, admin).get(`${ADMIN_URL}?query=goal%20number&pageSize=1&page=2`);
    expect(page.json()).toMatchObject({ totalCount: 2, data: [{ id: ids[1] }] });
  });

  it('reads one with the member’s name as their account gave it, and changes status and notes (audited)', async () => {
    const shown = await as(app, admin).get(`${ADMIN_URL}/${ids[0]}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      id: ids[0],
      member: { identityUserId: named.userId, email: named.email, name: 'Zelda Fitzgerald' },
    });
    const patched = await as(app, admin).patch(`${ADMIN_URL}/${ids[0]}`, {
      status: 'contacted',
      notes: 'Called on Monday.\nWants a novelist.',
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      status: 'contacted',
      notes: 'Called on Monday.\nWants a novelist.',
    });
    const notesOnly = await as(app, admin).patch(`${ADMIN_URL}/${ids[0]}`, { notes: null });
    expect(notesOnly.json()).toMatchObject({ status: 'contacted', notes: null });
    const audit = await as(app, admin).get(
      `/api/v1/admin/audit-log?target=coaching_interest:${ids[0]}`,
    );
    expect(audit.json().data).toHaveLength(2);
    expect(audit.json().data[1]).toMatchObject({
      actor: admin.userId,
      action: 'coaching_interest.update',
      details: expect.objectContaining({
        before: { status: 'new', notes: null },
        after: { status: 'contacted', notes: 'Called on Monday.\nWants a novelist.' },
      }),
    });
  });

  it('answers 404 for an unknown id, 400 for a bad one or an empty change', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await as(app, admin).get(`${ADMIN_URL}/${unknown}`)).statusCode).toBe(404);
    expect(
      (await as(app, admin).patch(`${ADMIN_URL}/${unknown}`, { status: 'closed' })).statusCode,
    ).toBe(404);
    expect(
      (
        await as(app, admin).post(`${ADMIN_URL}/${unknown}/match`, {
          coachUserId: listedCoach.userId,
        })
      ).statusCode,
    ).toBe(404);
    const bad = await as(app, admin).get(`${ADMIN_URL}/nope`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/params\.id: must be a UUID/);
    const empty = await as(app, admin).patch(`${ADMIN_URL}/${ids[2]}`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toMatch(/change at least one field/);
    const status = await as(app, admin).patch(`${ADMIN_URL}/${ids[2]}`, { status: 'lost' });
    expect(status.statusCode).toBe(400);
    expect((await as(app, admin).get(`${ADMIN_URL}?status=lost`)).statusCode).toBe(400);
  });

  it('is for admins only (403 to a client and a coach)', async () => {
    const client = await signedInAs(app, 'client');
    for (const person of [client, listedCoach]) {
      for (const response of [
        await as(app, person).get(ADMIN_URL),
        await as(app, person).get(`${ADMIN_URL}/${ids[0]}`),
        await as(app, person).patch(`${ADMIN_URL}/${ids[0]}`, { status: 'closed' }),
        await as(app, person).post(`${ADMIN_URL}/${ids[0]}/match`, {
          coachUserId: listedCoach.userId,
        }),
      ])
        expect(response.statusCode).toBe(403);
    }
    expect((await as(app, admin).get(`${ADMIN_URL}/${ids[0]}`)).json().status).not.toBe('closed');
  });
});

describe('POST /api/v1/admin/coaching-interest/{id}/match', () => {
  it('sends the coach’s invitation to the member, who accepts it; the submission is matched', async () => {
    const member = await signedInAs(app, 'client');
    const { id } = await submitted(member);
    const matched = await as(app, admin).post(`${ADMIN_URL}/${id}/match`, {
      coachUserId: listedCoach.userId,
    });
    expect(matched.statusCode).toBe(200);
    const { submission, relationship } = matched.json();
    expect(submission).toMatchObject({
      id,
      status: 'matched',
      matchedCoachUserId: listedCoach.userId,
      // The helper's default coach name.
      matchedCoachName: 'Ada Lovelace',
      relationshipId: relationship.id,
    });
    expect(relationship).toMatchObject({
      status: 'pending',
      origin: 'invitation',
      message: form.message,
      coach: { identityUserId: listedCoach.userId },
      client: { email: member.email },
      practice: { identityOrgId: listedCoach.practiceId, name: 'Match Coaching' },
    });

    await app.jobs.drain();
    const row = await relationshipRow(app, relationship.id);
    expect(row).toMatchObject({ createdBy: admin.userId, invitationId: expect.any(String) });
    const invitation = await app.identity.provider.organizationInvitations.get({
      organizationId: listedCoach.practiceId,
      invitationId: row.invitationId as string,
    });
    expect(invitation).toMatchObject({
      emailAddress: member.email,
      status: 'pending',
      publicMetadata: { relationship_id: relationship.id },
    });

    const mine = await as(app, member).get('/api/v1/member/coaching-relationships/');
    expect(mine.json().data).toEqual([
      expect.objectContaining({ id: relationship.id, allowedActions: ['accept', 'decline'] }),
    ]);
    const accepted = await as(app, member).post(
      `/api/v1/relationships/${relationship.id}/respond`,
      { accept: true },
    );
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().status).toBe('active');
    // Matched is not open: the member has no open submission, and the coach sees a client.
    expect((await as(app, member).get(MEMBER_URL)).json()).toEqual({ submission: null });
    const clients = await as(app, listedCoach).get('/api/v1/relationships/coach?status=active');
    expect(clients.json().data.map((r: { id: string }) => r.id)).toContain(relationship.id);
    const audit = await as(app, admin).get(
      `/api/v1/admin/audit-log?target=coaching_interest:${id}&action=coaching_interest.match`,
    );
    expect(audit.json().data).toEqual([
      expect.objectContaining({
        actor: admin.userId,
        details: expect.objectContaining({
          after: {
            status: 'matched',
            coachUserId: listedCoach.userId,
            relationshipId: relationship.id,
          },
        }),
      }),
    ]);

    // Matched once: a second match is refused.
    const again = await as(app, admin).post(`${ADMIN_URL}/${id}/match`, {
      coachUserId: listedCoach.userId,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('This submission is matched already.');
  });

  it('refuses a coach who is not listed (404), changing nothing', async () => {
    const member = await signedInAs(app, 'client');
    const { id } = await submitted(member);
    const unlisted = await coachWithPractice(app, { listed: false });
    const response = await as(app, admin).post(`${ADMIN_URL}/${id}/match`, {
      coachUserId: unlisted.userId,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toBe('Coach not found.');
    expect((await as(app, admin).get(`${ADMIN_URL}/${id}`)).json()).toMatchObject({
      status: 'new',
      relationshipId: null,
    });
    expect(
      (await as(app, admin).post(`${ADMIN_URL}/${id}/match`, { coachUserId: 'bad id' })).statusCode,
    ).toBe(400);
  });

  it('refuses to match a member to themselves', async () => {
    const { id } = await submitted(listedCoach);
    const response = await as(app, admin).post(`${ADMIN_URL}/${id}/match`, {
      coachUserId: listedCoach.userId,
    });
    expect(response.statusCode).toBe(409);
    expect((await as(app, admin).get(`${ADMIN_URL}/${id}`)).json().status).toBe('new');
  });
});
