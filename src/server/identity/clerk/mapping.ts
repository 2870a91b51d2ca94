// Clerk's snake_case JSON → the port's types. The Backend API (through each SDK resource's `raw`)
// and the webhooks send the same JSON, so both read it through these functions.
import type {
  InvitationJSON,
  OrganizationInvitationJSON,
  OrganizationJSON,
  OrganizationMembershipJSON,
  UserJSON,
} from '@clerk/backend';
import type {
  AppInvitation,
  IdentityOrganization,
  IdentityUser,
  InvitationStatus,
  OrganizationInvitation,
  OrganizationMember,
  OrganizationMembership,
  OrganizationRole,
  PublicMetadata,
} from '../port.ts';

/** Clerk's role keys carry an `org:` prefix; session tokens drop it (`o.rol`). */
export function toOrganizationRole(clerkRole: string): OrganizationRole {
  return clerkRole === 'org:admin' || clerkRole === 'admin' ? 'admin' : 'member';
}

export function toClerkOrganizationRole(role: OrganizationRole): 'org:admin' | 'org:member' {
  return role === 'admin' ? 'org:admin' : 'org:member';
}

export function toUser(json: UserJSON): IdentityUser {
  const primaryEmail =
    json.email_addresses.find((address) => address.id === json.primary_email_address_id) ??
    json.email_addresses[0];
  return {
    id: json.id,
    // A user who signed up with a phone number or a web3 wallet has no email address.
    email: primaryEmail?.email_address ?? '',
    emailVerified: primaryEmail?.verification?.status === 'verified',
    firstName: json.first_name || null,
    lastName: json.last_name || null,
    imageUrl: json.image_url || null,
    publicMetadata: (json.public_metadata ?? {}) as PublicMetadata,
    banned: json.banned,
    createdAt: new Date(json.created_at),
    updatedAt: new Date(json.updated_at),
  };
}

export function toOrganization(json: OrganizationJSON): IdentityOrganization {
  return {
    id: json.id,
    name: json.name,
    slug: json.slug,
    publicMetadata: json.public_metadata ?? {},
    createdAt: new Date(json.created_at),
    updatedAt: new Date(json.updated_at),
  };
}

export function toMembership(json: OrganizationMembershipJSON): OrganizationMembership {
  return {
    organization: toOrganization(json.organization),
    userId: json.public_user_data.user_id,
    role: toOrganizationRole(json.role),
    createdAt: new Date(json.created_at),
  };
}

export function toOrganizationMember(json: OrganizationMembershipJSON): OrganizationMember {
  const person = json.public_user_data;
  return {
    organizationId: json.organization.id,
    userId: person.user_id,
    role: toOrganizationRole(json.role),
    email: person.identifier ?? '',
    firstName: person.first_name || null,
    lastName: person.last_name || null,
    createdAt: new Date(json.created_at),
  };
}

/** Clerk may keep an invitation `pending` past its expiry; the port calls that `expired`. */
function effectiveStatus(
  status: InvitationStatus | undefined,
  expiresAt: number | null | undefined,
  now: number,
): InvitationStatus {
  const current = status ?? 'pending';
  return current === 'pending' && expiresAt != null && expiresAt <= now ? 'expired' : current;
}

/**
 * Clerk's organization invitation carries no inviter, so `inviterUserId` is null unless the caller
 * knows it (it does right after creating the invitation).
 */
export function toOrganizationInvitation(
  json: OrganizationInvitationJSON,
  options: { now?: number; inviterUserId?: string } = {},
): OrganizationInvitation {
  return {
    id: json.id,
    organizationId: json.organization_id,
    emailAddress: json.email_address,
    role: toOrganizationRole(json.role),
    status: effectiveStatus(json.status, json.expires_at, options.now ?? Date.now()),
    inviterUserId: options.inviterUserId ?? null,
    publicMetadata: json.public_metadata ?? {},
    createdAt: new Date(json.created_at),
    expiresAt: new Date(json.expires_at),
  };
}

/** The Backend API sends `expires_at` on invitations; the SDK's type does not list it yet. */
type InvitationWithExpiry = InvitationJSON & { expires_at?: number | null };

export function toAppInvitation(json: InvitationWithExpiry, now = Date.now()): AppInvitation {
  const expiresAt = json.expires_at ?? null;
  return {
    id: json.id,
    emailAddress: json.email_address,
    publicMetadata: (json.public_metadata ?? {}) as PublicMetadata,
    status: effectiveStatus(json.status, expiresAt, now),
    createdAt: new Date(json.created_at),
    expiresAt: expiresAt === null ? null : new Date(expiresAt),
  };
}

/** The SDK keeps the JSON each resource was built from; the mapping reads that, not the class. */
export function rawJson<T>(resource: { readonly raw: T | null }): T {
  if (resource.raw === null) {
    throw new Error('Clerk answered with an object the SDK did not deserialize.');
  }
  return resource.raw;
}
