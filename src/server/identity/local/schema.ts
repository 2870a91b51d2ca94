import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { PublicMetadata } from '../port.ts';

export * from './schema.generated.ts';

/**
 * Sign-up invitations (Clerk's application invitations), which Better Auth does not have: the
 * metadata is copied onto the user who signs up with the invited email, once it is verified.
 */
export const appInvitations = pgTable(
  'auth_app_invitation',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    publicMetadata: jsonb('public_metadata').$type<PublicMetadata>().notNull().default({}),
    status: text('status', { enum: ['pending', 'accepted', 'revoked'] })
      .notNull()
      .default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedByUserId: text('accepted_by_user_id'),
  },
  (table) => [index('auth_app_invitation_email_idx').on(table.email, table.status)],
);
