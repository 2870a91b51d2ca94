import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { relationshipStatuses } from '../../../contract/relationships.ts';

export const relationshipOrigins = ['invitation', 'request'] as const;

/**
 * A coaching relationship between a coach (and their practice) and a client. A coach's invitation
 * starts with the client's email only; `client_user_id` is set when the invitee accepts. At most one
 * open (pending, active or paused) relationship per coach and client, by email and by user: two
 * partial unique indexes hold it, so two concurrent invitations make one row.
 */
export const relationships = pgTable(
  'relationships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    coachUserId: text('coach_user_id').notNull(),
    clientUserId: text('client_user_id'),
    /** Lower-cased. */
    clientEmail: text('client_email').notNull(),
    /** The coach's practice (a provider organization id). */
    coachOrgId: text('coach_org_id').notNull(),
    origin: text('origin', { enum: relationshipOrigins }).notNull(),
    invitationId: text('invitation_id'),
    /** Why the provider refused the invitation, when it did (the coach may revoke and invite again). */
    invitationError: text('invitation_error'),
    status: text('status', { enum: relationshipStatuses }).notNull(),
    message: text('message'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    updatedBy: text('updated_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('relationships_open_pair_by_email')
      .on(table.coachUserId, table.clientEmail)
      .where(sql`${table.status} in ('pending', 'active', 'paused')`),
    uniqueIndex('relationships_open_pair_by_user')
      .on(table.coachUserId, table.clientUserId)
      .where(
        sql`${table.status} in ('pending', 'active', 'paused') and ${table.clientUserId} is not null`,
      ),
    // The coach's list and the client's, newest first.
    index('relationships_coach_idx').on(
      table.coachUserId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index('relationships_client_idx').on(
      table.clientUserId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index('relationships_client_email_idx').on(table.clientEmail),
    index('relationships_invitation_idx').on(table.invitationId),
  ],
);

export type Relationship = typeof relationships.$inferSelect;
