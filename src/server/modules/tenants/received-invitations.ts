// The invitee's side of an organization invitation (`/invitations/{id}`): only the signed-in user
// whose verified email the invitation names sees, accepts or declines it; anyone else gets 404.
import type { ReceivedInvitation, TenantView } from '../../../contract/tenants.ts';
import { NotFoundError } from '../../http/errors.ts';
import type { Caller } from '../../identity/auth-plugin.ts';
import type { InvitationStatus, OrganizationInvitation } from '../../identity/port.ts';
import { unsafeFindTenantsByOrgIds } from './repository.ts';
import { afterJoining, recordJoinedOrganization, type TenantsServiceDeps } from './service.ts';
import { kindOf, type TenantsDeps } from './sync.ts';
import { toTenantView } from './views.ts';

async function invitationOf(deps: TenantsDeps, caller: Caller, invitationId: string) {
  const invitations = await deps.identity.organizationInvitations.listForUser({
    userId: caller.userId,
  });
  const invitation = invitations.find((candidate) => candidate.id === invitationId);
  if (!invitation) throw new NotFoundError('Invitation');
  return invitation;
}

async function viewOf(
  deps: TenantsDeps,
  invitation: OrganizationInvitation,
): Promise<ReceivedInvitation> {
  // The invitation was checked first: its organization's name may be shown to its addressee.
  const organization = await deps.identity.organizations.get(invitation.organizationId);
  const [mirrored] = organization
    ? []
    : await unsafeFindTenantsByOrgIds(deps.db, [invitation.organizationId]);
  const shown = organization ?? mirrored;
  if (!shown) throw new NotFoundError('Invitation');
  return {
    id: invitation.id,
    email: invitation.emailAddress,
    role: invitation.role,
    status: invitation.status,
    expiresAt: invitation.expiresAt.toISOString(),
    organization: {
      identityOrgId: invitation.organizationId,
      name: shown.name,
      slug: shown.slug,
      kind: organization ? kindOf(organization.publicMetadata) : (mirrored?.kind ?? null),
    },
    acceptance: deps.identity.kind === 'local' ? 'embedded' : 'provider',
  };
}

/** The invitations addressed to the caller's verified email (client onboarding offers them). */
export async function listReceivedInvitations(
  deps: TenantsDeps,
  caller: Caller,
  status: InvitationStatus,
): Promise<ReceivedInvitation[]> {
  const invitations = await deps.identity.organizationInvitations.listForUser({
    userId: caller.userId,
    status: [status],
  });
  const shown = await Promise.all(
    invitations.map((invitation) =>
      viewOf(deps, invitation).catch((error: unknown) => {
        // An invitation to an organization that is gone is not offered.
        if (error instanceof NotFoundError) return null;
        throw error;
      }),
    ),
  );
  return shown.filter((view) => view !== null);
}

export async function getReceivedInvitation(
  deps: TenantsDeps,
  caller: Caller,
  invitationId: string,
): Promise<ReceivedInvitation> {
  return viewOf(deps, await invitationOf(deps, caller, invitationId));
}

/**
 * Accepts in the provider (which checks the addressee and records the membership and its events),
 * then mirrors the membership at once. Clerk accepts only in its own flow: a pending invitation
 * there answers 409 with where to go.
 */
export async function acceptInvitation(
  deps: TenantsServiceDeps,
  caller: Caller,
  invitationId: string,
): Promise<TenantView> {
  const membership = await deps.identity.organizationInvitations.accept({
    invitationId,
    userId: caller.userId,
  });
  await deps.db.transaction((tx) =>
    recordJoinedOrganization(tx, membership.organization, caller.userId, membership.role),
  );
  await afterJoining(deps, caller.userId, membership.organization, membership.role);
  const [tenant] = await unsafeFindTenantsByOrgIds(deps.db, [membership.organization.id]);
  if (!tenant) throw new NotFoundError('Organization');
  return toTenantView(tenant, membership.role, await deps.primaryOrganizationOf(caller.userId));
}

export async function declineInvitation(
  deps: TenantsDeps,
  caller: Caller,
  invitationId: string,
): Promise<ReceivedInvitation> {
  const declined = await deps.identity.organizationInvitations.decline({
    invitationId,
    userId: caller.userId,
  });
  return viewOf(deps, declined);
}
