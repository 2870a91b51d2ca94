import { sql } from 'drizzle-orm';
import { integer, jsonb, pgView, text, timestamp } from 'drizzle-orm/pg-core';
import type { IdentityEvent } from './events.ts';

/**
 * Identity events and their delivery, read-only: the events are jobs of kind `identity.event` in
 * the `jobs` table (see `event-store.ts`), keyed by the event's own id (Clerk: the `svix-id`). This
 * view shows them as events, for tests and for whoever looks into the database.
 */
export const identityEvents = pgView('identity_events', {
  id: text('id').notNull(),
  type: text('type').notNull(),
  event: jsonb('event').$type<IdentityEvent>().notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  attempts: integer('attempts').notNull(),
  deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  failedAt: timestamp('failed_at', { withTimezone: true }),
  lastError: text('last_error'),
}).as(
  sql`select key as id, payload->>'type' as type, payload as event, created_at as received_at, attempts, finished_at as delivered_at, failed_at, last_error from jobs where kind = 'identity.event'`,
);
