// Who reads and changes a relationship: its two parties only (admins read, audited); anyone else
// gets 404 as if it did not exist. Roles on the routes that need one, validation messages, the
// coach's and the client's lists (scoped, filtered, searched, paged, counted), and the directory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { signedInAs, uniqueEmail } from '../../../../test/support/identity.ts';
import {
  type Coach,
  coachWithPractice,
  giveProfile,
  inviteClient,
} from '../../../../test/support/relationships.ts';
import { as, type Person } from '../../../../test/support/tenants.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
let coach: Coach;
let otherCoach: Coach;
let admin: Person;
beforeAll(async () => {
  app = await createTestApp();
  // One after the other: the first sign-ups of a fresh database race to create its signing key.
  coach = await coachWithPractice(app, {
    firstName: 'Grace',
    lastName: 'Hopper',
    practiceName: 'Hopper Co',
  });
  otherCoach = await coachWithPractice(app, {
    firstName: 'Alan',
    lastName: 'Turing',
    practiceName: 'Turing Co',
  });
  admin = await signedInAs(app, 'admin');
});
afterAll(() => app.close());

/** An invitation from `from`, accepted by a new client. */
async function activeClientOf(from: Coach, name?: { firstName: string; lastName: string }) {
  const email = uniqueEmail('client');
  const { id } = await inviteClient(app, from, email);
  const client = await signedInAs(app, 'client', { email });
  if (name) await giveProfile(app, client, name);
  const accepted = await as(app, client).post(`/api/v1/relationships/${id}/respond`, {
    accept: true,
  });
  if (accepted.statusCode !== 200) throw new Error(`accept: ${accepted.body}`);
  return { id, client };
}

/** Every route of one relationship, as `person`. */
function everyRoute(person: Person, id: string) {
  const url = `/api/v1/relationships/${id}`;
  return Promise.all([
    as(app, person).get(url),
    as(app, person).patch(url, { status: 'paused' }),
    as(app, person).post(`${url}/respond`, { accept: true }),
    as(app, person).post(`${url}/respond`, { accept: false }),
    as(app, person).post(`${url}/revoke`),
  ]);
}

describe('only the two parties', () => {
  it('answers 404 to another client, on every route, for an active and a pending relationship', async () => {
    const mine = await activeClientOf(coach);
    const pendingEmail = uniqueEmail('pending');
    const pending = await inviteClient(app, coach, pendingEmail);
    const pendingInvitee = await signedInAs(app, 'client', { email: pendingEmail });
    const other = await activeClientOf(otherCoach);
    for (const id of [mine.id, pending.id])
      for (const response of await everyRoute(other.client, id)) {
        expect(response.statusCode, response.body).toBe(404);
        expect(response.json()).toMatchObject({
          error: 'not_found',
          message: 'Relationship not found.',
        });
      }
    // The parties themselves read it.
    expect((await as(app, mine.client).get(`/api/v1/relationships/${mine.id}`)).statusCode).toBe(
      200,
    );
    expect(
      (await as(app, pendingInvitee).get(`/api/v1/relationships/${pending.id}`)).statusCode,
    ).toBe(200);
    expect((await as(app, coach).get(`/api/v1/relationships/${pending.id}`)).statusCode).toBe(200);
    // Nothing changed.
    const still = await as(app, coach).get(`/api/v1/relationships/${mine.id}`);
    expect(still.json().status).toBe('active');
  });

  it('answers 404 to another coach revoking (or touching) a coach’s invitation', async () => {
    const { id } = await inviteClient(app, coach, uniqueEmail('target'));
    const revoke = await as(app, otherCoach).post(`/api/v1/relationships/${id}/revoke`);
    expect(revoke.statusCode).toBe(404);
    for (const response of await everyRoute(otherCoach, id)) expect(response.statusCode).toBe(404);
    const shown = await as(app, coach).get(`/api/v1/relationships/${id}`);
    expect(shown.json().status).toBe('pending');
  });

  it('answers 404 to a stranger (and to anyone for an unknown id), 401 without a token', async () => {
    const stranger = await signedInAs(app, 'pending');
    const { id } = await activeClientOf(coach);
    for (const response of await everyRoute(stranger, id)) expect(response.statusCode).toBe(404);
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const response of await everyRoute(coach, unknown)) expect(response.statusCode).toBe(404);
    const anonymous = await app.inject({ method: 'GET', url: `/api/v1/relationships/${id}` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('lets an admin read one (audited), but not change it', async () => {
    const { id } = await activeClientOf(coach);
    const read = await as(app, admin).get(`/api/v1/relationships/${id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id, status: 'active', allowedActions: [] });
    const audit = await as(app, admin).get(
      `/api/v1/admin/audit-log?target=relationship:${id}&action=relationship.read`,
    );
    expect(audit.json().data).toEqual([
      expect.objectContaining({ actor: admin.userId, action: 'relationship.read' }),
    ]);
    // A party's own reads are not audited.
    await as(app, coach).get(`/api/v1/relationships/${id}`);
    const after = await as(app, admin).get(
      `/api/v1/admin/audit-log?target=relationship:${id}&action=relationship.read`,
    );
    expect(after.json().data).toHaveLength(1);
    const change = await as(app, admin).patch(`/api/v1/relationships/${id}`, { status: 'paused' });
    expect(change.statusCode).toBe(404);
  });
});

describe('what the coach’s clients see of each other', () => {
  it('shows a client the coach and themselves among the practice’s members, never another client', async () => {
    const { client: first } = await activeClientOf(coach, { firstName: 'Ann', lastName: 'One' });
    const { client: second } = await activeClientOf(coach, { firstName: 'Ben', lastName: 'Two' });
    const members = (who: Person) =>
      as(app, who).get(`/api/v1/tenants/${coach.practiceId}/members`);
    const ids = async (who: Person) =>
      (await members(who)).json().data.map((member: { userId: string }) => member.userId);

    expect(await ids(first)).toEqual(expect.arrayContaining([coach.userId, first.userId]));
    expect(await ids(first)).not.toContain(second.userId);
    expect(await ids(coach)).toEqual(
      expect.arrayContaining([coach.userId, first.userId, second.userId]),
    );
    // Nor their profiles; the coach's (a relationship) and each other's to the coach are shown.
    expect((await as(app, first).get(`/api/v1/profiles/${second.userId}`)).statusCode).toBe(404);
    expect((await as(app, first).get(`/api/v1/profiles/${coach.userId}`)).statusCode).toBe(200);
    expect((await as(app, coach).get(`/api/v1/profiles/${second.userId}`)).statusCode).toBe(200);
  });
});

describe('roles and validation', () => {
  it('refuses a client inviting (403), a coach requesting (403) and a pending user (403)', async () => {
    const client = await signedInAs(app, 'client');
    const invite = await as(app, client).post('/api/v1/relationships/invite', {
      email: uniqueEmail(),
    });
    expect(invite.statusCode).toBe(403);
    expect(invite.json().message).toBe('This needs the coach role.');
    const request = await as(app, coach).post('/api/v1/relationships/request', {
      coachUserId: otherCoach.userId,
    });
    expect(request.statusCode).toBe(403);
    expect(request.json().message).toBe('This needs the client role.');
    const pending = await signedInAs(app, 'pending');
    const waiting = await as(app, pending).post('/api/v1/relationships/invite', {
      email: uniqueEmail(),
    });
    expect(waiting.statusCode).toBe(403);
    expect(waiting.json().message).toBe('Your account is waiting for approval.');
  });

  it('answers 400 with a message for a bad id, email, status, answer or page', async () => {
    const cases: [Promise<Awaited<ReturnType<typeof app.inject>>>, RegExp][] = [
      [as(app, coach).get('/api/v1/relationships/not-a-uuid'), /params\.id: must be a UUID/],
      [
        as(app, coach).post('/api/v1/relationships/invite', { email: 'not an email' }),
        /body\.email: must be a valid email address/,
      ],
      [
        as(app, coach).post('/api/v1/relationships/invite', {
          email: uniqueEmail(),
          message: 'x'.repeat(2001),
        }),
        /body\.message: must be at most 2000 characters long/,
      ],
      [
        as(app, coach).patch('/api/v1/relationships/00000000-0000-4000-8000-000000000000', {
          status: 'finished',
        }),
        /body\.status/,
      ],
      [
        as(app, coach).post('/api/v1/relationships/00000000-0000-4000-8000-000000000000/respond', {
          accept: 'yes',
        }),
        /body\.accept/,
      ],
      [as(app, coach).get('/api/v1/relationships/coach?status=finished'), /querystring\.status/],
      [as(app, coach).get('/api/v1/relationships/coach?pageSize=0'), /querystring\.pageSize/],
      [
        as(app, (await signedInAs(app, 'client')) as Person).post('/api/v1/relationships/request', {
          coachUserId: '../etc',
        }),
        /body\.coachUserId: must be an id/,
      ],
    ];
    for (const [pending, message] of cases) {
      const response = await pending;
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().message).toMatch(message);
    }
  });
});

describe('GET /api/v1/relationships/coach and /client', () => {
  let lister: Coach;
  const names = [
    { firstName: 'Ada', lastName: 'Byron' },
    { firstName: 'Mary', lastName: 'Somerville' },
    { firstName: 'Emmy', lastName: 'Noether' },
  ];
  const ids: string[] = [];
  let sharedClient: Person;
  beforeAll(async () => {
    lister = await coachWithPractice(app, { firstName: 'Lister', lastName: 'Coach' });
    for (const name of names) {
      const { id, client } = await activeClientOf(lister, name);
      ids.push(id);
      sharedClient ??= client;
    }
    // One pending invitation, and one paused relationship.
    ids.push((await inviteClient(app, lister, uniqueEmail('waiting'))).id);
    const paused = await as(app, lister).patch(`/api/v1/relationships/${ids[1]}`, {
      status: 'paused',
    });
    if (paused.statusCode !== 200) throw new Error(paused.body);
    // Another coach's client, who is not in this coach's list.
    await activeClientOf(otherCoach, { firstName: 'Ada', lastName: 'Other' });
  });

  const list = (query = '') => as(app, lister).get(`/api/v1/relationships/coach${query}`);
  const idsOf = (response: Awaited<ReturnType<typeof list>>) =>
    response.json().data.map((r: { id: string }) => r.id);

  it('lists the coach’s relationships, newest first, with the clients’ names and counts', async () => {
    const all = await list();
    expect(all.statusCode).toBe(200);
    expect(idsOf(all)).toEqual([...ids].reverse());
    expect(all.json().totalCount).toBe(4);
    expect(all.json().counts).toEqual({
      pending: 1,
      active: 2,
      paused: 1,
      completed: 0,
      declined: 0,
      revoked: 0,
      expired: 0,
    });
    expect(all.json().data[3]).toMatchObject({
      client: { firstName: 'Ada', lastName: 'Byron' },
      coach: { identityUserId: lister.userId, firstName: 'Lister' },
    });
  });

  it('filters by status, searches by name or email, and pages', async () => {
    const active = await list('?status=active');
    expect(idsOf(active)).toEqual([ids[2], ids[0]]);
    expect(active.json().totalCount).toBe(2);
    expect(active.json().counts.paused).toBe(1);

    expect(idsOf(await list('?query=noether'))).toEqual([ids[2]]);
    expect(idsOf(await list('?query=Ada%20By'))).toEqual([ids[0]]);
    expect(idsOf(await list('?query=waiting.'))).toEqual([ids[3]]);
    const none = await list('?query=Other');
    expect(none.json()).toMatchObject({ data: [], totalCount: 0 });
    // `%` and `_` are matched as themselves.
    expect((await list('?query=%25')).json().totalCount).toBe(0);

    const page2 = await list('?pageSize=3&page=2');
    expect(idsOf(page2)).toEqual([ids[0]]);
    expect(page2.json().totalCount).toBe(4);
    const searchedCount = await list('?query=somerville&status=active');
    expect(searchedCount.json()).toMatchObject({ data: [], totalCount: 0 });
    expect(searchedCount.json().counts.paused).toBe(1);
  });

  it('filters by origin: the coach’s invitations, or the clients’ requests', async () => {
    const invitations = await list('?origin=invitation');
    expect(idsOf(invitations)).toEqual([...ids].reverse());
    const requests = await list('?origin=request&status=pending');
    expect(requests.json()).toMatchObject({ data: [], totalCount: 0 });
    expect(requests.json().counts.active).toBe(0);
    expect((await list('?origin=letter')).statusCode).toBe(400);
  });

  it('shows the client their own side only; a coach’s client list is empty', async () => {
    const mine = await as(app, sharedClient).get('/api/v1/relationships/client');
    expect(mine.json().data).toEqual([
      expect.objectContaining({
        id: ids[0],
        coach: expect.objectContaining({ firstName: 'Lister', lastName: 'Coach' }),
        practice: expect.objectContaining({ name: 'Lovelace Coaching' }),
        allowedActions: ['pause', 'complete'],
      }),
    ]);
    expect((await as(app, sharedClient).get('/api/v1/relationships/coach')).json().data).toEqual(
      [],
    );
    expect(
      (await as(app, sharedClient).get('/api/v1/relationships/client?query=lister')).json().data,
    ).toHaveLength(1);
    expect(
      (await as(app, sharedClient).get('/api/v1/relationships/client?query=turing')).json().data,
    ).toHaveLength(0);
    expect((await as(app, lister).get('/api/v1/relationships/client')).json().data).toEqual([]);
  });
});

describe('GET /api/v1/coaches', () => {
  let listedA: Coach;
  let listedB: Coach;
  let client: Person;
  beforeAll(async () => {
    [listedA, listedB, client] = await Promise.all([
      coachWithPractice(app, {
        firstName: 'Brene',
        lastName: 'Brown',
        practiceName: 'Courage Works',
        specialties: ['Leadership', 'resilience'],
        headline: 'Dare to lead',
        listed: true,
      }),
      coachWithPractice(app, {
        firstName: 'Carl',
        lastName: 'Rogers',
        practiceName: 'Person Centred',
        specialties: ['career'],
        listed: true,
      }),
      signedInAs(app, 'client'),
    ]);
  });

  it('lists the listed coaches only, by name, with their practice', async () => {
    const directory = await as(app, client).get('/api/v1/coaches');
    expect(directory.statusCode).toBe(200);
    expect(directory.json().totalCount).toBe(2);
    expect(directory.json().data).toEqual([
      {
        identityUserId: listedA.userId,
        firstName: 'Brene',
        lastName: 'Brown',
        headline: 'Dare to lead',
        bio: null,
        practice: {
          identityOrgId: listedA.practiceId,
          name: 'Courage Works',
          specialties: ['Leadership', 'resilience'],
          philosophy: 'Ask better questions.',
          experienceYears: 10,
        },
      },
      expect.objectContaining({ identityUserId: listedB.userId }),
    ]);
  });

  it('filters by specialty and searches names, headlines and practices', async () => {
    const ids = async (query: string) =>
      (await as(app, client).get(`/api/v1/coaches${query}`))
        .json()
        .data.map((c: { identityUserId: string }) => c.identityUserId);
    expect(await ids('?specialty=leadership')).toEqual([listedA.userId]);
    expect(await ids('?specialty=career')).toEqual([listedB.userId]);
    expect(await ids('?query=rogers')).toEqual([listedB.userId]);
    expect(await ids('?query=courage')).toEqual([listedA.userId]);
    expect(await ids('?query=dare')).toEqual([listedA.userId]);
    expect(await ids('?query=hopper')).toEqual([]);
    expect(await ids('?pageSize=1&page=2')).toEqual([listedB.userId]);
  });

  it('lets a client ask a listed coach only: unlisted and unknown coaches are 404', async () => {
    const unlisted = await as(app, client).post('/api/v1/relationships/request', {
      coachUserId: coach.userId,
    });
    expect(unlisted.statusCode).toBe(404);
    const unknown = await as(app, client).post('/api/v1/relationships/request', {
      coachUserId: 'user_unknown',
    });
    expect(unknown.statusCode).toBe(404);
    const listed = await as(app, client).post('/api/v1/relationships/request', {
      coachUserId: listedB.userId,
    });
    expect(listed.statusCode).toBe(201);
  });

  it('leaves out the practice’s clients, even one whose primary organization it is', async () => {
    const email = uniqueEmail('joined');
    const { invitationId } = await inviteClient(app, listedA, email);
    const joiner = await signedInAs(app, 'client', { email });
    // Client onboarding joins the organization whose invitation the client holds: the practice.
    const onboarded = await as(app, joiner).post('/api/v1/profiles/client', {
      profile: { firstName: 'Joining', lastName: 'Client', timezone: 'Europe/Paris' },
      company: { action: 'join', invitationId },
    });
    expect(onboarded.statusCode, onboarded.body).toBe(201);
    expect(onboarded.json().profile.primaryOrganizationId).toBe(listedA.practiceId);
    const directory = await as(app, client).get('/api/v1/coaches');
    expect(
      directory.json().data.map((c: { identityUserId: string }) => c.identityUserId),
    ).not.toContain(joiner.userId);
    const asked = await as(app, client).post('/api/v1/relationships/request', {
      coachUserId: joiner.userId,
    });
    expect(asked.statusCode).toBe(404);
  });

  it('drops a coach who unlists the practice', async () => {
    const unlist = await as(app, listedB).patch(`/api/v1/tenants/${listedB.practiceId}/metadata`, {
      listed: false,
    });
    expect(unlist.statusCode, unlist.body).toBe(200);
    const directory = await as(app, client).get('/api/v1/coaches');
    expect(directory.json().data.map((c: { identityUserId: string }) => c.identityUserId)).toEqual([
      listedA.userId,
    ]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/coaches' })).statusCode).toBe(401);
  });
});
