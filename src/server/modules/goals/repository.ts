// The SQL of goals. Reads are scoped by the client whose goals they are (and, for a coach, by
// `sharedOnly`); the service decides who may ask for which client.
import { and, asc, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { GoalArea, GoalStatus } from '../../../contract/goals.ts';
import type { Database } from '../../db/client.ts';
import {
  type CheckInRow,
  type CommentRow,
  type GoalRow,
  goalCheckIns,
  goalComments,
  goalKeyResults,
  goalMilestones,
  goals,
  type KeyResultRow,
  type MilestoneRow,
} from './schema.ts';

export type GoalScope = { clientUserId: string; sharedOnly: boolean };
export type NewGoal = typeof goals.$inferInsert;
export type NewKeyResult = Omit<typeof goalKeyResults.$inferInsert, 'goalId' | 'position'>;
export type NewMilestone = Omit<typeof goalMilestones.$inferInsert, 'goalId' | 'position'>;

/** A goal with what its progress and momentum are computed from. */
export type GoalRecord = {
  goal: GoalRow;
  keyResults: KeyResultRow[];
  milestones: MilestoneRow[];
  lastCheckIn: { at: Date; confidence: number } | null;
  checkInCount: number;
};

function visibleIn(scope: GoalScope): SQL | undefined {
  return and(
    eq(goals.clientUserId, scope.clientUserId),
    scope.sharedOnly ? eq(goals.visibility, 'shared') : undefined,
  );
}

/** Serialises the changes that count a client's goals in progress (the focus limit). */
export async function lockClientFocus(tx: Database, clientUserId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`goals.focus:${clientUserId}`}, 0))`,
  );
}

export async function goalsInProgress(
  db: Database,
  clientUserId: string,
  except?: string,
): Promise<GoalRow[]> {
  return db
    .select()
    .from(goals)
    .where(
      and(
        eq(goals.clientUserId, clientUserId),
        eq(goals.status, 'in_progress'),
        except ? ne(goals.id, except) : undefined,
      ),
    )
    .orderBy(asc(goals.startedAt));
}

export async function insertGoal(
  tx: Database,
  goal: NewGoal,
  keyResults: NewKeyResult[],
  milestones: NewMilestone[],
): Promise<GoalRow> {
  const [row] = await tx.insert(goals).values(goal).returning();
  if (!row) throw new Error('the goal insert returned no row');
  if (keyResults.length > 0)
    await tx
      .insert(goalKeyResults)
      .values(
        keyResults.map((keyResult, position) => ({ ...keyResult, goalId: row.id, position })),
      );
  if (milestones.length > 0)
    await tx
      .insert(goalMilestones)
      .values(
        milestones.map((milestone, position) => ({ ...milestone, goalId: row.id, position })),
      );
  return row;
}

/** The goal, locked for the rest of the transaction, if the scope sees it. */
export async function lockGoal(
  tx: Database,
  scope: GoalScope,
  id: string,
): Promise<GoalRow | undefined> {
  const [row] = await tx
    .select()
    .from(goals)
    .where(and(eq(goals.id, id), visibleIn(scope)))
    .for('update');
  return row;
}

export async function updateGoal(
  tx: Database,
  id: string,
  values: Partial<NewGoal>,
): Promise<GoalRow> {
  const [row] = await tx
    .update(goals)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(goals.id, id))
    .returning();
  if (!row) throw new Error('the goal vanished inside its transaction');
  return row;
}

export async function findGoalRecords(
  db: Database,
  scope: GoalScope,
  filter: { id?: string; status?: GoalStatus; area?: GoalArea } = {},
): Promise<GoalRecord[]> {
  const rows = await db
    .select()
    .from(goals)
    .where(
      and(
        visibleIn(scope),
        filter.id ? eq(goals.id, filter.id) : undefined,
        filter.status ? eq(goals.status, filter.status) : undefined,
        filter.area ? eq(goals.area, filter.area) : undefined,
      ),
    )
    .orderBy(desc(goals.createdAt), desc(goals.id));
  return withMeasures(db, rows);
}

async function withMeasures(db: Database, rows: GoalRow[]): Promise<GoalRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [keyResults, milestones, checkIns] = await Promise.all([
    db
      .select()
      .from(goalKeyResults)
      .where(inArray(goalKeyResults.goalId, ids))
      .orderBy(asc(goalKeyResults.position)),
    db
      .select()
      .from(goalMilestones)
      .where(inArray(goalMilestones.goalId, ids))
      .orderBy(asc(goalMilestones.position)),
    db
      .select({
        goalId: goalCheckIns.goalId,
        count: sql<number>`count(*)::int`,
        lastAt: sql<string>`max(${goalCheckIns.createdAt})`,
        lastConfidence: sql<number>`(array_agg(${goalCheckIns.confidence} order by ${goalCheckIns.createdAt} desc))[1]`,
      })
      .from(goalCheckIns)
      .where(inArray(goalCheckIns.goalId, ids))
      .groupBy(goalCheckIns.goalId),
  ]);
  return rows.map((goal) => {
    const checkIn = checkIns.find((entry) => entry.goalId === goal.id);
    return {
      goal,
      keyResults: keyResults.filter((keyResult) => keyResult.goalId === goal.id),
      milestones: milestones.filter((milestone) => milestone.goalId === goal.id),
      lastCheckIn: checkIn
        ? { at: new Date(checkIn.lastAt), confidence: Number(checkIn.lastConfidence) }
        : null,
      checkInCount: checkIn ? Number(checkIn.count) : 0,
    };
  });
}

export async function setKeyResultValues(
  tx: Database,
  goalId: string,
  values: { keyResultId: string; value: number }[],
): Promise<void> {
  for (const { keyResultId, value } of values)
    await tx
      .update(goalKeyResults)
      .set({ currentValue: value })
      .where(and(eq(goalKeyResults.id, keyResultId), eq(goalKeyResults.goalId, goalId)));
}

export async function setMilestonesDone(
  tx: Database,
  goalId: string,
  milestones: { milestoneId: string; done: boolean }[],
): Promise<void> {
  for (const { milestoneId, done } of milestones)
    await tx
      .update(goalMilestones)
      .set({ doneAt: done ? sql`coalesce(${goalMilestones.doneAt}, now())` : null })
      .where(and(eq(goalMilestones.id, milestoneId), eq(goalMilestones.goalId, goalId)));
}

export async function insertCheckIn(
  tx: Database,
  row: typeof goalCheckIns.$inferInsert,
): Promise<CheckInRow> {
  const [inserted] = await tx.insert(goalCheckIns).values(row).returning();
  if (!inserted) throw new Error('the check-in insert returned no row');
  return inserted;
}

export async function listCheckIns(db: Database, goalId: string): Promise<CheckInRow[]> {
  return db
    .select()
    .from(goalCheckIns)
    .where(eq(goalCheckIns.goalId, goalId))
    .orderBy(asc(goalCheckIns.createdAt), asc(goalCheckIns.id));
}

export async function insertComment(
  tx: Database,
  row: typeof goalComments.$inferInsert,
): Promise<CommentRow> {
  const [inserted] = await tx.insert(goalComments).values(row).returning();
  if (!inserted) throw new Error('the comment insert returned no row');
  return inserted;
}

export async function listComments(db: Database, goalId: string): Promise<CommentRow[]> {
  return db
    .select()
    .from(goalComments)
    .where(eq(goalComments.goalId, goalId))
    .orderBy(asc(goalComments.createdAt), asc(goalComments.id));
}
