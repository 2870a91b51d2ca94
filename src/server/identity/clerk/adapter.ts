// The identity port on Clerk's Backend API (@clerk/backend). Every Clerk request goes through
// `call`, which retries Clerk's 429s and turns its failures into IdentityProviderError.
import { createClerkClient, type User } from '@clerk/backend';
import {
  type IdentityProvider,
  IdentityProviderError,
  type IdentityUser,
  type InvitationStatus,
  roleOf,
  type UserQuery,
} from '../port.ts';
import { toIdentityProviderError } from './errors.ts';
import {
  rawJson,
  toAppInvitation,
  toClerkOrganizationRole,
  toMembership,
  toOrganization,
  toOrganizationInvitation,
  toUser,
} from './mapping.ts';
import { defaultRetryPolicy, type RetryPolicy, retryWhenRateLimited } from './retry.ts';
import { verifySessionToken } from './session-token.ts';

export type ClerkIdentityProviderOptions = {
  secretKey: string;
  /** Clerk's PEM public key, for verifying session tokens with no network. */
  jwtKey?: string;
  /** The Backend API's base URL; defaults to Clerk's. */
  apiUrl?: string;
  /** Origins allowed in a session token's `azp`. */
  authorizedParties?: string[];
  /** How 429s are retried; tests shorten the waits. */
  retry?: Partial<RetryPolicy>;
};

/** Clerk's largest page. */
const maxPageSize = 500;

/** Reads every page of a Clerk list. */
async function readAllPages<T>(
  readPage: (offset: number) => Promise<{ data: T[]; totalCount: number }>,
): Promise<T[]> {
  const all: T[] = [];
  for (;;) {
    const page = await readPage(all.length);
    all.push(...page.data);
    if (page.data.length < maxPageSize || all.length >= page.totalCount) return all;
  }
}

export function createClerkIdentityProvider(
  options: ClerkIdentityProviderOptions,
): IdentityProvider {
  const { secretKey, jwtKey, apiUrl, authorizedParties } = options;
  const clerk = createClerkClient({ secretKey, apiUrl, telemetry: { disabled: true } });
  const retryPolicy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };

  /** `action` completes "Clerk refused to …" in the error message. */
  async function call<T>(action: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await retryWhenRateLimited(operation, retryPolicy);
    } catch (error) {
      throw toIdentityProviderError(error, action, secretKey);
    }
  }

  async function callOrNull<T>(action: string, operation: () => Promise<T>): Promise<T | null> {
    try {
      return await call(action, operation);
    } catch (error) {
      if (error instanceof IdentityProviderError && error.status === 404) return null;
      throw error;
    }
  }

  const userFrom = (user: User) => toUser(rawJson(user));

  async function listUsersWithRole(query: UserQuery & { role: string }) {
    // Clerk cannot filter users by metadata server side. Filtering only the requested page would
    // return short pages and a total that counts other roles, so read every user matching `query`,
    // keep those with the role, and cut the page from them: two Clerk requests per 500 users.
    const users = await readAllPages((offset) =>
      call('list users', async () => {
        const page = await clerk.users.getUserList({
          query: query.query,
          limit: maxPageSize,
          offset,
          orderBy: '-created_at',
        });
        return { data: page.data.map(userFrom), totalCount: page.totalCount };
      }),
    );
    // A user signing up mid-scan shifts the pages by one: keep each user once.
    const matching = new Map<string, IdentityUser>();
    for (const user of users) {
      if (roleOf(user.publicMetadata) === query.role) matching.set(user.id, user);
    }
    const all = [...matching.values()];
    return { data: all.slice(query.offset, query.offset + query.limit), totalCount: all.length };
  }

  return {
    kind: 'clerk',

    users: {
      get: (userId) =>
        callOrNull('read the user', async () => userFrom(await clerk.users.getUser(userId))),

      findByEmail: (email) =>
        call('find the user by email address', async () => {
          const page = await clerk.users.getUserList({ emailAddress: [email], limit: 1 });
          const [user] = page.data;
          return user ? userFrom(user) : null;
        }),

      list: async (query) => {
        const { role } = query;
        if (role) return listUsersWithRole({ ...query, role });
        return call('list users', async () => {
          const page = await clerk.users.getUserList({
            query: query.query,
            limit: query.limit,
            offset: query.offset,
            orderBy: '-created_at',
          });
          return { data: page.data.map(userFrom), totalCount: page.totalCount };
        });
      },

      // Clerk deep-merges the patch into the stored metadata and deletes keys set to null.
      updatePublicMetadata: (userId, patch) =>
        call("update the user's metadata", async () =>
          userFrom(await clerk.users.updateUserMetadata(userId, { publicMetadata: patch })),
        ),

      ban: (userId) =>
        call('ban the user', async () => userFrom(await clerk.users.banUser(userId))),

      unban: (userId) =>
        call('unban the user', async () => userFrom(await clerk.users.unbanUser(userId))),

      delete: (userId) =>
        call('delete the user', async () => {
          await clerk.users.deleteUser(userId);
        }),
    },

    organizations: {
      create: ({ name, slug, createdBy, publicMetadata }) =>
        call('create the organization', async () =>
          toOrganization(
            rawJson(
              await clerk.organizations.createOrganization({
                name,
                slug,
                createdBy,
                publicMetadata,
              }),
            ),
          ),
        ),

      get: (organizationId) =>
        callOrNull('read the organization', async () =>
          toOrganization(rawJson(await clerk.organizations.getOrganization({ organizationId }))),
        ),

      updatePublicMetadata: (organizationId, patch) =>
        call("update the organization's metadata", async () =>
          toOrganization(
            rawJson(
              await clerk.organizations.updateOrganizationMetadata(organizationId, {
                publicMetadata: patch,
              }),
            ),
          ),
        ),

      listMemberships: (userId) =>
        readAllPages((offset) =>
          call("list the user's organization memberships", async () => {
            const page = await clerk.users.getOrganizationMembershipList({
              userId,
              limit: maxPageSize,
              offset,
            });
            return {
              data: page.data.map((membership) => toMembership(rawJson(membership))),
              totalCount: page.totalCount,
            };
          }),
        ),

      addMember: ({ organizationId, userId, role }) =>
        call('add the member to the organization', async () =>
          toMembership(
            rawJson(
              await clerk.organizations.createOrganizationMembership({
                organizationId,
                userId,
                role: toClerkOrganizationRole(role),
              }),
            ),
          ),
        ),

      removeMember: ({ organizationId, userId }) =>
        call('remove the member from the organization', async () => {
          await clerk.organizations.deleteOrganizationMembership({ organizationId, userId });
        }),
    },

    organizationInvitations: {
      create: (input) =>
        call('create the organization invitation', async () => {
          const invitation = await clerk.organizations.createOrganizationInvitation({
            organizationId: input.organizationId,
            emailAddress: input.emailAddress,
            role: toClerkOrganizationRole(input.role),
            inviterUserId: input.inviterUserId,
            publicMetadata: input.publicMetadata,
            redirectUrl: input.redirectUrl,
            expiresInDays: input.expiresInDays,
          });
          return toOrganizationInvitation(rawJson(invitation), {
            inviterUserId: input.inviterUserId,
          });
        }),

      get: ({ organizationId, invitationId }) =>
        callOrNull('read the organization invitation', async () =>
          toOrganizationInvitation(
            rawJson(
              await clerk.organizations.getOrganizationInvitation({ organizationId, invitationId }),
            ),
          ),
        ),

      list: async ({ organizationId, status }) => {
        // Clerk may still call an expired invitation pending: ask for pending ones too when the
        // caller wants expired ones, then keep what matches the port's reading of each.
        const wanted = status?.length ? status : undefined;
        const clerkStatus: InvitationStatus[] | undefined =
          wanted?.includes('expired') && !wanted.includes('pending')
            ? [...wanted, 'pending']
            : wanted;
        const invitations = await readAllPages((offset) =>
          call("list the organization's invitations", async () => {
            const page = await clerk.organizations.getOrganizationInvitationList({
              organizationId,
              status: clerkStatus,
              limit: maxPageSize,
              offset,
            });
            return {
              data: page.data.map((invitation) => toOrganizationInvitation(rawJson(invitation))),
              totalCount: page.totalCount,
            };
          }),
        );
        return invitations.filter((invitation) => !wanted || wanted.includes(invitation.status));
      },

      revoke: ({ organizationId, invitationId, requestingUserId }) =>
        call('revoke the organization invitation', async () =>
          toOrganizationInvitation(
            rawJson(
              await clerk.organizations.revokeOrganizationInvitation({
                organizationId,
                invitationId,
                requestingUserId,
              }),
            ),
          ),
        ),
    },

    invitations: {
      create: ({ emailAddress, publicMetadata, redirectUrl, expiresInDays }) =>
        call('create the invitation', async () =>
          toAppInvitation(
            rawJson(
              await clerk.invitations.createInvitation({
                emailAddress,
                publicMetadata,
                redirectUrl,
                expiresInDays,
                notify: true,
                ignoreExisting: true,
              }),
            ),
          ),
        ),

      revoke: (invitationId) =>
        call('revoke the invitation', async () =>
          toAppInvitation(rawJson(await clerk.invitations.revokeInvitation(invitationId))),
        ),
    },

    waitlist: {
      // Clerk answers a known email with its existing entry, so joining twice is harmless.
      createEntry: (emailAddress) =>
        call('add the email to the waitlist', async () => {
          await clerk.waitlistEntries.create({ emailAddress, notify: false });
        }),
    },

    verifyToken: (token) =>
      verifySessionToken(token, { jwtKey, secretKey, apiUrl, authorizedParties }),
  };
}
