import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  aiPrivacyLevels,
  type DiscoveryAnswers,
  type SuggestionSource,
} from '../../../contract/goal-suggestions.ts';
import { goalAreas } from '../../../contract/goals.ts';

/** A client's discovery questionnaire: one per client, saved as they go, theirs to share. */
export const goalDiscoveries = pgTable('goal_discoveries', {
  clientUserId: text('client_user_id').primaryKey(),
  answers: jsonb('answers').$type<DiscoveryAnswers>().notNull(),
  sharedWithCoaches: boolean('shared_with_coaches').notNull().default(false),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const suggestionStatuses = [
  'pending',
  'accepted',
  'edited_accepted',
  'dismissed',
  'superseded',
] as const;

/**
 * A suggested goal: a draft until the client accepts it (then `goal_id` names the goal made from
 * it). One pending suggestion per client and dedupe key (generator and template), so regenerating
 * refreshes it instead of piling up copies.
 */
export const goalSuggestions = pgTable(
  'goal_suggestions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientUserId: text('client_user_id').notNull(),
    status: text('status', { enum: suggestionStatuses }).notNull().default('pending'),
    title: text('title').notNull(),
    description: text('description').notNull(),
    area: text('area', { enum: goalAreas }).notNull(),
    keyResults: jsonb('key_results')
      .$type<{ title: string; startValue: number; targetValue: number; unit?: string }[]>()
      .notNull(),
    milestones: jsonb('milestones').$type<string[]>().notNull(),
    reasoning: text('reasoning').notNull(),
    sources: jsonb('sources').$type<SuggestionSource[]>().notNull(),
    score: real('score').notNull(),
    generator: text('generator').notNull(),
    generatorVersion: text('generator_version').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    goalId: uuid('goal_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('goal_suggestions_pending_key')
      .on(table.clientUserId, table.dedupeKey)
      .where(sql`${table.status} = 'pending'`),
    index('goal_suggestions_client_idx').on(table.clientUserId, table.createdAt),
  ],
);

export type SuggestionRow = typeof goalSuggestions.$inferSelect;
export type DiscoveryRow = typeof goalDiscoveries.$inferSelect;

/** Each side's AI privacy level for one relationship (both `local_only` until set). */
export const relationshipAiPrivacy = pgTable('relationship_ai_privacy', {
  relationshipId: uuid('relationship_id').primaryKey(),
  coachLevel: text('coach_level', { enum: aiPrivacyLevels }).notNull().default('local_only'),
  clientLevel: text('client_level', { enum: aiPrivacyLevels }).notNull().default('local_only'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One run of a generator for a client: what it made, or why it made nothing. */
export const goalSuggestionRuns = pgTable(
  'goal_suggestion_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientUserId: text('client_user_id').notNull(),
    generator: text('generator').notNull(),
    status: text('status', { enum: ['succeeded', 'failed', 'skipped'] }).notNull(),
    reason: text('reason'),
    suggestionCount: integer('suggestion_count').notNull().default(0),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('goal_suggestion_runs_client_idx').on(table.clientUserId, table.finishedAt)],
);

export type SuggestionRunRow = typeof goalSuggestionRuns.$inferSelect;
