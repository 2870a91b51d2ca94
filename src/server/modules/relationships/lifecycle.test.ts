// The relationship lifecycle through the API: `pending → active | declined | revoked | expired`,
// `active → paused | completed`, `paused → active | completed`, the others final. Every other move
// answers 409 naming what may follow; pause, resume and complete are open to either party; every
// change is audited with its actor. Connection requests follow the same lifecycle, answered by the
// coach.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { signedInAs, uniqueEmail } from '../../../../test/support/identity.ts';
import {
  type Coach,
  coachWithPractice,
  inviteClient,
  relationshipRow,
  setExpiry,
} from '../../../../test/support/relationships.ts';
import { as, type Person } from '../../../../test/support/tenants.ts';
import {
  type RelationshipStatus,
  relationshipTransitions,
} from '../../../contract/relationships.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
let coach: Coach;
let admin: Person;
beforeAll(async () => {
  app = await createTestApp();
  coach = await coachWithPractice(app);
  admin = await signedInAs(app, 'admin');
});
afterAll(() => app.close());

type Pair = { id: string; client: Person };

/** A fresh invitation, sent, with the invitee's account. */
async function invited(): Promise<Pair> {
  const email = uniqueEmail('client');
  const { id } = await inviteClient(app, coach, email);
  return { id, client: await signedInAs(app, 'client', { email }) };
}

async function expectOk(response: Awaited<ReturnType<typeof app.inject>>, status: string) {
  expect(response.statusCode, response.body).toBe(200);
  expect(response.json().status).toBe(status);
}

/** A relationship brought to `status` through the API (expired: its expiry moved to the past). */
async function relationshipIn(status: RelationshipStatus): Promise<Pair> {
  const pair = await invited();
  const { id, client } = pair;
  const respond = (accept: boolean) =>
    as(app, client).post(`/api/v1/relationships/${id}/respond`, { accept });
  switch (status) {
    case 'pending':
      break;
    case 'expired':
      await setExpiry(app, id, new Date(Date.now() - 1000));
      break;
    case 'declined':
      await expectOk(await respond(false), 'declined');
      break;
    case 'revoked':
      await expectOk(await as(app, coach).post(`/api/v1/relationships/${id}/revoke`), 'revoked');
      break;
    default: {
      await expectOk(await respond(true), 'active');
      if (status !== 'active')
        await expectOk(
          await as(app, coach).patch(`/api/v1/relationships/${id}`, { status }),
          status,
        );
    }
  }
  await app.jobs.drain();
  return pair;
}

/** Each move, by the party it belongs to (the invitee answers, the inviting coach revokes). */
const moves = {
  accept: { to: 'active', by: 'client' },
  decline: { to: 'declined', by: 'client' },
  revoke: { to: 'revoked', by: 'coach' },
  pause: { to: 'paused', by: 'coach' },
  resume: { to: 'active', by: 'client' },
  complete: { to: 'completed', by: 'client' },
} as const;
type Move = keyof typeof moves;

function attempt(pair: Pair, move: Move) {
  const caller = as(app, moves[move].by === 'coach' ? coach : pair.client);
  const url = `/api/v1/relationships/${pair.id}`;
  switch (move) {
    case 'accept':
    case 'decline':
      return caller.post(`${url}/respond`, { accept: move === 'accept' });
    case 'revoke':
      return caller.post(`${url}/revoke`);
    default:
      return caller.patch(url, { status: moves[move].to });
  }
}

/** What the lifecycle allows from each status (by the party named above). */
const legal: Record<RelationshipStatus, Move[]> = {
  pending: ['accept', 'decline', 'revoke'],
  active: ['pause', 'complete'],
  paused: ['resume', 'complete'],
  completed: [],
  declined: [],
  revoked: [],
  expired: [],
};

const illegal = (Object.keys(legal) as RelationshipStatus[]).flatMap((status) =>
  (Object.keys(moves) as Move[])
    .filter((move) => !legal[status].includes(move))
    .map((move) => ({ status, move })),
);

describe('illegal transitions', () => {
  const pairs = new Map<RelationshipStatus, Pair>();
  beforeAll(async () => {
    for (const status of Object.keys(legal) as RelationshipStatus[])
      pairs.set(status, await relationshipIn(status));
  });

  it('moves as the contract’s lifecycle says (expiring is no move: time does it)', () => {
    for (const status of Object.keys(legal) as RelationshipStatus[])
      expect(new Set(legal[status].map((move) => moves[move].to)), status).toEqual(
        new Set(relationshipTransitions[status].filter((to) => to !== 'expired')),
      );
  });

  it.each(illegal)(
    '$status: $move answers 409 naming what may follow',
    async ({ status, move }) => {
      const pair = pairs.get(status) as Pair;
      const before = await relationshipRow(app, pair.id);
      const response = await attempt(pair, move);
      expect(response.statusCode, response.body).toBe(409);
      expect(response.json().error).toBe('conflict');
      const allowed = relationshipTransitions[status];
      const { message } = response.json();
      if (status === 'pending')
        // Only an answer makes a pending relationship active: pause, resume and complete are refused.
        expect(message).toBe('This relationship is pending: it is accepted or declined first.');
      else if (status === 'paused' && move === 'accept')
        // Active may follow, but by resuming: an answer is for a pending relationship only.
        expect(message).toBe(
          'This relationship is paused: it was answered already; it can become active or completed by a change of status.',
        );
      else if (allowed.length === 0)
        expect(message).toBe(`This relationship is ${status}: it can no longer change.`);
      else
        expect(message).toBe(
          `This relationship is ${status}: it can become ${allowed.join(', ')}, not ${moves[move].to}.`,
        );
      const after = await relationshipRow(app, pair.id);
      expect(after.status).toBe(before.status);
      expect(after.updatedAt).toEqual(before.updatedAt);
    },
  );
});

describe('pause, resume and complete', () => {
  it('are open to either party, and each change is audited with its actor', async () => {
    for (const [pauser, resumer] of [
      ['coach', 'client'],
      ['client', 'coach'],
    ] as const) {
      const pair = await relationshipIn('active');
      const party = (side: 'coach' | 'client') => as(app, side === 'coach' ? coach : pair.client);
      const url = `/api/v1/relationships/${pair.id}`;
      const startedAt = (await relationshipRow(app, pair.id)).startedAt;

      const paused = await party(pauser).patch(url, { status: 'paused' });
      await expectOk(paused, 'paused');
      expect(paused.json().allowedActions).toEqual(['resume', 'complete']);
      const resumed = await party(resumer).patch(url, { status: 'active' });
      await expectOk(resumed, 'active');
      expect(await relationshipRow(app, pair.id)).toMatchObject({ startedAt, endedAt: null });
      const completed = await party(pauser).patch(url, { status: 'completed' });
      await expectOk(completed, 'completed');
      expect(completed.json()).toMatchObject({ endedAt: expect.any(String), allowedActions: [] });

      const ids = { coach: coach.userId, client: pair.client.userId };
      const audit = await as(app, admin).get(
        `/api/v1/admin/audit-log?target=relationship:${pair.id}`,
      );
      expect(audit.statusCode).toBe(200);
      const entries = audit
        .json()
        .data.map((entry: { action: string; actor: string; details: object }) => entry)
        .reverse();
      expect(entries.map((e: { action: string }) => e.action)).toEqual([
        'relationship.invite',
        'relationship.active',
        'relationship.paused',
        'relationship.active',
        'relationship.completed',
      ]);
      expect(entries.slice(2)).toEqual([
        expect.objectContaining({
          actor: ids[pauser],
          details: expect.objectContaining({
            before: { status: 'active' },
            after: { status: 'paused' },
          }),
        }),
        expect.objectContaining({ actor: ids[resumer] }),
        expect.objectContaining({
          actor: ids[pauser],
          details: expect.objectContaining({ before: { status: 'active' } }),
        }),
      ]);
    }
  });

  it('completes a paused relationship', async () => {
    const pair = await relationshipIn('paused');
    const completed = await as(app, pair.client).patch(`/api/v1/relationships/${pair.id}`, {
      status: 'completed',
    });
    await expectOk(completed, 'completed');
  });
});

describe('connection requests', () => {
  let listed: Coach;
  beforeAll(async () => {
    listed = await coachWithPractice(app, { listed: true, practiceName: 'Listed Coaching' });
  });

  it('a client asks a listed coach, who is told by mail and accepts; the client is told too', async () => {
    const client = await signedInAs(app, 'client');
    const asked = await as(app, client).post('/api/v1/relationships/request', {
      coachUserId: listed.userId,
      message: 'Can we work together?',
    });
    expect(asked.statusCode).toBe(201);
    const { id } = asked.json();
    expect(asked.json()).toMatchObject({
      status: 'pending',
      origin: 'request',
      client: { identityUserId: client.userId, email: client.email },
      practice: { identityOrgId: listed.practiceId, name: 'Listed Coaching' },
      allowedActions: ['withdraw'],
    });
    const again = await as(app, client).post('/api/v1/relationships/request', {
      coachUserId: listed.userId,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      message: 'You already have a pending relationship with this coach.',
      existing: { id },
    });
    await app.jobs.drain();
    const mails = await app.database.db.query.mailOutbox.findMany({
      where: (mail, { eq }) => eq(mail.to, listed.email),
    });
    expect(mails.map((mail) => mail.subject)).toContain('A client asks to work with you on Arete');

    // The client cannot answer their own request; the coach cannot revoke it.
    const own = await as(app, client).post(`/api/v1/relationships/${id}/respond`, {
      accept: true,
    });
    expect(own.statusCode).toBe(409);
    expect(own.json().message).toBe('You started this relationship: the other side answers it.');
    const revoke = await as(app, listed).post(`/api/v1/relationships/${id}/revoke`);
    expect(revoke.statusCode).toBe(409);
    expect(revoke.json().message).toBe('The client asked you: decline the request instead.');

    const shown = await as(app, listed).get(`/api/v1/relationships/${id}`);
    expect(shown.json().allowedActions).toEqual(['accept', 'decline']);
    const accepted = await as(app, listed).post(`/api/v1/relationships/${id}/respond`, {
      accept: true,
    });
    await expectOk(accepted, 'active');
    await app.jobs.drain();
    const toClient = await app.database.db.query.mailOutbox.findMany({
      where: (mail, { eq }) => eq(mail.to, client.email),
    });
    expect(toClient.map((mail) => mail.subject)).toContain('Your coach accepted your request');
  });

  it('is withdrawn by the client while pending, or declined by the coach', async () => {
    const client = await signedInAs(app, 'client');
    const request = async () =>
      (
        await as(app, client).post('/api/v1/relationships/request', { coachUserId: listed.userId })
      ).json().id as string;
    const first = await request();
    await expectOk(await as(app, client).post(`/api/v1/relationships/${first}/revoke`), 'revoked');
    const second = await request();
    await expectOk(
      await as(app, listed).post(`/api/v1/relationships/${second}/respond`, { accept: false }),
      'declined',
    );
    expect((await relationshipRow(app, second)).updatedBy).toBe(listed.userId);
  });

  it('the invitee may not revoke the coach’s invitation: they decline it', async () => {
    const pair = await relationshipIn('pending');
    const response = await as(app, pair.client).post(`/api/v1/relationships/${pair.id}/revoke`);
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toBe('You were invited: decline the invitation instead.');
  });
});
