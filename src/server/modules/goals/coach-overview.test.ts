// `GET /api/v1/relationships/coach/goals`: a coach's list across clients of the goals in progress
// they share, worst momentum first, and nothing of anyone else's clients.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { signedInAs, uniqueEmail } from '../../../../test/support/identity.ts';
import { activeRelationship, inviteClient } from '../../../../test/support/relationships.ts';
import { as, type Person } from '../../../../test/support/tenants.ts';
import { goals } from './schema.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const URL = '/api/v1/relationships/coach/goals';

async function goalOf(client: Person, title: string, body: object = {}) {
  const response = await as(app, client).post('/api/v1/goals', {
    title,
    area: 'leadership',
    status: 'in_progress',
    visibility: 'shared',
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string };
}

/** A second client of `coach`, invited and accepted. */
async function anotherClient(coach: Person) {
  const email = uniqueEmail('client');
  const { id } = await inviteClient(app, coach, email);
  const client = await signedInAs(app, 'client', { email });
  await as(app, client).post(`/api/v1/relationships/${id}/respond`, { accept: true });
  return { client, relationshipId: id };
}

describe('a coach’s goals across clients', () => {
  it('lists the shared goals in progress of active clients, stalled first, and filters by momentum', async () => {
    const { coach, client, relationshipId } = await activeRelationship(app);
    const stalled = await goalOf(client, 'Delegate weekly');
    await app.database.db
      .update(goals)
      .set({ startedAt: sql`now() - interval '30 days'` })
      .where(eq(goals.id, stalled.id));
    const onTrack = await goalOf(client, 'Run one-to-ones');
    await goalOf(client, 'Private', { visibility: 'private' });
    await goalOf(client, 'Later', { status: 'not_started' });
    const second = await anotherClient(coach);
    const unsure = await goalOf(second.client, 'Speak at the all-hands');
    await as(app, second.client).post(`/api/v1/goals/${unsure.id}/check-ins`, {
      confidence: 1,
      note: 'Stuck',
    });
    const paused = await anotherClient(coach);
    await goalOf(paused.client, 'Paused client’s goal');
    await as(app, coach).patch(`/api/v1/relationships/${paused.relationshipId}`, {
      status: 'paused',
    });

    const all = await as(app, coach).get(URL);
    expect(all.statusCode, all.body).toBe(200);
    expect(
      all
        .json()
        .data.map((row: { goal: { id: string; momentum: string } }) => [
          row.goal.id,
          row.goal.momentum,
        ]),
    ).toEqual([
      [stalled.id, 'stalled'],
      [unsure.id, 'needs_attention'],
      [onTrack.id, 'on_track'],
    ]);
    expect(all.json().data[0]).toMatchObject({
      relationshipId,
      client: { identityUserId: client.userId },
    });

    const attention = await as(app, coach).get(`${URL}?momentum=needs_attention,stalled`);
    expect(attention.json().data.map((row: { goal: { id: string } }) => row.goal.id)).toEqual([
      stalled.id,
      unsure.id,
    ]);
  });

  it('shows another coach nothing of these clients', async () => {
    const { client } = await activeRelationship(app);
    await goalOf(client, 'Mine to share');
    const stranger = await signedInAs(app, 'coach');
    const response = await as(app, stranger).get(URL);
    expect(response.statusCode).toBe(200);
    expect(response.json().data).toEqual([]);
  });

  it('says what is wrong with a momentum filter', async () => {
    const coach = await signedInAs(app, 'coach');
    const response = await as(app, coach).get(`${URL}?momentum=on_track,sleepy`);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/on_track, needs_attention or stalled/);
  });

  it('refuses clients and pending users', async () => {
    expect((await as(app, await signedInAs(app, 'client')).get(URL)).statusCode).toBe(403);
    expect((await as(app, await signedInAs(app, 'pending')).get(URL)).statusCode).toBe(403);
  });
});
