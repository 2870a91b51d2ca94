// The copies a goal row carries for the lists (migration 0014's triggers): after every kind of
// write to the key results, the milestones and the check-ins, they equal what the tables say.
import { readFileSync } from 'node:fs';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { signedInAs } from '../../../../test/support/identity.ts';
import { as, type Person } from '../../../../test/support/tenants.ts';
import { goalCheckIns, goalKeyResults, goalListCopies, goalMilestones, goals } from './schema.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
let client: Person;
beforeAll(async () => {
  app = await createTestApp();
});
// A client each, so that no test meets the focus limit of another's goals in progress.
beforeEach(async () => {
  client = await signedInAs(app, 'client');
});
afterAll(() => app.close());

const db = () => app.database.db;

async function newGoal() {
  const response = await as(app, client).post('/api/v1/goals', {
    title: 'Lead a team of five',
    area: 'leadership',
    status: 'in_progress',
    keyResults: [
      { title: 'One-to-ones a month', startValue: 0, targetValue: 10, weight: 3 },
      { title: 'Decisions delegated', startValue: 2, targetValue: 12, unit: 'decisions' },
    ],
    milestones: [{ title: 'Ask my manager' }, { title: 'Pick a deputy' }],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as {
    id: string;
    keyResults: { id: string }[];
    milestones: { id: string }[];
  };
}

/** The goal's parts read from their own tables. */
async function partsInTables(goalId: string) {
  const keyResults = await db()
    .select()
    .from(goalKeyResults)
    .where(eq(goalKeyResults.goalId, goalId))
    .orderBy(asc(goalKeyResults.position));
  const milestones = await db()
    .select()
    .from(goalMilestones)
    .where(eq(goalMilestones.goalId, goalId))
    .orderBy(asc(goalMilestones.position));
  const checkIns = await db()
    .select({ at: goalCheckIns.createdAt, confidence: goalCheckIns.confidence })
    .from(goalCheckIns)
    .where(eq(goalCheckIns.goalId, goalId))
    .orderBy(desc(goalCheckIns.createdAt));
  return {
    keyResults: keyResults.map(({ goalId: _, ...keyResult }) => keyResult),
    milestones: milestones.map(({ goalId: _, ...milestone }) => milestone),
    checkInCount: checkIns.length,
    lastCheckIn: checkIns[0] ?? null,
  };
}

/** The same parts as the goal row's copies carry them. */
async function partsInCopies(goalId: string) {
  const [row] = await db().select(goalListCopies).from(goals).where(eq(goals.id, goalId));
  if (!row) throw new Error(`no goal ${goalId}`);
  return {
    keyResults: row.keyResultsJson,
    milestones: row.milestonesJson.map((milestone) => ({
      ...milestone,
      doneAt: milestone.doneAt === null ? null : new Date(milestone.doneAt),
    })),
    checkInCount: row.checkInCount,
    lastCheckIn:
      row.lastCheckInAt === null
        ? null
        : { at: row.lastCheckInAt, confidence: row.lastCheckInConfidence },
  };
}

async function expectCopiesInStep(goalId: string) {
  expect(await partsInCopies(goalId)).toEqual(await partsInTables(goalId));
}

describe('the list copies on a goal row', () => {
  it('follow the goal’s creation and its check-ins through the API', async () => {
    const goal = await newGoal();
    await expectCopiesInStep(goal.id);
    expect((await partsInCopies(goal.id)).keyResults).toHaveLength(2);

    const checkIn = (body: object) =>
      as(app, client).post(`/api/v1/goals/${goal.id}/check-ins`, body);
    expect(
      (
        await checkIn({
          values: [{ keyResultId: goal.keyResults[1]?.id, value: 7 }],
          milestones: [{ milestoneId: goal.milestones[0]?.id, done: true }],
          confidence: 2,
        })
      ).statusCode,
    ).toBe(201);
    await expectCopiesInStep(goal.id);
    await checkIn({
      milestones: [{ milestoneId: goal.milestones[0]?.id, done: false }],
      confidence: 4,
    });
    await expectCopiesInStep(goal.id);
    expect(await partsInCopies(goal.id)).toMatchObject({
      checkInCount: 2,
      lastCheckIn: { confidence: 4 },
      milestones: [{ doneAt: null }, { doneAt: null }],
    });
  });

  it('follow inserts, updates and deletes made straight to the tables', async () => {
    const goal = await newGoal();
    const [extra] = await db()
      .insert(goalKeyResults)
      .values({
        goalId: goal.id,
        position: 2,
        title: 'Talks given',
        startValue: 0,
        currentValue: 1,
        targetValue: 3,
      })
      .returning();
    await db()
      .update(goalKeyResults)
      .set({ title: 'Talks given in public' })
      .where(eq(goalKeyResults.id, extra?.id ?? ''));
    await db()
      .delete(goalMilestones)
      .where(eq(goalMilestones.id, goal.milestones[1]?.id ?? ''));
    await expectCopiesInStep(goal.id);
    // A part moved to another goal leaves the first goal's copy and joins the second's.
    const other = await newGoal();
    await db()
      .update(goalMilestones)
      .set({ goalId: other.id, position: 5 })
      .where(eq(goalMilestones.id, goal.milestones[0]?.id ?? ''));
    await expectCopiesInStep(goal.id);
    await expectCopiesInStep(other.id);
    expect((await partsInCopies(goal.id)).milestones).toEqual([]);
    expect((await partsInCopies(other.id)).milestones).toHaveLength(3);

    await db().insert(goalCheckIns).values({
      goalId: goal.id,
      values: [],
      milestones: [],
      confidence: 5,
      progress: 0,
      createdBy: client.userId,
    });
    // An older check-in (imported, say) counts but is not the last one.
    await db().insert(goalCheckIns).values({
      goalId: goal.id,
      values: [],
      milestones: [],
      confidence: 1,
      progress: 0,
      createdBy: client.userId,
      createdAt: sql`now() - interval '3 days'`,
    });
    await expectCopiesInStep(goal.id);
    expect(await partsInCopies(goal.id)).toMatchObject({
      checkInCount: 2,
      lastCheckIn: { confidence: 5 },
    });
  });

  it('are rebuilt from the tables by the migration’s backfill', async () => {
    const goal = await newGoal();
    await as(app, client).post(`/api/v1/goals/${goal.id}/check-ins`, { confidence: 3, note: 'x' });
    await db()
      .update(goals)
      .set({
        keyResultsJson: [],
        milestonesJson: [],
        checkInCount: 0,
        lastCheckInAt: null,
        lastCheckInConfidence: null,
      })
      .where(eq(goals.id, goal.id));
    const migration = readFileSync(
      new URL('../../../../drizzle/0014_goal_list_copies.sql', import.meta.url),
      'utf8',
    );
    const backfill = migration.split('--> statement-breakpoint').at(-1) ?? '';
    expect(backfill).toMatch(/^\s*UPDATE "goals"/);
    await db().execute(sql.raw(backfill));
    await expectCopiesInStep(goal.id);
    expect((await partsInCopies(goal.id)).checkInCount).toBe(1);
  });
});
