import { getTableColumns, sql } from 'drizzle-orm';
import {
  date,
  doublePrecision,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { goalAreas, goalSources, goalStatuses } from '../../../contract/goals.ts';

/**
 * A key result as the goal row carries it for the lists (`goals.key_results_json`). Written out:
 * derived from `goalKeyResults`, which references `goals`, the two tables' types would be circular.
 */
export type ListedKeyResult = {
  id: string;
  position: number;
  title: string;
  startValue: number;
  currentValue: number;
  targetValue: number;
  unit: string | null;
  weight: number;
};
/** A milestone as the goal row carries it (`doneAt` is PostgreSQL's text of a timestamptz). */
export type ListedMilestone = {
  id: string;
  position: number;
  title: string;
  doneAt: string | null;
};

/**
 * A client's goal (seed 000's next sprint). Progress and momentum are not columns: they are
 * computed on read from the key results, the milestones and the last check-in.
 *
 * The last five columns are copies that triggers (migration 0014) keep in step with the key
 * results, the milestones and the check-ins, inside the writing statement: a list of goals then
 * reads one row per goal instead of aggregating three tables per goal (about 8 times less
 * PostgreSQL time for 50 goals). Nothing writes them but the triggers.
 */
export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientUserId: text('client_user_id').notNull(),
    /** The coaching relationship it is worked on in, if any. */
    relationshipId: uuid('relationship_id'),
    title: text('title').notNull(),
    description: text('description'),
    whyItMatters: text('why_it_matters'),
    area: text('area', { enum: goalAreas }).notNull(),
    status: text('status', { enum: goalStatuses }).notNull(),
    source: text('source', { enum: goalSources }).notNull(),
    /** The coach who proposed it (source `coach`). */
    proposedBy: text('proposed_by'),
    visibility: text('visibility', { enum: ['private', 'shared'] }).notNull(),
    targetDate: date('target_date', { mode: 'string' }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    updatedBy: text('updated_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    keyResultsJson: json('key_results_json')
      .$type<ListedKeyResult[]>()
      .notNull()
      .default(sql`'[]'::json`),
    milestonesJson: json('milestones_json')
      .$type<ListedMilestone[]>()
      .notNull()
      .default(sql`'[]'::json`),
    checkInCount: integer('check_in_count').notNull().default(0),
    lastCheckInAt: timestamp('last_check_in_at', { withTimezone: true }),
    lastCheckInConfidence: smallint('last_check_in_confidence'),
  },
  (table) => [
    index('goals_client_idx').on(table.clientUserId, table.createdAt),
    // The focus limit counts these.
    index('goals_in_progress_idx')
      .on(table.clientUserId)
      .where(sql`${table.status} = 'in_progress'`),
  ],
);

export const goalKeyResults = pgTable(
  'goal_key_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    startValue: doublePrecision('start_value').notNull(),
    /** The value of the latest check-in (the start until one), written with that check-in. */
    currentValue: doublePrecision('current_value').notNull(),
    targetValue: doublePrecision('target_value').notNull(),
    unit: text('unit'),
    weight: integer('weight').notNull().default(1),
  },
  (table) => [index('goal_key_results_goal_idx').on(table.goalId, table.position)],
);

export const goalMilestones = pgTable(
  'goal_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (table) => [index('goal_milestones_goal_idx').on(table.goalId, table.position)],
);

/**
 * Append-only: a trigger (migration 0012) refuses updates and deletes, so a past check-in can only
 * be corrected by a new one.
 */
export const goalCheckIns = pgTable(
  'goal_check_ins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id),
    values: jsonb('values').$type<{ keyResultId: string; value: number }[]>().notNull(),
    milestones: jsonb('milestones').$type<{ milestoneId: string; done: boolean }[]>().notNull(),
    confidence: smallint('confidence').notNull(),
    note: text('note'),
    /** The goal's progress right after this check-in: the history the chart draws. */
    progress: real('progress').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('goal_check_ins_goal_idx').on(table.goalId, table.createdAt)],
);

export const goalComments = pgTable(
  'goal_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id),
    authorUserId: text('author_user_id').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('goal_comments_goal_idx').on(table.goalId, table.createdAt)],
);

const {
  keyResultsJson,
  milestonesJson,
  checkInCount,
  lastCheckInAt,
  lastCheckInConfidence,
  ...columns
} = getTableColumns(goals);
/** The columns of a goal without its list copies: what every read but the lists selects. */
export const goalColumns = columns;
/** The copies the triggers keep for the lists. */
export const goalListCopies = {
  keyResultsJson,
  milestonesJson,
  checkInCount,
  lastCheckInAt,
  lastCheckInConfidence,
};
type GoalTableRow = typeof goals.$inferSelect;
export type GoalRow = Omit<GoalTableRow, keyof typeof goalListCopies>;
export type GoalListCopies = Pick<GoalTableRow, keyof typeof goalListCopies>;
export type KeyResultRow = typeof goalKeyResults.$inferSelect;
export type MilestoneRow = typeof goalMilestones.$inferSelect;
export type CheckInRow = typeof goalCheckIns.$inferSelect;
export type CommentRow = typeof goalComments.$inferSelect;
