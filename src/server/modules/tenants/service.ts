// The rules of tenants: organizations are made in the identity provider first and mirrored here
// (seed 003); a user's list syncs from the provider and falls back to the database when it is down;
// only members see an organization (anyone else: 404), only its admins change it (403).
import {
  type CreateTenantBody,
  clientCompanyMetadataSchema,
  coachPracticeMetadataSchema,
  METADATA_MAX_BYTES,
  type TenantKind,
  type TenantList,
  type TenantView,
} from '../../../contract/tenants.ts';
import type { Database } from '../../db/client.ts';
import { BadRequestError, ForbiddenError, NotFoundError } from '../../http/errors.ts';
import type { Caller } from '../../identity/auth-plugin.ts';
import { mergeMetadata } from '../../identity/metadata.ts';
import {
  type IdentityOrganization,
  IdentityProviderError,
  type MetadataPatch,
  type OrganizationMembership,
  type OrganizationRole,
} from '../../identity/port.ts';
import { recordAudit } from '../audit/service.ts';
import {
  findTenantOfMember,
  listTenantsOfUser,
  type MemberRole,
  type TenantWithRole,
  upsertMembership,
  upsertTenants,
} from './repository.ts';
import {
  applyMemberships,
  kindOf,
  mirrorOf,
  syncUserMemberships,
  type TenantsDeps,
} from './sync.ts';
import { toTenantView } from './views.ts';

export type TenantsServiceDeps = TenantsDeps & {
  /** The user's primary organization (their profile's), listed first. */
  primaryOrganizationOf(userId: string): Promise<string | null>;
};

export const PROVIDER_DOWN_WARNING =
  'The identity provider could not be reached: this list comes from the database and may be out of date.';

export async function listMyTenants(
  deps: TenantsServiceDeps,
  caller: Caller,
  options: { sync: boolean },
): Promise<TenantList> {
  let source: TenantList['source'] = 'database';
  let warning: string | null = null;
  let rows: TenantWithRole[] | undefined;
  // Read beside the sync; its failure is seen where it is awaited below.
  const primaryRead = deps.primaryOrganizationOf(caller.userId);
  primaryRead.catch(() => undefined);
  if (options.sync) {
    try {
      rows = await syncUserMemberships(deps, caller.userId);
      source = 'provider';
    } catch (error) {
      if (!(error instanceof IdentityProviderError)) throw error;
      deps.log.warn({ err: error }, 'tenant sync failed; answering from the database');
      warning = PROVIDER_DOWN_WARNING;
    }
  }
  const [mirrored, primary] = await Promise.all([
    rows ?? listTenantsOfUser(deps.db, caller.userId),
    primaryRead,
  ]);
  const data = mirrored.map((row) => toTenantView(row, row.role, primary));
  // Primary first; the rest keep the query's order (by name).
  data.sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  return { data, source, warning };
}

/** Which platform roles may create which kind of organization. */
function refuseKindForRole(caller: Caller, kind: CreateTenantBody['metadata']['kind']): void {
  const allowed = kind === 'coach_practice' ? ['coach', 'admin'] : ['client', 'admin'];
  if (!allowed.includes(caller.role))
    throw new ForbiddenError(
      kind === 'coach_practice'
        ? 'Only coaches create coach practices.'
        : 'Only clients create client companies.',
    );
}

function refuseOversizedMetadata(metadata: Record<string, unknown>): void {
  const bytes = Buffer.byteLength(JSON.stringify(metadata), 'utf8');
  if (bytes > METADATA_MAX_BYTES)
    throw new BadRequestError(
      `The organization's details take ${bytes} bytes; the identity provider keeps at most ${METADATA_MAX_BYTES} (8 KB). Shorten the longest fields.`,
    );
}

/**
 * Step one of making an organization: in the provider, the caller its admin. Nothing local is
 * written here, so a provider failure leaves nothing behind (the error says what failed, 502).
 */
export async function createOrganizationInProvider(
  deps: TenantsDeps,
  caller: Caller,
  input: CreateTenantBody,
): Promise<IdentityOrganization> {
  refuseKindForRole(caller, input.metadata.kind);
  refuseOversizedMetadata(input.metadata);
  return deps.identity.organizations.create({
    name: input.name,
    slug: input.slug,
    createdBy: caller.userId,
    publicMetadata: input.metadata,
  });
}

/**
 * Step two: the tenant row and the membership, in the caller's transaction (the profiles module
 * adds the profile to it). If this fails after the provider succeeded, the membership event, or the
 * next list, mirrors the organization: no orphan stays.
 */
export async function recordJoinedOrganization(
  tx: Database,
  organization: IdentityOrganization,
  userId: string,
  role: MemberRole,
): Promise<void> {
  await upsertTenants(tx, [mirrorOf(organization)]);
  await upsertMembership(tx, { identityOrgId: organization.id, userId, role });
}

/**
 * Step three, after the commit: the new key of the user's `organization_roles` (a deep merge keeps
 * the others). A failure here is only logged: the membership event writes it again.
 */
export async function afterJoining(
  deps: TenantsDeps,
  userId: string,
  organization: IdentityOrganization,
  role: OrganizationRole,
): Promise<void> {
  try {
    await deps.identity.users.updatePublicMetadata(userId, {
      organization_roles: { [organization.id]: role },
    });
  } catch (error) {
    deps.log.warn({ err: error }, 'organization_roles not updated; the membership event will');
  }
}

export async function createTenant(
  deps: TenantsServiceDeps,
  caller: Caller,
  input: CreateTenantBody,
): Promise<TenantView> {
  const organization = await createOrganizationInProvider(deps, caller, input);
  await deps.db.transaction((tx) =>
    recordJoinedOrganization(tx, organization, caller.userId, 'admin'),
  );
  await afterJoining(deps, caller.userId, organization, 'admin');
  return tenantForMember(deps, caller, organization.id);
}

/** The caller's membership as the provider has it now (authoritative); 404 for a non-member. */
export async function currentMembership(
  deps: TenantsDeps,
  caller: Caller,
  identityOrgId: string,
): Promise<OrganizationMembership> {
  const memberships = await deps.identity.organizations.listMemberships(caller.userId);
  const membership = memberships.find((m) => m.organization.id === identityOrgId);
  if (!membership) throw new NotFoundError('Organization');
  return membership;
}

/** For changes: the caller must be an admin of the organization (authoritative, from the provider). */
export async function requireOrganizationAdmin(
  deps: TenantsDeps,
  caller: Caller,
  identityOrgId: string,
): Promise<OrganizationMembership> {
  const membership = await currentMembership(deps, caller, identityOrgId);
  if (membership.role !== 'admin')
    throw new ForbiddenError("Only the organization's admins may do this.");
  return membership;
}

async function tenantForMember(
  deps: TenantsServiceDeps,
  caller: Caller,
  identityOrgId: string,
): Promise<TenantView> {
  const tenant = await findTenantOfMember(deps.db, identityOrgId, caller.userId);
  if (!tenant) throw new NotFoundError('Organization');
  return toTenantView(tenant, tenant.role, await deps.primaryOrganizationOf(caller.userId));
}

/**
 * Seed 003 `get_or_sync_from_clerk`: from the mirror when the caller is a member there; otherwise
 * the provider decides (a membership not mirrored yet is mirrored now), and a non-member gets 404.
 */
export async function getTenant(
  deps: TenantsServiceDeps,
  caller: Caller,
  identityOrgId: string,
): Promise<TenantView> {
  const mirrored = await findTenantOfMember(deps.db, identityOrgId, caller.userId);
  if (mirrored)
    return toTenantView(mirrored, mirrored.role, await deps.primaryOrganizationOf(caller.userId));
  const memberships = await deps.identity.organizations.listMemberships(caller.userId);
  if (!memberships.some((m) => m.organization.id === identityOrgId))
    throw new NotFoundError('Organization');
  await applyMemberships(deps, caller.userId, memberships);
  return tenantForMember(deps, caller, identityOrgId);
}

const fieldsOf = {
  coach_practice: new Set(Object.keys(coachPracticeMetadataSchema.shape)),
  client_company: new Set(Object.keys(clientCompanyMetadataSchema.shape)),
};

/** A patch names only fields of the organization's kind, and the merged result must be valid. */
function validateForKind(kind: TenantKind, patch: MetadataPatch, merged: Record<string, unknown>) {
  const foreign = Object.keys(patch).filter((key) => !fieldsOf[kind].has(key));
  if (foreign.length > 0)
    throw new BadRequestError(
      `${foreign.join(', ')}: not a field of a ${kind === 'coach_practice' ? 'coach practice' : 'client company'}.`,
    );
  const schema =
    kind === 'coach_practice' ? coachPracticeMetadataSchema : clientCompanyMetadataSchema;
  const result = schema.safeParse(merged);
  if (!result.success)
    throw new BadRequestError(
      `The organization's details would not be valid: ${result.error.issues
        .map((issue) => `${issue.path.join('.') || 'metadata'}: ${issue.message}`)
        .join('; ')}.`,
    );
}

/** Deep-merges `patch` into the organization's metadata, in the provider first. Admins only. */
export async function updateTenantMetadata(
  deps: TenantsServiceDeps,
  caller: Caller,
  identityOrgId: string,
  patch: MetadataPatch,
): Promise<TenantView> {
  const { organization } = await requireOrganizationAdmin(deps, caller, identityOrgId);
  // The kind never changes; an organization made elsewhere gets the kind it is mirrored as.
  const kind = kindOf(organization.publicMetadata);
  const merged = mergeMetadata({ ...organization.publicMetadata, kind }, patch);
  validateForKind(kind, patch, merged);
  refuseOversizedMetadata(merged);
  const updated = await deps.identity.organizations.updatePublicMetadata(identityOrgId, {
    ...patch,
    kind,
  });
  await deps.db.transaction(async (tx) => {
    await upsertTenants(tx, [mirrorOf(updated)]);
    await upsertMembership(tx, { identityOrgId, userId: caller.userId, role: 'admin' });
  });
  await recordAudit(deps.db, {
    actor: caller.userId,
    action: 'organization.metadata.update',
    target: `organization:${identityOrgId}`,
    before: organization.publicMetadata,
    after: updated.publicMetadata,
  });
  return tenantForMember(deps, caller, identityOrgId);
}

/**
 * Whether two users share an organization, as the provider has it now (it decides who may see a
 * profile, so not from the mirror, which may lag behind a removal). Two clients of one coach are
 * both plain members of the coach's practice: that does not make them known to each other.
 */
export async function shareAnOrganization(
  deps: TenantsDeps,
  userId: string,
  otherUserId: string,
): Promise<boolean> {
  const [mine, theirs] = await Promise.all([
    deps.identity.organizations.listMemberships(userId),
    deps.identity.organizations.listMemberships(otherUserId).catch((error: unknown) => {
      if (error instanceof IdentityProviderError && error.status === 404) return [];
      throw error;
    }),
  ]);
  const myRoles = new Map(mine.map((membership) => [membership.organization.id, membership.role]));
  return theirs.some((membership) => {
    const myRole = myRoles.get(membership.organization.id);
    if (!myRole) return false;
    const clientsOfOnePractice =
      kindOf(membership.organization.publicMetadata) === 'coach_practice' &&
      myRole === 'member' &&
      membership.role === 'member';
    return !clientsOfOnePractice;
  });
}
