import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  type WaitlistEntry,
  type WaitlistRole,
  type WaitlistStatus,
  waitlistEntries,
} from './schema.ts';

export type NewEntry = typeof waitlistEntries.$inferInsert;

export type EntryFilter = {
  statuses?: WaitlistStatus[];
  role?: WaitlistRole;
  query?: string;
};

export type EntrySort = { by: 'joined' | 'email' | 'updated'; order: 'asc' | 'desc' };

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function whereOf(filter: EntryFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.statuses?.length) conditions.push(inArray(waitlistEntries.status, filter.statuses));
  if (filter.role) conditions.push(eq(waitlistEntries.role, filter.role));
  if (filter.query) {
    const pattern = `%${escapeLike(filter.query)}%`;
    conditions.push(
      or(ilike(waitlistEntries.email, pattern), ilike(waitlistEntries.name, pattern)),
    );
  }
  return and(...conditions);
}

const sortColumns = {
  joined: waitlistEntries.createdAt,
  email: waitlistEntries.email,
  updated: waitlistEntries.updatedAt,
};

/** The registry holds platform-wide data: only the admin endpoints and the sign-up rules read it. */
export async function listEntries(
  db: Database,
  filter: EntryFilter,
  sort: EntrySort,
  page: { limit: number; offset: number },
): Promise<{ data: WaitlistEntry[]; totalCount: number }> {
  const where = whereOf(filter);
  const direction = sort.order === 'asc' ? asc : desc;
  const [data, [total]] = await Promise.all([
    db
      .select()
      .from(waitlistEntries)
      .where(where)
      .orderBy(direction(sortColumns[sort.by]), direction(waitlistEntries.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ value: count() }).from(waitlistEntries).where(where),
  ]);
  return { data, totalCount: total?.value ?? 0 };
}

export async function countEntries(db: Database): Promise<number> {
  const [total] = await db.select({ value: count() }).from(waitlistEntries);
  return total?.value ?? 0;
}

export async function allEntries(db: Database, filter: EntryFilter): Promise<WaitlistEntry[]> {
  return db
    .select()
    .from(waitlistEntries)
    .where(whereOf(filter))
    .orderBy(asc(waitlistEntries.email));
}

/** Inserts unless the email is already there; returns the new row, or nothing for a known email. */
export async function insertIfNew(
  db: Database,
  entry: NewEntry,
): Promise<WaitlistEntry | undefined> {
  const [row] = await db
    .insert(waitlistEntries)
    .values(entry)
    .onConflictDoNothing({ target: waitlistEntries.email })
    .returning();
  return row;
}

export async function findByEmail(db: Database, email: string): Promise<WaitlistEntry | undefined> {
  const [row] = await db.select().from(waitlistEntries).where(eq(waitlistEntries.email, email));
  return row;
}

/** Locks the entry until the transaction ends, so that concurrent admin actions queue up. */
export async function lockEntry(
  tx: Database,
  target: { email: string } | { id: string },
): Promise<WaitlistEntry | undefined> {
  const where =
    'email' in target ? eq(waitlistEntries.email, target.email) : eq(waitlistEntries.id, target.id);
  const [row] = await tx.select().from(waitlistEntries).where(where).for('update');
  return row;
}

export async function updateEntry(
  tx: Database,
  id: string,
  change: Partial<NewEntry>,
): Promise<WaitlistEntry> {
  const [row] = await tx
    .update(waitlistEntries)
    .set({ ...change, updatedAt: new Date() })
    .where(eq(waitlistEntries.id, id))
    .returning();
  if (!row) throw new Error(`waitlist entry ${id} vanished inside its transaction`);
  return row;
}

export async function deleteEntry(tx: Database, id: string): Promise<void> {
  await tx.delete(waitlistEntries).where(eq(waitlistEntries.id, id));
}

/**
 * Claims the right to send the entry's invitation: exactly one caller gets the row back, however
 * many approve the same entry at once, so one invitation is sent.
 */
export async function claimInvitation(
  db: Database,
  id: string,
): Promise<WaitlistEntry | undefined> {
  const [row] = await db
    .update(waitlistEntries)
    .set({ invitedAt: sql`now()` })
    .where(
      and(
        eq(waitlistEntries.id, id),
        eq(waitlistEntries.status, 'approved'),
        isNull(waitlistEntries.invitedAt),
      ),
    )
    .returning();
  return row;
}

export async function recordInvitation(
  db: Database,
  id: string,
  invitationId: string | null,
): Promise<void> {
  await db
    .update(waitlistEntries)
    .set(invitationId ? { invitationId } : { invitedAt: null })
    .where(eq(waitlistEntries.id, id));
}

/** Marks an approved entry joined; returns it only for the first caller (events may repeat). */
export async function markJoined(
  db: Database,
  email: string,
  userId: string,
): Promise<WaitlistEntry | undefined> {
  const [row] = await db
    .update(waitlistEntries)
    .set({ status: 'joined', joinedUserId: userId, joinedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(waitlistEntries.email, email), eq(waitlistEntries.status, 'approved')))
    .returning();
  return row;
}

export async function replaceAllEntries(tx: Database, entries: NewEntry[]): Promise<void> {
  await tx.delete(waitlistEntries);
  const CHUNK = 500;
  for (let start = 0; start < entries.length; start += CHUNK) {
    await tx.insert(waitlistEntries).values(entries.slice(start, start + CHUNK));
  }
}
