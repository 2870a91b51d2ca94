// The SQL of goals. Reads are scoped by the client whose goals they are (and, for a coach, by
// `sharedOnly`); the service decides who may ask for which client.
import { and, asc, desc, eq, ne, type SQL, sql } from 'drizzle-orm';
import type { GoalArea, GoalStatus } from '../../../contract/goals.ts';
import type { Database } from '../../db/client.ts';
import { prepared } from '../../db/prepared.ts';
import { profiles } from '../profiles/schema.ts';
import { relationships } from '../relationships/schema.ts';
import {
  type CheckInRow,
  type CommentRow,
  type GoalListCopies,
  type GoalRow,
  goalCheckIns,
  goalColumns,
  goalComments,
  goalKeyResults,
  goalListCopies,
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
    .select(goalColumns)
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
  const [row] = await tx.insert(goals).values(goal).returning(goalColumns);
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
    .select(goalColumns)
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
    .returning(goalColumns);
  if (!row) throw new Error('the goal vanished inside its transaction');
  return row;
}

type GoalFilter = { id?: string; status?: GoalStatus | undefined; area?: GoalArea | undefined };

/** The goals a scope sees (and a filter keeps), as placeholders: one statement for every read. */
const visibleGoals = () =>
  and(
    eq(goals.clientUserId, sql.placeholder('client')),
    sql`(not ${sql.placeholder('sharedOnly')}::boolean or ${goals.visibility} = 'shared')`,
    sql`(${sql.placeholder('id')}::uuid is null or ${goals.id} = ${sql.placeholder('id')}::uuid)`,
    sql`(${sql.placeholder('status')}::text is null or ${goals.status} = ${sql.placeholder('status')}::text)`,
    sql`(${sql.placeholder('area')}::text is null or ${goals.area} = ${sql.placeholder('area')}::text)`,
  );

/** What a goal record is read from: the goal's row and the copies its triggers keep (0014). */
const recordFields = { goal: goalColumns, ...goalListCopies };

type RecordRow = { goal: GoalRow } & GoalListCopies;

function toRecord(row: RecordRow): GoalRecord {
  return {
    goal: row.goal,
    keyResults: row.keyResultsJson.map((keyResult) => ({ ...keyResult, goalId: row.goal.id })),
    milestones: row.milestonesJson.map((milestone) => ({
      ...milestone,
      goalId: row.goal.id,
      doneAt: milestone.doneAt === null ? null : new Date(milestone.doneAt),
    })),
    lastCheckIn:
      row.lastCheckInAt && row.lastCheckInConfidence !== null
        ? { at: row.lastCheckInAt, confidence: row.lastCheckInConfidence }
        : null,
    checkInCount: row.checkInCount,
  };
}

function goalStatement(db: Database) {
  return prepared(db, 'goals.records', () =>
    db
      .select(recordFields)
      .from(goals)
      .where(visibleGoals())
      .orderBy(desc(goals.createdAt), desc(goals.id))
      .prepare('goals_records'),
  );
}

/** The goals the scope sees, newest first, each with what its progress and momentum need. */
export async function findGoalRecords(
  db: Database,
  scope: GoalScope,
  filter: GoalFilter = {},
): Promise<GoalRecord[]> {
  const rows = await goalStatement(db).execute({
    client: scope.clientUserId,
    sharedOnly: scope.sharedOnly,
    id: filter.id ?? null,
    status: filter.status ?? null,
    area: filter.area ?? null,
  });
  return rows.map(toRecord);
}

export type CoachClientGoalRecord = GoalRecord & {
  relationshipId: string;
  client: { userId: string; email: string; firstName: string | null; lastName: string | null };
};

function coachClientGoalsStatement(db: Database) {
  return prepared(db, 'goals.coach-clients', () =>
    db
      .select({
        ...recordFields,
        relationshipId: relationships.id,
        clientEmail: relationships.clientEmail,
        firstName: profiles.firstName,
        lastName: profiles.lastName,
      })
      .from(goals)
      .innerJoin(
        relationships,
        and(
          eq(relationships.clientUserId, goals.clientUserId),
          eq(relationships.coachUserId, sql.placeholder('coach')),
          eq(relationships.status, 'active'),
        ),
      )
      .leftJoin(profiles, eq(profiles.identityUserId, goals.clientUserId))
      .where(and(eq(goals.visibility, 'shared'), eq(goals.status, 'in_progress')))
      .orderBy(asc(goals.startedAt), asc(goals.id))
      .prepare('goals_coach_clients'),
  );
}

/**
 * The goals in progress that the coach's active clients share with them, each with its client:
 * at most the focus limit per client, so the list is bounded by the coach's clients.
 */
export async function findCoachClientGoalRecords(
  db: Database,
  coachUserId: string,
): Promise<CoachClientGoalRecord[]> {
  const rows = await coachClientGoalsStatement(db).execute({ coach: coachUserId });
  return rows.map((row) => ({
    ...toRecord(row),
    relationshipId: row.relationshipId,
    client: {
      userId: row.goal.clientUserId,
      email: row.clientEmail,
      firstName: row.firstName,
      lastName: row.lastName,
    },
  }));
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
