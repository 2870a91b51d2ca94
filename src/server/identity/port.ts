// The one door to identity: users, organizations, invitations, tokens. Modules depend on this file
// only; the embedded (local) and Clerk adapters implement it with Clerk's semantics.

export const roles = ['admin', 'coach', 'client', 'pending'] as const;
export type Role = (typeof roles)[number];
/** Roles an admin can grant; `pending` is the absence of one. */
export const grantableRoles = ['admin', 'coach', 'client'] as const;
export type GrantableRole = (typeof grantableRoles)[number];

/** App data about a user kept with the user (seed 002): Clerk's `publicMetadata`. */
export type PublicMetadata = {
  primary_role?: GrantableRole;
  organization_roles?: Record<string, string>;
  session_auto_send_context?: boolean;
  [key: string]: unknown;
};

/** A deep-merge patch: `null` deletes a key, objects merge, anything else replaces. */
export type MetadataPatch = Record<string, unknown>;

export type IdentityUser = {
  id: string;
  email: string;
  emailVerified: boolean;
  firstName: string | null;
  lastName: string | null;
  imageUrl: string | null;
  publicMetadata: PublicMetadata;
  banned: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export type Page<T> = { data: T[]; totalCount: number };
export type PageRequest = { limit: number; offset: number };

export type IdentityOrganization = {
  id: string;
  name: string;
  slug: string;
  publicMetadata: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
};

/** Clerk's `org:admin` / `org:member`, without the prefix. */
export type OrganizationRole = 'admin' | 'member';

export type OrganizationMembership = {
  organization: IdentityOrganization;
  userId: string;
  role: OrganizationRole;
  createdAt: Date;
};

/** One member of an organization, with what the provider shows of the person. */
export type OrganizationMember = {
  organizationId: string;
  userId: string;
  role: OrganizationRole;
  /** The person's primary email address (Clerk: the membership's `identifier`). */
  email: string;
  firstName: string | null;
  lastName: string | null;
  createdAt: Date;
};

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export type OrganizationInvitation = {
  id: string;
  organizationId: string;
  emailAddress: string;
  role: OrganizationRole;
  status: InvitationStatus;
  inviterUserId: string | null;
  publicMetadata: Record<string, unknown>;
  createdAt: Date;
  expiresAt: Date;
};

export type NewOrganizationInvitation = {
  organizationId: string;
  emailAddress: string;
  role: OrganizationRole;
  inviterUserId: string;
  publicMetadata?: Record<string, unknown>;
  redirectUrl?: string;
  /** 1 to 365; Clerk's default is 30. */
  expiresInDays?: number;
};

/** A sign-up invitation; its `publicMetadata` is copied onto the user who signs up with it. */
export type AppInvitation = {
  id: string;
  emailAddress: string;
  publicMetadata: PublicMetadata;
  status: InvitationStatus;
  createdAt: Date;
  expiresAt: Date | null;
};

export type NewAppInvitation = {
  emailAddress: string;
  publicMetadata?: PublicMetadata;
  redirectUrl?: string;
  expiresInDays?: number;
};

/** What a verified session token says about its bearer. */
export type TokenClaims = {
  userId: string;
  sessionId: string;
  orgId: string | null;
  /** The user's `publicMetadata` when the token was issued; may be stale. */
  metadata: PublicMetadata;
  /**
   * The user as the database holds it now, when verifying read it anyway (the embedded provider,
   * checking the session on a cache miss, reads both in one query); absent otherwise.
   */
  user?: IdentityUser;
};

export type UserQuery = { query?: string; role?: Role } & PageRequest;

export interface IdentityProvider {
  readonly kind: 'local' | 'clerk';

  users: {
    get(userId: string): Promise<IdentityUser | null>;
    findByEmail(email: string): Promise<IdentityUser | null>;
    list(query: UserQuery): Promise<Page<IdentityUser>>;
    updatePublicMetadata(userId: string, patch: MetadataPatch): Promise<IdentityUser>;
    ban(userId: string): Promise<IdentityUser>;
    unban(userId: string): Promise<IdentityUser>;
    delete(userId: string): Promise<void>;
  };

  organizations: {
    /** `createdBy` becomes the organization's admin; without one it starts with no member. */
    create(input: {
      name: string;
      slug?: string;
      createdBy?: string;
      publicMetadata?: Record<string, unknown>;
    }): Promise<IdentityOrganization>;
    get(organizationId: string): Promise<IdentityOrganization | null>;
    findBySlug(slug: string): Promise<IdentityOrganization | null>;
    updatePublicMetadata(
      organizationId: string,
      patch: MetadataPatch,
    ): Promise<IdentityOrganization>;
    listMemberships(userId: string): Promise<OrganizationMembership[]>;
    addMember(input: {
      organizationId: string;
      userId: string;
      role: OrganizationRole;
    }): Promise<OrganizationMembership>;
    /** Every member of the organization, oldest first. */
    listMembers(organizationId: string): Promise<OrganizationMember[]>;
    /** Changes a member's role; records `organizationMembership.updated`. */
    updateMemberRole(input: {
      organizationId: string;
      userId: string;
      role: OrganizationRole;
    }): Promise<OrganizationMember>;
    removeMember(input: { organizationId: string; userId: string }): Promise<void>;
  };

  organizationInvitations: {
    create(input: NewOrganizationInvitation): Promise<OrganizationInvitation>;
    get(input: {
      organizationId: string;
      invitationId: string;
    }): Promise<OrganizationInvitation | null>;
    list(input: {
      organizationId: string;
      status?: InvitationStatus[];
    }): Promise<OrganizationInvitation[]>;
    revoke(input: {
      organizationId: string;
      invitationId: string;
      requestingUserId?: string;
    }): Promise<OrganizationInvitation>;
    /** The invitations addressed to the user's verified email address, in any organization. */
    listForUser(input: {
      userId: string;
      status?: InvitationStatus[];
    }): Promise<OrganizationInvitation[]>;
    /**
     * The invitee accepts: they become a member with the invitation's role, and the provider
     * records `organizationInvitation.accepted` and `organizationMembership.created`. An invitation
     * not addressed to the user's verified email answers 404; accepting one the user already
     * accepted answers the membership again. Clerk accepts invitations only in its own flow (the
     * link in its mail): there, a pending invitation is refused with 409.
     */
    accept(input: { invitationId: string; userId: string }): Promise<OrganizationMembership>;
    /** The invitee declines: the invitation is `revoked` (neither provider knows "declined"). */
    decline(input: { invitationId: string; userId: string }): Promise<OrganizationInvitation>;
  };

  invitations: {
    create(input: NewAppInvitation): Promise<AppInvitation>;
    revoke(invitationId: string): Promise<AppInvitation>;
  };

  /**
   * The provider's own waitlist, where it has one (Clerk). The embedded provider has none: the
   * domain's registry is the waitlist there.
   */
  waitlist?: {
    /** Adds an email; an email already on it is not an error. */
    createEntry(emailAddress: string): Promise<void>;
  };

  /** Verifies a session token; throws `InvalidTokenError` when it is not one of ours or expired. */
  verifyToken(token: string): Promise<TokenClaims>;
}

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

/** The provider failed or refused; the message is safe to show. */
export class IdentityProviderError extends Error {
  readonly status: number;

  constructor(message: string, status = 502) {
    super(message);
    this.name = 'IdentityProviderError';
    this.status = status;
  }
}

export function roleOf(metadata: PublicMetadata | undefined): Role {
  const role = metadata?.primary_role;
  return role && (grantableRoles as readonly string[]).includes(role) ? role : 'pending';
}

/** A 4xx from the provider other than a rate limit: retrying cannot change the answer. */
export function isFinalRefusal(error: unknown): error is IdentityProviderError {
  return (
    error instanceof IdentityProviderError &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 429
  );
}
