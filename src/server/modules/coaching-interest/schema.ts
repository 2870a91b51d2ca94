import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { coachingFormats, coachingInterestStatuses } from '../../../contract/coaching-interest.ts';

/**
 * Seed 001: a member's coaching-interest form, stored for the admins to triage (never mailed). One
 * open (new or contacted) submission per member, held by a partial unique index.
 */
export const coachingInterests = pgTable(
  'coaching_interests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberUserId: text('member_user_id').notNull(),
    /** Copied when submitted, so that the admins' list searches without asking the provider. */
    memberEmail: text('member_email').notNull(),
    memberName: text('member_name'),
    goals: text('goals').notNull(),
    focusAreas: jsonb('focus_areas').$type<string[]>().notNull(),
    preferredFormat: text('preferred_format', { enum: coachingFormats }).notNull(),
    availability: text('availability'),
    message: text('message'),
    status: text('status', { enum: coachingInterestStatuses }).notNull().default('new'),
    notes: text('notes'),
    matchedCoachUserId: text('matched_coach_user_id'),
    /** As the directory named the coach when matched, so that the list shows it without a join. */
    matchedCoachName: text('matched_coach_name'),
    relationshipId: uuid('relationship_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('coaching_interests_open_per_member')
      .on(table.memberUserId)
      .where(sql`${table.status} in ('new', 'contacted')`),
    index('coaching_interests_status_idx').on(
      table.status,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index('coaching_interests_created_idx').on(
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
  ],
);

export type CoachingInterest = typeof coachingInterests.$inferSelect;
