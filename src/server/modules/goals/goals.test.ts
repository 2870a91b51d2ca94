// Goals through the API: the client's own, the focus limit, append-only check-ins, and what their
// coach (and nobody else) may read, comment on and propose.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { signedInAs } from '../../../../test/support/identity.ts';
import { activeRelationship } from '../../../../test/support/relationships.ts';
import { as, type Person } from '../../../../test/support/tenants.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const leadTeam = {
  title: 'Lead a team of five',
  area: 'leadership',
  whyItMatters: 'I want to grow others.',
  targetDate: '2099-12-31',
  keyResults: [{ title: 'One-to-ones a month', startValue: 0, targetValue: 10, weight: 3 }],
  milestones: [{ title: 'Ask my manager' }],
};

async function newGoal(person: Person, body: object = {}) {
  const response = await as(app, person).post('/api/v1/goals', { ...leadTeam, ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('a client’s goals', () => {
  it('creates a goal with measures, checks in, and computes progress on read', async () => {
    const client = await signedInAs(app, 'client');
    const goal = await newGoal(client, { status: 'in_progress' });
    expect(goal).toMatchObject({
      status: 'in_progress',
      source: 'manual',
      visibility: 'private',
      progress: 0,
      momentum: 'on_track',
      checkInCount: 0,
    });
    const [keyResult] = goal.keyResults;
    const [milestone] = goal.milestones;

    const first = await as(app, client).post(`/api/v1/goals/${goal.id}/check-ins`, {
      values: [{ keyResultId: keyResult.id, value: 5 }],
      confidence: 4,
      note: 'Halfway',
    });
    expect(first.statusCode).toBe(201);
    // (3 × 0.5 + 1 × 0) / 4
    expect(first.json().progress).toBeCloseTo(0.375);
    const second = await as(app, client).post(`/api/v1/goals/${goal.id}/check-ins`, {
      milestones: [{ milestoneId: milestone.id, done: true }],
      confidence: 5,
    });
    expect(second.json().progress).toBeCloseTo(0.625);

    const read = (await as(app, client).get(`/api/v1/goals/${goal.id}`)).json();
    expect(read).toMatchObject({ progress: 0.625, checkInCount: 2, momentum: 'on_track' });
    expect(read.keyResults[0]).toMatchObject({ currentValue: 5, progress: 0.5 });
    expect(read.milestones[0].doneAt).not.toBeNull();
    const history = (await as(app, client).get(`/api/v1/goals/${goal.id}/check-ins`)).json();
    expect(history.data.map((entry: { progress: number }) => entry.progress)).toEqual([
      0.375, 0.625,
    ]);
  });

  it('keeps check-ins append-only, down to the database', async () => {
    const client = await signedInAs(app, 'client');
    const goal = await newGoal(client);
    await as(app, client).post(`/api/v1/goals/${goal.id}/check-ins`, { confidence: 3, note: 'x' });
    await expect(
      app.database.db.execute(sql`update goal_check_ins set confidence = 1`),
    ).rejects.toThrow();
    await expect(app.database.db.execute(sql`delete from goal_check_ins`)).rejects.toThrow();
  });

  it('refuses a check-in naming another goal’s key result, an empty one, and one on a closed goal', async () => {
    const client = await signedInAs(app, 'client');
    const goal = await newGoal(client);
    const other = await newGoal(client);
    const foreign = await as(app, client).post(`/api/v1/goals/${goal.id}/check-ins`, {
      values: [{ keyResultId: other.keyResults[0].id, value: 1 }],
      confidence: 3,
    });
    expect(foreign.statusCode).toBe(400);
    const empty = await as(app, client).post(`/api/v1/goals/${goal.id}/check-ins`, {
      confidence: 3,
    });
    expect(empty.statusCode).toBe(400);
    const badConfidence = await as(app, client).post(`/api/v1/goals/${goal.id}/check-ins`, {
      confidence: 6,
      note: 'x',
    });
    expect(badConfidence.statusCode).toBe(400);
    await as(app, client).patch(`/api/v1/goals/${goal.id}`, { status: 'abandoned' });
    const closed = await as(app, client).post(`/api/v1/goals/${goal.id}/check-ins`, {
      confidence: 3,
      note: 'x',
    });
    expect(closed.statusCode).toBe(409);
  });

  it('holds the focus limit: a fourth goal in progress answers 409 with the three', async () => {
    const client = await signedInAs(app, 'client');
    const started = [];
    for (let index = 0; index < 3; index += 1)
      started.push(await newGoal(client, { status: 'in_progress', title: `Goal ${index}` }));
    const fourth = await as(app, client).post('/api/v1/goals', {
      ...leadTeam,
      status: 'in_progress',
    });
    expect(fourth.statusCode).toBe(409);
    expect(
      fourth
        .json()
        .existing.map((goal: { id: string }) => goal.id)
        .sort(),
    ).toEqual(started.map((goal) => goal.id).sort());
    const waiting = await newGoal(client);
    expect(
      (await as(app, client).patch(`/api/v1/goals/${waiting.id}`, { status: 'in_progress' }))
        .statusCode,
    ).toBe(409);
    // A swap: one on hold, then the other starts.
    await as(app, client).patch(`/api/v1/goals/${started[0].id}`, { status: 'on_hold' });
    const swapped = await as(app, client).patch(`/api/v1/goals/${waiting.id}`, {
      status: 'in_progress',
    });
    expect(swapped.statusCode).toBe(200);
    const list = (await as(app, client).get('/api/v1/goals')).json();
    expect(list.focus).toEqual({ limit: 3, inProgress: 3 });
  });

  it('moves only along the lifecycle (409 names what may follow)', async () => {
    const client = await signedInAs(app, 'client');
    const goal = await newGoal(client);
    const done = await as(app, client).patch(`/api/v1/goals/${goal.id}`, { status: 'completed' });
    expect(done.json()).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
    const back = await as(app, client).patch(`/api/v1/goals/${goal.id}`, { status: 'on_hold' });
    expect(back.statusCode).toBe(409);
    expect(back.json().message).toMatch(/can become in progress, not on hold/);
  });

  it('validates bodies: unknown fields, a key result without a span, a bad date', async () => {
    const client = await signedInAs(app, 'client');
    for (const body of [
      { ...leadTeam, owner: 'someone' },
      { ...leadTeam, keyResults: [{ title: 'x', startValue: 1, targetValue: 1 }] },
      { ...leadTeam, targetDate: '2027-02-30' },
      { ...leadTeam, area: 'money' },
      {},
    ]) {
      const response = await as(app, client).post('/api/v1/goals', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
    const goal = await newGoal(client);
    expect((await as(app, client).patch(`/api/v1/goals/${goal.id}`, {})).statusCode).toBe(400);
  });

  it('answers 404 for another client’s goal and 403 to a coach or a pending user', async () => {
    const [owner, other, coach, pending] = await Promise.all([
      signedInAs(app, 'client'),
      signedInAs(app, 'client'),
      signedInAs(app, 'coach'),
      signedInAs(app, 'pending'),
    ]);
    const goal = await newGoal(owner);
    for (const request of [
      as(app, other).get(`/api/v1/goals/${goal.id}`),
      as(app, other).patch(`/api/v1/goals/${goal.id}`, { title: 'Mine now' }),
      as(app, other).post(`/api/v1/goals/${goal.id}/check-ins`, { confidence: 3, note: 'x' }),
      as(app, other).get(`/api/v1/goals/${goal.id}/check-ins`),
      as(app, other).post(`/api/v1/goals/${goal.id}/comments`, { body: 'Hi' }),
    ])
      expect((await request).statusCode).toBe(404);
    expect((await as(app, other).get('/api/v1/goals')).json().data).toEqual([]);
    expect((await as(app, coach).get('/api/v1/goals')).statusCode).toBe(403);
    expect((await as(app, pending).get('/api/v1/goals')).statusCode).toBe(403);
  });
});

describe('a coach and their client’s goals', () => {
  it('reads shared goals only, comments, and proposes a goal the client accepts', async () => {
    const { coach, client, relationshipId } = await activeRelationship(app);
    const shared = await newGoal(client, { visibility: 'shared', status: 'in_progress' });
    await newGoal(client, { title: 'Private one' });
    const base = `/api/v1/relationships/${relationshipId}/goals`;

    const list = (await as(app, coach).get(base)).json();
    expect(list.data.map((goal: { id: string }) => goal.id)).toEqual([shared.id]);
    expect((await as(app, coach).get(`${base}/${shared.id}`)).json().title).toBe(leadTeam.title);
    const comment = await as(app, coach).post(`${base}/${shared.id}/comments`, {
      body: 'Who first?',
    });
    expect(comment.statusCode).toBe(201);
    const seen = (await as(app, client).get(`/api/v1/goals/${shared.id}/comments`)).json();
    expect(seen.data).toEqual([expect.objectContaining({ authorUserId: coach.userId })]);

    const proposed = await as(app, coach).post(base, {
      title: 'Delegate one project',
      area: 'leadership',
      keyResults: [{ title: 'Projects delegated', startValue: 0, targetValue: 1 }],
    });
    expect(proposed.statusCode).toBe(201);
    expect(proposed.json()).toMatchObject({
      status: 'proposed',
      source: 'coach',
      proposedBy: coach.userId,
      visibility: 'shared',
      relationshipId,
    });
    const accepted = await as(app, client).patch(`/api/v1/goals/${proposed.json().id}`, {
      status: 'not_started',
      title: 'Delegate the launch',
    });
    expect(accepted.json()).toMatchObject({ status: 'not_started', title: 'Delegate the launch' });
  });

  it('defaults visibility from the client’s session setting', async () => {
    const client = await signedInAs(app, 'client');
    await as(app, client).put('/api/v1/member/session-settings/', { auto_send_context: true });
    expect((await newGoal(client)).visibility).toBe('shared');
    expect((await newGoal(client, { visibility: 'private' })).visibility).toBe('private');
  });

  it('answers 404 to another coach, and to the coach once the relationship is paused', async () => {
    const { coach, client, relationshipId } = await activeRelationship(app);
    const stranger = await signedInAs(app, 'coach');
    const goal = await newGoal(client, { visibility: 'shared' });
    const url = `/api/v1/relationships/${relationshipId}/goals/${goal.id}`;
    expect((await as(app, stranger).get(url)).statusCode).toBe(404);
    expect((await as(app, client).get(url)).statusCode).toBe(403);
    await as(app, coach).patch(`/api/v1/relationships/${relationshipId}`, { status: 'paused' });
    expect((await as(app, coach).get(url)).statusCode).toBe(404);
    expect(
      (
        await as(app, coach).post(`/api/v1/relationships/${relationshipId}/goals`, {
          title: 'x',
          area: 'other',
        })
      ).statusCode,
    ).toBe(404);
  });
});
