import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import type { IdentityEvent } from './events.ts';
import { identityEvents } from './schema.ts';

/** Stores an event for delivery; a second store of the same id is ignored. True if it was new. */
export async function storeIdentityEvent(db: Database, event: IdentityEvent): Promise<boolean> {
  const inserted = await db
    .insert(identityEvents)
    .values({ id: event.id, type: event.type, event })
    .onConflictDoNothing({ target: identityEvents.id })
    .returning({ id: identityEvents.id });
  return inserted.length > 0;
}

/**
 * Takes the oldest events that are due, pushing their next attempt out by `leaseMs` so that another
 * server polling at the same moment skips them (and so that a crash mid-delivery retries them).
 */
export async function claimDueEvents(
  db: Database,
  limit: number,
  leaseMs: number,
): Promise<IdentityEvent[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: identityEvents.id, event: identityEvents.event })
      .from(identityEvents)
      .where(and(isNull(identityEvents.deliveredAt), lte(identityEvents.nextAttemptAt, sql`now()`)))
      .orderBy(asc(identityEvents.receivedAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    for (const { id } of due) {
      await tx
        .update(identityEvents)
        .set({
          attempts: sql`${identityEvents.attempts} + 1`,
          nextAttemptAt: sql`now() + ${`${leaseMs} milliseconds`}::interval`,
        })
        .where(eq(identityEvents.id, id));
    }
    return due.map((row) => row.event);
  });
}

export async function markEventDelivered(db: Database, id: string): Promise<void> {
  await db
    .update(identityEvents)
    .set({ deliveredAt: sql`now()`, lastError: null })
    .where(eq(identityEvents.id, id));
}

export async function markEventFailed(
  db: Database,
  id: string,
  error: string,
  retryInMs: number,
): Promise<void> {
  await db
    .update(identityEvents)
    .set({ lastError: error, nextAttemptAt: sql`now() + ${`${retryInMs} milliseconds`}::interval` })
    .where(eq(identityEvents.id, id));
}

export async function attemptsOf(db: Database, id: string): Promise<number> {
  const [row] = await db
    .select({ attempts: identityEvents.attempts })
    .from(identityEvents)
    .where(eq(identityEvents.id, id));
  return row?.attempts ?? 0;
}
