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
import { containing } from '../../db/like.ts';
import { prepared } from '../../db/prepared.ts';
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

function whereOf(filter: EntryFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.statuses?.length) conditions.push(inArray(waitlistEntries.status, filter.statuses));
  if (filter.role) conditions.push(eq(waitlistEntries.role, filter.role));
  if (filter.query) {
    const pattern = containing(filter.query);
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

/** What a listed entry shows (`toView`): the list selects these columns, no more. */
export const listedColumns = {
  id: waitlistEntries.id,
  email: waitlistEntries.email,
  name: waitlistEntries.name,
  note: waitlistEntries.note,
  role: waitlistEntries.role,
  status: waitlistEntries.status,
  waitlistJoinedAt: waitlistEntries.waitlistJoinedAt,
  approvedAt: waitlistEntries.approvedAt,
  approvedBy: waitlistEntries.approvedBy,
  rejectedAt: waitlistEntries.rejectedAt,
  notes: waitlistEntries.notes,
  invitedAt: waitlistEntries.invitedAt,
  joinedAt: waitlistEntries.joinedAt,
  createdAt: waitlistEntries.createdAt,
  updatedAt: waitlistEntries.updatedAt,
};
export type ListedEntry = Pick<WaitlistEntry, keyof typeof listedColumns>;

/** `whereOf` with placeholders: one prepared statement per shape of filter, values bound later. */
function placeholderWhere(filter: EntryFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  const statuses = filter.statuses ?? [];
  if (statuses.length === 1) conditions.push(eq(waitlistEntries.status, sql.placeholder('s0')));
  else if (statuses.length > 1)
    conditions.push(
      inArray(
        waitlistEntries.status,
        statuses.map((_, index) => sql.placeholder(`s${index}`)),
      ),
    );
  if (filter.role) conditions.push(eq(waitlistEntries.role, sql.placeholder('role')));
  if (filter.query) {
    const pattern = sql.placeholder('pattern');
    conditions.push(
      or(ilike(waitlistEntries.email, pattern), ilike(waitlistEntries.name, pattern)),
    );
  }
  return and(...conditions);
}

function filterValues(filter: EntryFilter): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  filter.statuses?.forEach((status, index) => {
    values[`s${index}`] = status;
  });
  if (filter.role) values.role = filter.role;
  if (filter.query) values.pattern = containing(filter.query);
  return values;
}

/** The registry holds platform-wide data: only the admin endpoints and the sign-up rules read it. */
export async function listEntries(
  db: Database,
  filter: EntryFilter,
  sort: EntrySort,
  page: { limit: number; offset: number },
): Promise<{ data: ListedEntry[]; totalCount: number }> {
  const shape = `${filter.statuses?.length ?? 0}${filter.role ? 'r' : ''}${filter.query ? 'q' : ''}`;
  const direction = sort.order === 'asc' ? asc : desc;
  const pageQuery = prepared(db, `page-${shape}-${sort.by}-${sort.order}`, () =>
    db
      .select(listedColumns)
      .from(waitlistEntries)
      .where(placeholderWhere(filter))
      .orderBy(direction(sortColumns[sort.by]), direction(waitlistEntries.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(`arete_waitlist_page_${shape}_${sort.by}_${sort.order}`),
  );
  const countQuery = prepared(db, `count-${shape}`, () =>
    db
      .select({ value: count() })
      .from(waitlistEntries)
      .where(placeholderWhere(filter))
      .prepare(`arete_waitlist_count_${shape}`),
  );
  const values = filterValues(filter);
  const [data, [total]] = await Promise.all([
    pageQuery.execute({ ...values, limit: page.limit, offset: page.offset }),
    countQuery.execute(values),
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

export type JoinRequest = { email: string; role: WaitlistRole; name?: string; note?: string };

const joinValues = (request: JoinRequest) => ({
  email: request.email,
  role: request.role,
  name: request.name ?? null,
  note: request.note ?? null,
  // A Date: the column's own encoding applies to a placeholder in `values`.
  joinedAt: new Date(),
});

function joinInsert(db: Database) {
  return db
    .insert(waitlistEntries)
    .values({
      email: sql.placeholder('email'),
      role: sql.placeholder('role'),
      name: sql.placeholder('name'),
      note: sql.placeholder('note'),
      status: 'pending',
      waitlistJoinedAt: sql.placeholder('joinedAt'),
    })
    .onConflictDoNothing({ target: waitlistEntries.email });
}

/**
 * The public join: a pending entry unless the email is already there, whatever it holds. One
 * prepared statement returning nothing, since the answer is the same either way.
 */
export async function insertJoinRequest(db: Database, request: JoinRequest): Promise<void> {
  const statement = prepared(db, 'join', () => joinInsert(db).prepare('arete_waitlist_join'));
  await statement.execute(joinValues(request));
}

/** `insertJoinRequest` in a transaction; says whether the entry is new (Clerk mirrors new ones). */
export async function insertJoinRequestIn(tx: Database, request: JoinRequest): Promise<boolean> {
  const rows = await joinInsert(tx)
    .returning({ id: waitlistEntries.id })
    .execute(joinValues(request));
  return rows.length > 0;
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
