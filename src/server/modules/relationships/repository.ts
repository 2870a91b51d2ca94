// The SQL of relationships. Lists are scoped by the party they are for (the coach's or the client's
// user id, or the client's email for invitations not accepted yet); reads of one relationship by its
// id are unscoped, and the service checks the caller against the row before showing it.
import { and, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  openRelationshipStatuses,
  type RelationshipStatus,
} from '../../../contract/relationships.ts';
import type { Database } from '../../db/client.ts';
import { containing } from '../../db/like.ts';
import { prepared } from '../../db/prepared.ts';
import { profiles } from '../profiles/schema.ts';
import { tenants } from '../tenants/schema.ts';
import { type Relationship, relationships } from './schema.ts';

export type NewRelationship = typeof relationships.$inferInsert;

const clientProfile = alias(profiles, 'client_profile');
const coachProfile = alias(profiles, 'coach_profile');

/** The status as people see it: a pending relationship past its expiry is expired. */
export const effectiveStatus = effectiveStatusOf(relationships);

const detailColumns = {
  relationship: relationships,
  status: effectiveStatus,
  client: {
    firstName: clientProfile.firstName,
    lastName: clientProfile.lastName,
    headline: clientProfile.headline,
  },
  coach: {
    firstName: coachProfile.firstName,
    lastName: coachProfile.lastName,
    headline: coachProfile.headline,
  },
  practice: { name: tenants.name, metadata: tenants.metadata },
};

type ProfileColumns = { firstName: string; lastName: string; headline: string | null };
/** A relationship with both parties' profiles and the coach's practice (null when missing). */
export type RelationshipDetail = {
  relationship: Relationship;
  status: RelationshipStatus;
  client: ProfileColumns | null;
  coach: ProfileColumns | null;
  practice: { name: string; metadata: Record<string, unknown> } | null;
};

function detailQuery(db: Database) {
  return db
    .select(detailColumns)
    .from(relationships)
    .leftJoin(clientProfile, eq(clientProfile.identityUserId, relationships.clientUserId))
    .leftJoin(coachProfile, eq(coachProfile.identityUserId, relationships.coachUserId))
    .leftJoin(tenants, eq(tenants.identityOrgId, relationships.coachOrgId));
}

export async function findRelationshipDetail(
  db: Database,
  id: string,
): Promise<RelationshipDetail | undefined> {
  const [row] = await detailQuery(db).where(eq(relationships.id, id));
  return row;
}

/** The row, locked for the rest of the transaction. */
export async function lockRelationship(
  tx: Database,
  id: string,
): Promise<Relationship | undefined> {
  const [row] = await tx.select().from(relationships).where(eq(relationships.id, id)).for('update');
  return row;
}

export async function findRelationship(
  db: Database,
  id: string,
): Promise<Relationship | undefined> {
  const [row] = await db.select().from(relationships).where(eq(relationships.id, id));
  return row;
}

/** Inserts unless an open relationship of the same pair is in the way (then `undefined`). */
export async function insertOpenRelationship(
  tx: Database,
  row: NewRelationship,
): Promise<Relationship | undefined> {
  const [inserted] = await tx.insert(relationships).values(row).onConflictDoNothing().returning();
  return inserted;
}

/** The open relationship of a coach with an email or a user, if any. */
export async function findOpenRelationshipOfPair(
  db: Database,
  coachUserId: string,
  client: { email: string; userId?: string | null },
): Promise<Relationship | undefined> {
  const [row] = await db
    .select()
    .from(relationships)
    .where(
      and(
        eq(relationships.coachUserId, coachUserId),
        inArray(relationships.status, [...openRelationshipStatuses]),
        client.userId
          ? or(
              eq(relationships.clientEmail, client.email),
              eq(relationships.clientUserId, client.userId),
            )
          : eq(relationships.clientEmail, client.email),
      ),
    )
    .limit(1);
  return row;
}

/**
 * Pending relationships of the pair past their expiry become `expired`, freeing the pair; answers
 * the ids of those it changed.
 */
export async function expireLapsedOfPair(
  tx: Database,
  coachUserId: string,
  clientEmail: string,
  now = new Date(),
): Promise<string[]> {
  const expired = await tx
    .update(relationships)
    .set({ status: 'expired', updatedAt: now })
    .where(
      and(
        eq(relationships.coachUserId, coachUserId),
        eq(relationships.clientEmail, clientEmail),
        eq(relationships.status, 'pending'),
        lt(relationships.expiresAt, now),
      ),
    )
    .returning({ id: relationships.id });
  return expired.map(({ id }) => id);
}

export async function updateRelationship(
  tx: Database,
  id: string,
  changes: Partial<NewRelationship>,
): Promise<Relationship | undefined> {
  const [row] = await tx
    .update(relationships)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(relationships.id, id))
    .returning();
  return row;
}

/** Records the provider's invitation on the relationship, once. */
export async function recordInvitationSent(
  db: Database,
  id: string,
  invitation: { id: string; expiresAt: Date },
): Promise<void> {
  await db
    .update(relationships)
    .set({ invitationId: invitation.id, expiresAt: invitation.expiresAt, invitationError: null })
    .where(and(eq(relationships.id, id), isNull(relationships.invitationId)));
}

export type PartyScope =
  | { side: 'coach'; userId: string }
  | { side: 'client'; userId: string; email: string };

export type ListFilter = {
  status?: RelationshipStatus | undefined;
  origin?: 'invitation' | 'request' | undefined;
  query?: string | undefined;
};

const page = alias(relationships, 'page');
type RelationshipsTable = typeof relationships | typeof page;

/** The status as people see it, of any alias of the table. */
function effectiveStatusOf(table: RelationshipsTable) {
  return sql<RelationshipStatus>`case when ${table.status} = 'pending' and ${table.expiresAt} < now() then 'expired' else ${table.status} end`;
}

/**
 * The coach's side, or the client's: relationships they are in, and invitations addressed to their
 * email that nobody has accepted yet.
 */
function scopeOf(side: PartyScope['side'], table: RelationshipsTable): SQL {
  return side === 'coach'
    ? sql`${table.coachUserId} = ${sql.placeholder('userId')}`
    : sql`(${table.clientUserId} = ${sql.placeholder('userId')} or (${table.clientUserId} is null and ${table.clientEmail} = ${sql.placeholder('email')}))`;
}

/**
 * The other side's full name (and, for a coach, the client's email) contains the search; a part of
 * the first or the last name is a part of the full name too.
 */
function searchOf(side: PartyScope['side'], table: RelationshipsTable): SQL {
  const pattern = sql`${sql.placeholder('pattern')}::text`;
  const otherUser = side === 'coach' ? table.clientUserId : table.coachUserId;
  const email = side === 'coach' ? sql`${table.clientEmail} ilike ${pattern} or ` : sql``;
  return sql`(${email}exists (select 1 from ${profiles} where ${profiles.identityUserId} = ${otherUser} and (${profiles.firstName} || ' ' || ${profiles.lastName}) ilike ${pattern}))`;
}

/** The origin filter, a placeholder (null: either), for the list and its counts alike. */
function originOf(table: RelationshipsTable): SQL {
  return sql`(${sql.placeholder('origin')}::text is null or ${table.origin} = ${sql.placeholder('origin')}::text)`;
}

// The status and origin filters are placeholders (null: any); a search is another statement, so
// that the plain list never pays for it. Each is prepared once.
function listStatement(db: Database, side: PartyScope['side'], searched: boolean) {
  return prepared(db, `relationships-${side}-list-${searched}`, () => {
    const pageIds = db
      .select({ id: page.id })
      .from(page)
      .where(
        and(
          scopeOf(side, page),
          originOf(page),
          sql`(${sql.placeholder('status')}::text is null or ${effectiveStatusOf(page)} = ${sql.placeholder('status')}::text)`,
          searched ? searchOf(side, page) : undefined,
        ),
      )
      .orderBy(sql`${page.createdAt} desc`, sql`${page.id} desc`)
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'));
    // The page is chosen on the index first; only its rows are joined to profiles and practice.
    return detailQuery(db)
      .where(inArray(relationships.id, pageIds))
      .orderBy(sql`${relationships.createdAt} desc`, sql`${relationships.id} desc`)
      .prepare(`arete_relationships_${side}_list_${searched ? 'searched' : 'plain'}`);
  });
}

function countStatement(db: Database, side: PartyScope['side'], searched: boolean) {
  return prepared(db, `relationships-${side}-counts-${searched}`, () =>
    db
      .select({ status: effectiveStatus, count: sql<number>`count(*)::int` })
      .from(relationships)
      .where(
        and(
          scopeOf(side, relationships),
          originOf(relationships),
          searched ? searchOf(side, relationships) : undefined,
        ),
      )
      .groupBy(effectiveStatus)
      .prepare(`arete_relationships_${side}_counts_${searched ? 'searched' : 'plain'}`),
  );
}

/** One page of a party's relationships, newest first, and how many there are in each status. */
export async function listRelationshipsOf(
  db: Database,
  scope: PartyScope,
  filter: ListFilter,
  pageRequest: { limit: number; offset: number },
): Promise<{ rows: RelationshipDetail[]; counts: Partial<Record<RelationshipStatus, number>> }> {
  const searched = Boolean(filter.query);
  const values = {
    userId: scope.userId,
    origin: filter.origin ?? null,
    ...(scope.side === 'client' ? { email: scope.email } : {}),
    ...(filter.query ? { pattern: containing(filter.query) } : {}),
  };
  const [rows, counted] = await Promise.all([
    listStatement(db, scope.side, searched).execute({
      ...values,
      status: filter.status ?? null,
      ...pageRequest,
    }),
    countStatement(db, scope.side, searched).execute(values),
  ]);
  const counts: Partial<Record<RelationshipStatus, number>> = {};
  for (const { status, count } of counted) counts[status] = count;
  return { rows, counts };
}

/** Whether a coach's invitation to this email is pending (it vouches for the email at sign-up). */
export async function hasPendingInvitationFor(db: Database, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: relationships.id })
    .from(relationships)
    .where(
      and(
        eq(relationships.clientEmail, email),
        eq(relationships.origin, 'invitation'),
        eq(relationships.status, 'pending'),
        sql`(${relationships.expiresAt} is null or ${relationships.expiresAt} > now())`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Whether the two users coach one another, or did (a relationship that was ever accepted). */
export async function shareARelationship(
  db: Database,
  userId: string,
  otherUserId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: relationships.id })
    .from(relationships)
    .where(
      and(
        or(
          and(eq(relationships.coachUserId, userId), eq(relationships.clientUserId, otherUserId)),
          and(eq(relationships.coachUserId, otherUserId), eq(relationships.clientUserId, userId)),
        ),
        sql`${relationships.startedAt} is not null`,
      ),
    )
    .limit(1);
  return row !== undefined;
}
