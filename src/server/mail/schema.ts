import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Mail kept instead of sent when no SMTP server is configured; admins read it at /admin/outbox. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('mail_outbox_created_at_idx').on(
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index('mail_outbox_to_idx').on(table.to),
    // The admin outbox filter matches part of an address (pg_trgm, migration 0004).
    index('mail_outbox_to_trgm_idx').using('gin', sql`${table.to} gin_trgm_ops`),
  ],
);

export type OutboxMail = typeof mailOutbox.$inferSelect;
