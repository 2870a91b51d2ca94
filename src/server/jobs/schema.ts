import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The server's one durable job queue: every side effect that must survive a crash (identity events
 * for the domain's handlers, sign-up invitations, their revocation, …) is a row here, written in the
 * same transaction as the change that causes it, and run by the job runner (`runner.ts`) outside any
 * transaction, at least once.
 *
 * A job is waiting while `finished_at` and `failed_at` are empty; it is due once `run_at` has passed
 * and no runner holds a lease on it (`lease_until` empty or past). A runner that claims it counts an
 * attempt and leases it under a fresh `lease_token`; only the holder of that token may finish it, so a
 * runner whose lease ran out (a crash, a stall) can no longer overwrite what the one that took over
 * did. Finished and failed rows stay for a while (see the runner's retention) so that a `key` keeps
 * deduplicating: Clerk redelivers an event under the same `svix-id`, which must be handled once.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What to run: the name the handler was registered under, e.g. `identity.event`. */
    kind: text('kind').notNull(),
    /** Optional idempotency key, unique within the kind: enqueuing it again is a no-op. */
    key: text('key'),
    payload: jsonb('payload').$type<unknown>().notNull(),
    /** Claims so far, the one running included. */
    attempts: integer('attempts').notNull().default(0),
    /** Empty: the kind's own limit, as registered with the runner. */
    maxAttempts: integer('max_attempts'),
    /** Not before: when the job, or its next attempt, becomes due. */
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    leaseToken: uuid('lease_token'),
    lastError: text('last_error'),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('jobs_kind_key_unique').on(table.kind, table.key),
    // What the runners poll: the waiting jobs of a kind, oldest due first.
    index('jobs_waiting_idx')
      .on(table.kind, table.runAt)
      .where(sql`finished_at is null and failed_at is null`),
    // What retention prunes.
    index('jobs_finished_at_idx').on(table.finishedAt).where(sql`finished_at is not null`),
    index('jobs_failed_at_idx').on(table.failedAt).where(sql`failed_at is not null`),
  ],
);

export type JobRow = typeof jobs.$inferSelect;
