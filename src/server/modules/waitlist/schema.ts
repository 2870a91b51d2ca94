import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const waitlistRoles = ['coach', 'client'] as const;
export const waitlistStatuses = ['pending', 'approved', 'rejected', 'joined'] as const;
export type WaitlistRole = (typeof waitlistRoles)[number];
export type WaitlistStatus = (typeof waitlistStatuses)[number];

/**
 * The registry of who asked to join and who may (seed 004's approved_users.json, in the database):
 * one row per normalised email. `waitlist_joined_at` is empty for an email an admin approved
 * before it ever joined the waitlist.
 */
export const waitlistEntries = pgTable(
  'waitlist_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name'),
    /** What the person wrote when joining. */
    note: text('note'),
    role: text('role', { enum: waitlistRoles }).notNull(),
    status: text('status', { enum: waitlistStatuses }).notNull().default('pending'),
    waitlistJoinedAt: timestamp('waitlist_joined_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: text('approved_by'),
    rejectedAt: timestamp('rejected_at', { withTimezone: true }),
    /** The admins' notes. */
    notes: text('notes'),
    /**
     * The sign-up invitation the provider created for this approval (by the `waitlist.invite` job);
     * set once, so approving twice sends one mail.
     */
    invitationId: text('invitation_id'),
    /** When the invitation was queued (it is on its way); cleared if it could not be sent at all. */
    invitedAt: timestamp('invited_at', { withTimezone: true }),
    joinedUserId: text('joined_user_id'),
    joinedAt: timestamp('joined_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('waitlist_entries_email_unique').on(table.email),
    index('waitlist_entries_status_role_idx').on(
      table.status,
      table.role,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index('waitlist_entries_status_idx').on(
      table.status,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    // Trigram indexes (pg_trgm, migration 0004) serve the admin search for part of an email or name.
    index('waitlist_entries_email_trgm_idx').using('gin', sql`${table.email} gin_trgm_ops`),
    index('waitlist_entries_name_trgm_idx').using('gin', sql`${table.name} gin_trgm_ops`),
    index('waitlist_entries_created_at_idx').on(
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
  ],
);

export type WaitlistEntry = typeof waitlistEntries.$inferSelect;
