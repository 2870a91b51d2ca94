import {
  and,
  asc,
  count,
  desc,
  eq,
  ilike,
  inArray,
  isNotNull,
  isNull,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
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

export async function findById(db: Database, id: string): Promise<WaitlistEntry | undefined> {
  const [row] = await db.select().from(waitlistEntries).where(eq(waitlistEntries.id, id));
  return row;
}

/** Notes that the entries' invitations are queued (`invited_at`), in the transaction that queues them. */
export async function markInvitationsQueued(tx: Database, ids: string[]): Promise<void> {
  for (let start = 0; start < ids.length; start += 500) {
    await tx
      .update(waitlistEntries)
      .set({ invitedAt: sql`now()` })
      .where(inArray(waitlistEntries.id, ids.slice(start, start + 500)));
  }
}

/**
 * Records the invitation the provider created for an entry, only if the entry is still that email,
 * approved, and without one: returns false otherwise (the approval was withdrawn, or another run
 * recorded one first), and the caller revokes the invitation it holds.
 */
export async function recordInvitation(
  db: Database,
  entry: { id: string; email: string },
  invitationId: string,
): Promise<boolean> {
  const rows = await db
    .update(waitlistEntries)
    .set({ invitationId, invitedAt: sql`coalesce(${waitlistEntries.invitedAt}, now())` })
    .where(
      and(
        eq(waitlistEntries.id, entry.id),
        eq(waitlistEntries.email, entry.email),
        eq(waitlistEntries.status, 'approved'),
        isNull(waitlistEntries.invitationId),
      ),
    )
    .returning({ id: waitlistEntries.id });
  return rows.length > 0;
}

/** The invitation could not be sent at all: the entry no longer says one is on its way. */
export async function clearQueuedInvitation(db: Database, id: string): Promise<void> {
  await db
    .update(waitlistEntries)
    .set({ invitedAt: null })
    .where(and(eq(waitlistEntries.id, id), isNull(waitlistEntries.invitationId)));
}

/**
 * The entries that hold an invitation not used yet (approved, with an invitation id), locked until
 * the transaction ends: what a restore may have to withdraw.
 */
export async function lockOpenInvitations(
  tx: Database,
): Promise<{ id: string; email: string; invitationId: string; invitedAt: Date | null }[]> {
  const rows = await tx
    .select({
      id: waitlistEntries.id,
      email: waitlistEntries.email,
      invitationId: waitlistEntries.invitationId,
      invitedAt: waitlistEntries.invitedAt,
    })
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.status, 'approved'), isNotNull(waitlistEntries.invitationId)))
    .for('update');
  return rows.flatMap((row) =>
    row.invitationId ? [{ ...row, invitationId: row.invitationId }] : [],
  );
}

/** Points an entry at an invitation (a restore keeps the live one of an email still approved). */
export async function setInvitation(
  tx: Database,
  email: string,
  invitation: { invitationId: string; invitedAt: Date | null },
): Promise<void> {
  await tx
    .update(waitlistEntries)
    .set({ invitationId: invitation.invitationId, invitedAt: invitation.invitedAt })
    .where(eq(waitlistEntries.email, email));
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
