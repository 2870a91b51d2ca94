// The identity port on Clerk's Backend API (@clerk/backend). Every Clerk request goes through
// `call` (calls.ts), which retries Clerk's 429s and turns its failures into IdentityProviderError.
import type { User } from '@clerk/backend';
import { type IdentityProvider, type IdentityUser, roleOf, type UserQuery } from '../port.ts';
import { clerkCalls, maxPageSize, readAllPages } from './calls.ts';
import { rawJson, toAppInvitation, toUser } from './mapping.ts';
import { clerkOrganizationInvitations } from './organization-invitations.ts';
import { clerkOrganizations } from './organizations.ts';
import type { RetryPolicy } from './retry.ts';
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

export function createClerkIdentityProvider(
  options: ClerkIdentityProviderOptions,
): IdentityProvider {
  const { secretKey, jwtKey, apiUrl, authorizedParties } = options;
  const calls = clerkCalls({ secretKey, apiUrl, retry: options.retry });
  const { clerk, call, callOrNull } = calls;
  const organizations = clerkOrganizations(calls);

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

    organizations,

    organizationInvitations: clerkOrganizationInvitations(calls, organizations),

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
