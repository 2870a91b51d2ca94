import { jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ClientData, CoachData } from '../../../contract/profiles.ts';

/**
 * One profile per user, keyed by the identity provider's user id (seed 002 step 3: never a local
 * user id). `primary_organization_id` is a provider organization id.
 */
export const profiles = pgTable(
  'profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    identityUserId: text('identity_user_id').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    headline: text('headline'),
    bio: text('bio'),
    timezone: text('timezone'),
    coachData: jsonb('coach_data').$type<CoachData>(),
    clientData: jsonb('client_data').$type<ClientData>(),
    primaryOrganizationId: text('primary_organization_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('profiles_identity_user_id_unique').on(table.identityUserId)],
);

export type Profile = typeof profiles.$inferSelect;
