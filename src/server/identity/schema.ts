import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { IdentityEvent } from './events.ts';

/**
 * Identity events waiting for, or done with, delivery to the domain's handlers: the local
 * provider's outbox and Clerk's webhook inbox in one. The id is the event's own (Clerk: the
 * `svix-id`), so a redelivered event is stored, and handled, once.
 */
export const identityEvents = pgTable(
  'identity_events',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    event: jsonb('event').$type<IdentityEvent>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (table) => [
    index('identity_events_undelivered_idx')
      .on(table.nextAttemptAt)
      .where(sql`delivered_at is null`),
  ],
);
