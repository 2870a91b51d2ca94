// The SQL of coaching-interest submissions. The member's reads are scoped by their user id; the
// admins' list and reads are unscoped (the routes allow admins only).
import { and, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import {
  type CoachingInterestStatus,
  openCoachingInterestStatuses,
} from '../../../contract/coaching-interest.ts';
import type { Database } from '../../db/client.ts';
import { containing } from '../../db/like.ts';
import { type CoachingInterest, coachingInterests } from './schema.ts';

export type NewCoachingInterest = typeof coachingInterests.$inferInsert;

/** Inserts unless the member has an open submission already (then `undefined`). */
export async function insertSubmission(
  db: Database,
  row: NewCoachingInterest,
): Promise<CoachingInterest | undefined> {
  const [inserted] = await db
    .insert(coachingInterests)
    .values(row)
    .onConflictDoNothing()
    .returning();
  return inserted;
}

export async function findOpenSubmissionOf(
  db: Database,
  memberUserId: string,
): Promise<CoachingInterest | undefined> {
  const [row] = await db
    .select()
    .from(coachingInterests)
    .where(
      and(
        eq(coachingInterests.memberUserId, memberUserId),
        inArray(coachingInterests.status, [...openCoachingInterestStatuses]),
      ),
    );
  return row;
}

export async function findSubmission(
  db: Database,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CoachingInterest | undefined> {
  const query = db.select().from(coachingInterests).where(eq(coachingInterests.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function updateSubmission(
  db: Database,
  id: string,
  changes: Partial<NewCoachingInterest>,
): Promise<CoachingInterest | undefined> {
  const [row] = await db
    .update(coachingInterests)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(coachingInterests.id, id))
    .returning();
  return row;
}

export async function listSubmissions(
  db: Database,
  filter: { status?: CoachingInterestStatus | undefined; query?: string | undefined },
  page: { limit: number; offset: number },
): Promise<{ rows: CoachingInterest[]; totalCount: number }> {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(coachingInterests.status, filter.status));
  if (filter.query) {
    const pattern = containing(filter.query);
    conditions.push(
      or(
        ilike(coachingInterests.memberEmail, pattern),
        ilike(coachingInterests.memberName, pattern),
        ilike(coachingInterests.goals, pattern),
      ) as SQL,
    );
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(coachingInterests)
      .where(where)
      .orderBy(desc(coachingInterests.createdAt), sql`${coachingInterests.id} desc`)
      .limit(page.limit)
      .offset(page.offset),
    db.select({ count: count() }).from(coachingInterests).where(where),
  ]);
  return { rows, totalCount: total?.count ?? 0 };
}
