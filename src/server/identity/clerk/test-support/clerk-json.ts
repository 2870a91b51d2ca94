// Clerk-shaped JSON (snake_case, with `object`) as the Backend API and the webhooks send it, for
// tests. Only the fields the mapping reads, plus a few to look like the real thing.
import type {
  InvitationJSON,
  OrganizationInvitationJSON,
  OrganizationJSON,
  OrganizationMembershipJSON,
  UserJSON,
} from '@clerk/backend';
import type { IdentityUser } from '../../port.ts';

export const createdAt = Date.UTC(2026, 0, 5, 9, 30);
export const updatedAt = Date.UTC(2026, 1, 7, 14, 0);

type Overrides<T> = Partial<{ [K in keyof T]: unknown }>;

export function userJson(overrides: Overrides<UserJSON> = {}): UserJSON {
  return {
    object: 'user',
    id: 'user_1',
    first_name: 'Ada',
    last_name: 'Lovelace',
    image_url: 'https://img.clerk.test/user_1.png',
    has_image: true,
    primary_email_address_id: 'idn_primary',
    email_addresses: [
      {
        object: 'email_address',
        id: 'idn_other',
        email_address: 'ada@old.example',
        verification: { status: 'unverified', strategy: 'email_code' },
        linked_to: [],
      },
      {
        object: 'email_address',
        id: 'idn_primary',
        email_address: 'ada@example.com',
        verification: { status: 'verified', strategy: 'email_code' },
        linked_to: [],
      },
    ],
    public_metadata: { primary_role: 'coach', organization_roles: { org_1: 'admin' } },
    private_metadata: {},
    unsafe_metadata: {},
    banned: false,
    locked: false,
    created_at: createdAt,
    updated_at: updatedAt,
    ...overrides,
  } as UserJSON;
}

/** What `userJson()` becomes through the port's mapping. */
export const mappedUser: IdentityUser = {
  id: 'user_1',
  email: 'ada@example.com',
  emailVerified: true,
  firstName: 'Ada',
  lastName: 'Lovelace',
  imageUrl: 'https://img.clerk.test/user_1.png',
  publicMetadata: { primary_role: 'coach', organization_roles: { org_1: 'admin' } },
  banned: false,
  createdAt: new Date(createdAt),
  updatedAt: new Date(updatedAt),
};

export function organizationJson(overrides: Overrides<OrganizationJSON> = {}): OrganizationJSON {
  return {
    object: 'organization',
    id: 'org_1',
    name: 'North Star Coaching',
    slug: 'north-star',
    has_image: false,
    max_allowed_memberships: 0,
    admin_delete_enabled: true,
    public_metadata: { plan: 'team' },
    created_at: createdAt,
    updated_at: updatedAt,
    ...overrides,
  } as OrganizationJSON;
}

export function membershipJson(
  overrides: Overrides<OrganizationMembershipJSON> & { user_id?: string } = {},
): OrganizationMembershipJSON {
  const { user_id = 'user_1', ...rest } = overrides;
  return {
    object: 'organization_membership',
    id: `orgmem_${user_id}`,
    role: 'org:admin',
    permissions: [],
    public_metadata: {},
    created_at: createdAt,
    updated_at: updatedAt,
    organization: organizationJson(),
    public_user_data: {
      user_id,
      identifier: 'ada@example.com',
      first_name: 'Ada',
      last_name: 'Lovelace',
      image_url: '',
      has_image: false,
    },
    ...rest,
  } as OrganizationMembershipJSON;
}

export function organizationInvitationJson(
  overrides: Overrides<OrganizationInvitationJSON> & { user_id?: string } = {},
): OrganizationInvitationJSON {
  return {
    object: 'organization_invitation',
    id: 'orginv_1',
    email_address: 'grace@example.com',
    role: 'org:member',
    role_name: 'Member',
    organization_id: 'org_1',
    status: 'pending',
    public_metadata: { invited_as: 'client' },
    private_metadata: {},
    url: null,
    created_at: createdAt,
    updated_at: updatedAt,
    expires_at: Date.now() + 30 * 86_400_000,
    ...overrides,
  } as OrganizationInvitationJSON;
}

export function invitationJson(
  overrides: Overrides<InvitationJSON> & { expires_at?: number | null } = {},
): InvitationJSON {
  return {
    object: 'invitation',
    id: 'inv_1',
    email_address: 'grace@example.com',
    public_metadata: { primary_role: 'client' },
    revoked: false,
    status: 'pending',
    created_at: createdAt,
    updated_at: updatedAt,
    expires_at: Date.now() + 30 * 86_400_000,
    ...overrides,
  } as InvitationJSON;
}

export function clerkErrorJson(message: string, longMessage: string, code: string) {
  return { errors: [{ message, long_message: longMessage, code }], clerk_trace_id: 'trace_1' };
}
