// Keeps tenants, the membership mirror and each user's `publicMetadata.organization_roles` in step
// with the identity provider. Events arrive at least once and in any order, so a handler never
// trusts the event's copy of the state: it re-reads the provider (the truth now) and writes that,
// which makes every handler idempotent and the final state independent of the order.
import type { FastifyBaseLogger } from 'fastify';
import { tenantKindSchema } from '../../../contract/tenants.ts';
import type { Database } from '../../db/client.ts';
import type { IdentityEventBus } from '../../identity/event-bus.ts';
import {
  type IdentityOrganization,
  type IdentityProvider,
  IdentityProviderError,
  type OrganizationMembership,
} from '../../identity/port.ts';
import {
  deleteMembershipsOfUser,
  listTenantsOfUser,
  type MirroredTenant,
  markTenantDeleted,
  replaceUserMemberships,
  type TenantWithRole,
  unsafeMemberIdsOfOrganization,
  upsertTenants,
} from './repository.ts';
import type { TenantKind } from './schema.ts';

export type TenantsDeps = {
  db: Database;
  identity: IdentityProvider;
  log: FastifyBaseLogger;
};

/**
 * The kind an organization's metadata names. One made outside the platform (Clerk's dashboard)
 * names none: it is mirrored as a client company, the kind with the fewest promises.
 */
export function kindOf(metadata: Record<string, unknown>): TenantKind {
  const parsed = tenantKindSchema.safeParse(metadata.kind);
  return parsed.success ? parsed.data : 'client_company';
}

export function mirrorOf(organization: IdentityOrganization): MirroredTenant {
  return {
    identityOrgId: organization.id,
    name: organization.name,
    slug: organization.slug,
    kind: kindOf(organization.publicMetadata),
    metadata: organization.publicMetadata,
  };
}

/** The user's memberships per the provider; a user the provider no longer knows has none. */
async function providerMemberships(
  identity: IdentityProvider,
  userId: string,
): Promise<OrganizationMembership[]> {
  try {
    return await identity.organizations.listMemberships(userId);
  } catch (error) {
    if (error instanceof IdentityProviderError && error.status === 404) return [];
    throw error;
  }
}

/** JSON with object keys sorted: PostgreSQL's jsonb keeps its own key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}

/** A mirror confirmed this recently and still equal to the provider's answer is not rewritten. */
const RECONFIRM_AFTER_MS = 5 * 60_000;

/** Whether the mirror already says exactly what the provider does (then nothing is written). */
function mirrorMatches(mirrored: TenantWithRole[], memberships: OrganizationMembership[]) {
  if (mirrored.length !== memberships.length) return false;
  const byOrg = new Map(mirrored.map((tenant) => [tenant.identityOrgId, tenant]));
  const staleBefore = Date.now() - RECONFIRM_AFTER_MS;
  return memberships.every(({ organization, role }) => {
    const tenant = byOrg.get(organization.id);
    const copy = mirrorOf(organization);
    return (
      tenant !== undefined &&
      tenant.role === role &&
      tenant.name === copy.name &&
      tenant.slug === copy.slug &&
      tenant.kind === copy.kind &&
      (tenant.syncedAt?.getTime() ?? 0) > staleBefore &&
      canonicalJson(tenant.metadata) === canonicalJson(copy.metadata)
    );
  });
}

/**
 * Writes the memberships the provider gave (and their organizations) into the mirror, unless it
 * already says the same: a list synced on every page view then costs reads only. Answers the
 * user's tenants as mirrored now.
 */
export async function applyMemberships(
  deps: TenantsDeps,
  userId: string,
  memberships: OrganizationMembership[],
  /** The user's tenants as mirrored now, when the caller read them already. */
  mirroredNow?: TenantWithRole[],
): Promise<TenantWithRole[]> {
  let mirrored = mirroredNow ?? (await listTenantsOfUser(deps.db, userId));
  if (!mirrorMatches(mirrored, memberships)) {
    await deps.db.transaction(async (tx) => {
      await upsertTenants(
        tx,
        memberships.map((membership) => mirrorOf(membership.organization)),
      );
      await replaceUserMemberships(
        tx,
        userId,
        memberships.map((membership) => ({
          identityOrgId: membership.organization.id,
          role: membership.role,
        })),
      );
    });
    mirrored = await listTenantsOfUser(deps.db, userId);
  }
  await syncOrganizationRoles(deps, userId, memberships);
  return mirrored;
}

/** Both providers name organizations `org_…`; other keys are legacy tenant ids (seed 002). */
const PROVIDER_ORGANIZATION_ID = /^org_/;

/**
 * Brings `publicMetadata.organization_roles` (org id → role, seed 002) in line with the user's
 * memberships; writes only what differs, so a second sync changes nothing. A key that is not a
 * provider organization id (a legacy tenant id migrated from the old users collection) is left
 * alone; deciding that from the id alone keeps the result independent of what is mirrored yet.
 */
export async function syncOrganizationRoles(
  deps: TenantsDeps,
  userId: string,
  memberships: OrganizationMembership[],
): Promise<void> {
  const user = await deps.identity.users.get(userId);
  if (!user) return;
  const current = user.publicMetadata.organization_roles ?? {};
  const wanted = new Map(memberships.map((m) => [m.organization.id, m.role as string]));
  const patch: Record<string, string | null> = {};
  for (const [orgId, role] of wanted) if (current[orgId] !== role) patch[orgId] = role;
  for (const orgId of Object.keys(current))
    if (!wanted.has(orgId) && PROVIDER_ORGANIZATION_ID.test(orgId)) patch[orgId] = null;
  if (Object.keys(patch).length === 0) return;
  await deps.identity.users.updatePublicMetadata(userId, { organization_roles: patch });
}

/** Re-reads the user's memberships from the provider and mirrors them; answers the mirror. */
export async function syncUserMemberships(
  deps: TenantsDeps,
  userId: string,
): Promise<TenantWithRole[]> {
  // Both reads at once: the provider's answer and what the mirror holds to compare it with.
  const [memberships, mirrored] = await Promise.all([
    providerMemberships(deps.identity, userId),
    listTenantsOfUser(deps.db, userId),
  ]);
  return applyMemberships(deps, userId, memberships, mirrored);
}

/**
 * Mirrors the organization as the provider has it now. When the provider no longer has it, the
 * event's copy is kept as a deleted tenant, so that "created" arriving after "deleted" ends where
 * the opposite order does.
 */
export async function syncOrganization(
  deps: TenantsDeps,
  organizationId: string,
  eventCopy?: IdentityOrganization,
): Promise<void> {
  const current = await deps.identity.organizations.get(organizationId);
  if (current) await upsertTenants(deps.db, [mirrorOf(current)]);
  else if (eventCopy)
    await upsertTenants(deps.db, [{ ...mirrorOf(eventCopy), deletedAt: new Date() }]);
  else await markTenantDeleted(deps.db, organizationId);
}

async function organizationDeleted(deps: TenantsDeps, organizationId: string): Promise<void> {
  await markTenantDeleted(deps.db, organizationId);
  // Its members lose the membership (Clerk may not send one event per member).
  for (const userId of await unsafeMemberIdsOfOrganization(deps.db, organizationId)) {
    await syncUserMemberships(deps, userId);
  }
}

export function registerTenantSync(events: IdentityEventBus, deps: TenantsDeps): void {
  const onOrganization = async ({ data }: { data: { organization: IdentityOrganization } }) =>
    syncOrganization(deps, data.organization.id, data.organization);
  events.on('organization.created', onOrganization);
  events.on('organization.updated', onOrganization);
  events.on('organization.deleted', ({ data }) => organizationDeleted(deps, data.organizationId));
  const onMembership = async ({ data }: { data: { userId: string } }) => {
    await syncUserMemberships(deps, data.userId);
  };
  events.on('organizationMembership.created', onMembership);
  events.on('organizationMembership.updated', onMembership);
  events.on('organizationMembership.deleted', onMembership);
  events.on('organizationInvitation.accepted', async ({ data }) => {
    if (data.userId) await syncUserMemberships(deps, data.userId);
  });
  events.on('user.deleted', ({ data }) => deleteMembershipsOfUser(deps.db, data.userId));
}
