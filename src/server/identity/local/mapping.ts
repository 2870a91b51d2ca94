import type {
  IdentityOrganization,
  IdentityUser,
  InvitationStatus,
  OrganizationInvitation,
  OrganizationMember,
  OrganizationRole,
  PublicMetadata,
} from '../port.ts';
import { type auth_invitation, type auth_organization, auth_user } from './schema.ts';

/** The columns of `auth_user` an `IdentityUser` is made of: what a hot query selects, no more. */
export const userColumns = {
  id: auth_user.id,
  name: auth_user.name,
  email: auth_user.email,
  emailVerified: auth_user.emailVerified,
  image: auth_user.image,
  publicMetadata: auth_user.publicMetadata,
  banned: auth_user.banned,
  createdAt: auth_user.createdAt,
  updatedAt: auth_user.updatedAt,
};

/** A row read with `select(userColumns)` (a whole row is one too). */
export type UserRow = Pick<typeof auth_user.$inferSelect, keyof typeof userColumns>;

type OrganizationRow = typeof auth_organization.$inferSelect;
type InvitationRow = typeof auth_invitation.$inferSelect;

/** Better Auth keeps one name; Clerk's first and last names are its first word and the rest. */
function splitName(name: string): { firstName: string | null; lastName: string | null } {
  const [firstName, ...rest] = name.trim().split(/\s+/);
  return { firstName: firstName || null, lastName: rest.join(' ') || null };
}

export function toIdentityUser(row: UserRow): IdentityUser {
  return {
    id: row.id,
    email: row.email,
    emailVerified: row.emailVerified,
    ...splitName(row.name),
    imageUrl: row.image,
    publicMetadata: (row.publicMetadata ?? {}) as PublicMetadata,
    banned: row.banned ?? false,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Better Auth keeps organization metadata as JSON text. */
export function parseMetadata(text: string | null): Record<string, unknown> {
  if (!text) return {};
  const parsed: unknown = JSON.parse(text);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : {};
}

export function toIdentityOrganization(row: OrganizationRow): IdentityOrganization {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    publicMetadata: parseMetadata(row.metadata),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt ?? row.createdAt,
  };
}

export function toOrganizationMember(row: {
  organizationId: string;
  userId: string;
  role: string;
  createdAt: Date;
  email: string;
  name: string;
}): OrganizationMember {
  return {
    organizationId: row.organizationId,
    userId: row.userId,
    role: toOrganizationRole(row.role),
    email: row.email,
    ...splitName(row.name),
    createdAt: row.createdAt,
  };
}

/** Better Auth's `owner` is an admin in Clerk's terms; every other role is a member. */
export function toOrganizationRole(role: string | null): OrganizationRole {
  return role === 'admin' || role === 'owner' ? 'admin' : 'member';
}

/** Better Auth stores no `expired` status (Clerk does); it is computed from the expiry. */
export function invitationStatus(
  stored: string,
  expiresAt: Date,
  now = new Date(),
): InvitationStatus {
  if (stored === 'accepted') return 'accepted';
  if (stored === 'canceled' || stored === 'rejected' || stored === 'revoked') return 'revoked';
  return expiresAt <= now ? 'expired' : 'pending';
}

export function toOrganizationInvitation(row: InvitationRow): OrganizationInvitation {
  return {
    id: row.id,
    organizationId: row.organizationId,
    emailAddress: row.email,
    role: toOrganizationRole(row.role),
    status: invitationStatus(row.status, row.expiresAt),
    inviterUserId: row.inviterId,
    publicMetadata: (row.publicMetadata ?? {}) as Record<string, unknown>,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  };
}
