// Organization invitations on Clerk's Backend API. Clerk's Backend API has no way to accept an
// invitation for a user: Clerk accepts them in its own flow (the link in its mail), and the
// acceptance arrives as `organizationInvitation.accepted`. Declining revokes the invitation.
import {
  type IdentityProvider,
  IdentityProviderError,
  type InvitationStatus,
  type OrganizationInvitation,
} from '../port.ts';
import { type ClerkCalls, maxPageSize, readAllPages } from './calls.ts';
import { rawJson, toClerkOrganizationRole, toOrganizationInvitation } from './mapping.ts';

/** Clerk may still call an expired invitation pending: ask for pending ones too. */
function clerkStatusesFor(wanted: InvitationStatus[] | undefined): InvitationStatus[] | undefined {
  return wanted?.includes('expired') && !wanted.includes('pending')
    ? [...wanted, 'pending']
    : wanted;
}

export function clerkOrganizationInvitations(
  calls: ClerkCalls,
  organizations: Pick<IdentityProvider['organizations'], 'listMemberships'>,
): IdentityProvider['organizationInvitations'] {
  const { clerk, call, callOrNull } = calls;

  async function listForUser({
    userId,
    status,
  }: {
    userId: string;
    status?: InvitationStatus[];
  }): Promise<OrganizationInvitation[]> {
    const wanted = status?.length ? status : undefined;
    const asked = clerkStatusesFor(wanted);
    // Clerk filters a user's invitations by one status at most.
    const only = asked?.length === 1 ? asked[0] : undefined;
    const invitations = await readAllPages((offset) =>
      call("list the user's organization invitations", async () => {
        const page = await clerk.users.getOrganizationInvitationList({
          userId,
          status: only,
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
  }

  /** The invitation if it is addressed to the user; otherwise 404, as if it did not exist. */
  async function invitationOf(userId: string, invitationId: string) {
    const found = (await listForUser({ userId })).find(({ id }) => id === invitationId);
    if (!found) throw new IdentityProviderError('No invitation with that id.', 404);
    return found;
  }

  const notPending = (invitation: OrganizationInvitation) =>
    new IdentityProviderError(`This invitation is ${invitation.status}, no longer pending.`, 422);

  return {
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
      const wanted = status?.length ? status : undefined;
      const invitations = await readAllPages((offset) =>
        call("list the organization's invitations", async () => {
          const page = await clerk.organizations.getOrganizationInvitationList({
            organizationId,
            status: clerkStatusesFor(wanted),
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

    listForUser,

    async accept({ invitationId, userId }) {
      const invitation = await invitationOf(userId, invitationId);
      if (invitation.status === 'accepted') {
        const memberships = await organizations.listMemberships(userId);
        const joined = memberships.find(
          (membership) => membership.organization.id === invitation.organizationId,
        );
        if (joined) return joined;
      }
      if (invitation.status !== 'pending') throw notPending(invitation);
      throw new IdentityProviderError(
        "Clerk accepts organization invitations in its own flow: open the link in the invitation's mail.",
        409,
      );
    },

    async decline({ invitationId, userId }) {
      const invitation = await invitationOf(userId, invitationId);
      if (invitation.status !== 'pending') throw notPending(invitation);
      return call('decline the organization invitation', async () =>
        toOrganizationInvitation(
          rawJson(
            await clerk.organizations.revokeOrganizationInvitation({
              organizationId: invitation.organizationId,
              invitationId,
            }),
          ),
        ),
      );
    },
  };
}
