// The SQL of the tenants module. Reads of a user's tenants take the user id as scope; the few
// unscoped reads (`unsafe…`) serve the sync from the provider, the invitee's page and the CLI.
import { and, asc, eq, inArray, isNull, ne, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { DEADLOCK_DETECTED, postgresErrorCode, UNIQUE_VIOLATION } from '../../db/errors.ts';
import { prepared } from '../../db/prepared.ts';
import { type Tenant, type TenantKind, tenantMembers, tenants } from './schema.ts';

const LINK_ATTEMPTS = 3;

export type MirroredTenant = {
  identityOrgId: string;
  name: string;
  slug: string;
  kind: TenantKind;
  metadata: Record<string, unknown>;
  /** Set when the provider no longer has the organization. */
  deletedAt?: Date | null;
};

export type MemberRole = 'admin' | 'member';
export type TenantWithRole = Tenant & { role: MemberRole };

/**
 * Inserts or refreshes tenants from what the provider says, in one statement. A deletion is final:
 * a tenant once marked deleted stays deleted whatever an older copy says.
 */
export async function upsertTenants(db: Database, rows: MirroredTenant[], now = new Date()) {
  if (rows.length === 0) return;
  // One order for every writer, so that two syncs never wait on each other's rows in a cycle.
  const sorted = [...rows].sort((a, b) => a.identityOrgId.localeCompare(b.identityOrgId));
  await db
    .insert(tenants)
    .values(
      sorted.map((row) => ({
        identityOrgId: row.identityOrgId,
        name: row.name,
        slug: row.slug,
        kind: row.kind,
        metadata: row.metadata,
        createdAt: now,
        updatedAt: now,
        syncedAt: now,
        deletedAt: row.deletedAt ?? null,
      })),
    )
    .onConflictDoUpdate({
      target: tenants.identityOrgId,
      set: {
        name: sql`excluded.name`,
        slug: sql`excluded.slug`,
        kind: sql`excluded.kind`,
        metadata: sql`excluded.metadata`,
        updatedAt: sql`excluded.updated_at`,
        syncedAt: sql`excluded.synced_at`,
        deletedAt: sql`coalesce(${tenants.deletedAt}, excluded.deleted_at)`,
      },
    });
}

export async function markTenantDeleted(db: Database, identityOrgId: string, now = new Date()) {
  await db
    .update(tenants)
    .set({ deletedAt: now, updatedAt: now })
    .where(and(eq(tenants.identityOrgId, identityOrgId), isNull(tenants.deletedAt)));
}

/** Makes the user's mirrored memberships exactly `memberships` (the provider's list). */
export async function replaceUserMemberships(
  tx: Database,
  userId: string,
  memberships: { identityOrgId: string; role: MemberRole }[],
  now = new Date(),
) {
  const orgIds = memberships.map((membership) => membership.identityOrgId);
  await tx
    .delete(tenantMembers)
    .where(
      orgIds.length > 0
        ? and(
            eq(tenantMembers.identityUserId, userId),
            notInArray(tenantMembers.identityOrgId, orgIds),
          )
        : eq(tenantMembers.identityUserId, userId),
    );
  if (memberships.length === 0) return;
  const sorted = [...memberships].sort((a, b) => a.identityOrgId.localeCompare(b.identityOrgId));
  await tx
    .insert(tenantMembers)
    .values(
      sorted.map((membership) => ({
        identityOrgId: membership.identityOrgId,
        identityUserId: userId,
        role: membership.role,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoUpdate({
      target: [tenantMembers.identityOrgId, tenantMembers.identityUserId],
      set: { role: sql`excluded.role`, updatedAt: sql`excluded.updated_at` },
      // Unchanged rows are not rewritten.
      setWhere: sql`${tenantMembers.role} <> excluded.role`,
    });
}

export async function upsertMembership(
  tx: Database,
  membership: { identityOrgId: string; userId: string; role: MemberRole },
  now = new Date(),
) {
  await tx
    .insert(tenantMembers)
    .values({
      identityOrgId: membership.identityOrgId,
      identityUserId: membership.userId,
      role: membership.role,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [tenantMembers.identityOrgId, tenantMembers.identityUserId],
      set: { role: membership.role, updatedAt: now },
    });
}

export async function deleteMembershipsOfUser(db: Database, userId: string) {
  await db.delete(tenantMembers).where(eq(tenantMembers.identityUserId, userId));
}

const withRole = { tenant: tenants, role: tenantMembers.role };

function toTenantWithRole(row: { tenant: Tenant; role: MemberRole }): TenantWithRole {
  return { ...row.tenant, role: row.role };
}

/** The user's tenants (not deleted), from the mirror alone: the hot list, a prepared statement. */
export async function listTenantsOfUser(db: Database, userId: string): Promise<TenantWithRole[]> {
  const statement = prepared(db, 'tenants-of-user', () =>
    db
      .select(withRole)
      .from(tenantMembers)
      .innerJoin(tenants, eq(tenants.identityOrgId, tenantMembers.identityOrgId))
      .where(
        and(eq(tenantMembers.identityUserId, sql.placeholder('userId')), isNull(tenants.deletedAt)),
      )
      .orderBy(asc(tenants.name), asc(tenants.id))
      .prepare('arete_tenants_of_user'),
  );
  return (await statement.execute({ userId })).map(toTenantWithRole);
}

/** The tenant if the user is a member (as last synced); otherwise nothing. */
export async function findTenantOfMember(
  db: Database,
  identityOrgId: string,
  userId: string,
): Promise<TenantWithRole | undefined> {
  const statement = prepared(db, 'tenant-of-member', () =>
    db
      .select(withRole)
      .from(tenantMembers)
      .innerJoin(tenants, eq(tenants.identityOrgId, tenantMembers.identityOrgId))
      .where(
        and(
          eq(tenantMembers.identityOrgId, sql.placeholder('orgId')),
          eq(tenantMembers.identityUserId, sql.placeholder('userId')),
          isNull(tenants.deletedAt),
        ),
      )
      .prepare('arete_tenant_of_member'),
  );
  const [row] = await statement.execute({ orgId: identityOrgId, userId });
  return row ? toTenantWithRole(row) : undefined;
}

/** Unscoped: for the sync, and for an invitee whose invitation was checked first. */
export async function unsafeFindTenantsByOrgIds(
  db: Database,
  identityOrgIds: string[],
): Promise<Tenant[]> {
  if (identityOrgIds.length === 0) return [];
  return db.select().from(tenants).where(inArray(tenants.identityOrgId, identityOrgIds));
}

/** Unscoped: who is mirrored as a member of an organization (to re-sync them when it goes). */
export async function unsafeMemberIdsOfOrganization(
  db: Database,
  identityOrgId: string,
): Promise<string[]> {
  const rows = await db
    .select({ userId: tenantMembers.identityUserId })
    .from(tenantMembers)
    .where(eq(tenantMembers.identityOrgId, identityOrgId));
  return rows.map((row) => row.userId);
}

/** Unscoped, for the link-legacy CLI: tenants that no provider organization backs yet. */
export async function unsafeListUnlinkedTenants(db: Database): Promise<Tenant[]> {
  return db
    .select()
    .from(tenants)
    .where(and(isNull(tenants.identityOrgId), isNull(tenants.deletedAt)))
    .orderBy(asc(tenants.createdAt), asc(tenants.id));
}

/**
 * Links a legacy tenant to a provider organization; false when it was linked meanwhile (another
 * run). `replaceMirror`: the organization was just made for this tenant, so a row the event sync
 * mirrored for it meanwhile is that same organization's copy and gives way.
 */
export async function linkTenant(
  db: Database,
  input: { tenantId: string; identityOrgId: string; replaceMirror: boolean },
  now = new Date(),
): Promise<boolean> {
  // The event sync may mirror a just-created organization while this runs (its upsert does not
  // wait for the delete): the update then meets that row, or the two wait on each other and
  // PostgreSQL ends one; a second try deletes the row the sync wrote.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction(async (tx) => {
        if (input.replaceMirror)
          await tx
            .delete(tenants)
            .where(
              and(eq(tenants.identityOrgId, input.identityOrgId), ne(tenants.id, input.tenantId)),
            );
        const linked = await tx
          .update(tenants)
          .set({ identityOrgId: input.identityOrgId, syncedAt: now, updatedAt: now })
          .where(and(eq(tenants.id, input.tenantId), isNull(tenants.identityOrgId)))
          .returning({ id: tenants.id });
        return linked.length > 0;
      });
    } catch (error) {
      const code = postgresErrorCode(error);
      const mirroredMeanwhile = code === UNIQUE_VIOLATION || code === DEADLOCK_DETECTED;
      if (!input.replaceMirror || !mirroredMeanwhile || attempt >= LINK_ATTEMPTS) throw error;
    }
  }
}
