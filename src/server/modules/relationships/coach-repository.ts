// The SQL of coaches as relationships see them: a coach's practice (from the mirrored memberships)
// and the directory of coaches whose practice is listed.
import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { containing } from '../../db/like.ts';
import { profiles } from '../profiles/schema.ts';
import { tenantMembers, tenants } from '../tenants/schema.ts';

export type Practice = { identityOrgId: string; name: string; metadata: Record<string, unknown> };

/**
 * The practice a coach invites into: their primary organization when it is a coach practice they
 * run, otherwise the oldest practice they run. A practice the coach only belongs to as a member
 * (another coach's, whose client they are) is never theirs to invite into.
 */
export async function findPracticeOfCoach(
  db: Database,
  coachUserId: string,
): Promise<Practice | undefined> {
  const [row] = await db
    .select({
      identityOrgId: tenants.identityOrgId,
      name: tenants.name,
      metadata: tenants.metadata,
    })
    .from(tenantMembers)
    .innerJoin(tenants, eq(tenants.identityOrgId, tenantMembers.identityOrgId))
    .leftJoin(profiles, eq(profiles.identityUserId, tenantMembers.identityUserId))
    .where(
      and(
        eq(tenantMembers.identityUserId, coachUserId),
        eq(tenantMembers.role, 'admin'),
        eq(tenants.kind, 'coach_practice'),
        isNull(tenants.deletedAt),
      ),
    )
    .orderBy(
      sql`${tenants.identityOrgId} is not distinct from ${profiles.primaryOrganizationId} desc`,
      asc(tenants.createdAt),
    )
    .limit(1);
  return row?.identityOrgId ? { ...row, identityOrgId: row.identityOrgId } : undefined;
}

const listedPractice = and(
  eq(tenants.kind, 'coach_practice'),
  isNull(tenants.deletedAt),
  sql`${tenants.metadata}->'listed' = 'true'::jsonb`,
);

function directoryQuery(db: Database, where: SQL | undefined) {
  return (
    db
      .select({
        identityUserId: profiles.identityUserId,
        firstName: profiles.firstName,
        lastName: profiles.lastName,
        headline: profiles.headline,
        bio: profiles.bio,
        practiceOrgId: profiles.primaryOrganizationId,
        practiceName: tenants.name,
        practiceMetadata: tenants.metadata,
      })
      .from(profiles)
      .innerJoin(tenants, eq(tenants.identityOrgId, profiles.primaryOrganizationId))
      // The coaches who run the practice: its clients are members of it too (and a client who
      // joined it at onboarding even has it as their primary organization).
      .innerJoin(
        tenantMembers,
        and(
          eq(tenantMembers.identityOrgId, tenants.identityOrgId),
          eq(tenantMembers.identityUserId, profiles.identityUserId),
          eq(tenantMembers.role, 'admin'),
        ),
      )
      .where(and(listedPractice, where))
  );
}

export type ListedCoachRow = Awaited<ReturnType<typeof directoryQuery>>[number];

/** Coaches whose primary organization is a listed practice they run, by name. */
export async function listListedCoaches(
  db: Database,
  filter: { specialty?: string; query?: string },
  page: { limit: number; offset: number },
): Promise<{ rows: ListedCoachRow[]; totalCount: number }> {
  const conditions: SQL[] = [];
  if (filter.specialty)
    conditions.push(
      sql`exists (select 1 from jsonb_array_elements_text(${tenants.metadata}->'specialties') as specialty where specialty ilike ${containing(filter.specialty)})`,
    );
  if (filter.query) {
    const pattern = containing(filter.query);
    conditions.push(
      sql`(${profiles.firstName} || ' ' || ${profiles.lastName} ilike ${pattern} or ${profiles.headline} ilike ${pattern} or ${tenants.name} ilike ${pattern})`,
    );
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    directoryQuery(db, where)
      .orderBy(asc(profiles.lastName), asc(profiles.firstName), asc(profiles.identityUserId))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ count: sql<number>`count(*)::int` }).from(directoryQuery(db, where).as('listed')),
  ]);
  return { rows, totalCount: total?.count ?? 0 };
}

/** One listed coach, or `undefined` when the user is not one. */
export async function findListedCoach(
  db: Database,
  userId: string,
): Promise<ListedCoachRow | undefined> {
  const [row] = await directoryQuery(db, eq(profiles.identityUserId, userId));
  return row;
}
