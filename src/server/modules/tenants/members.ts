// An organization's members and pending invitations: members see the members; admins invite,
// revoke, change roles and remove, never leaving the organization without an admin.
import type { MemberView, OrgInvitationView } from '../../../contract/tenants.ts';
import { ConflictError, NotFoundError } from '../../http/errors.ts';
import type { Caller } from '../../identity/auth-plugin.ts';
import type {
  InvitationStatus,
  OrganizationMember,
  OrganizationRole,
} from '../../identity/port.ts';
import { recordAudit } from '../audit/service.ts';
import { requireOrganizationAdmin } from './service.ts';
import { kindOf, syncUserMemberships, type TenantsDeps } from './sync.ts';
import { toMemberView, toOrgInvitationView } from './views.ts';

/**
 * Members of the organization; the caller must be one of them (otherwise 404). In a coach practice
 * the clients are members too: a member who is not an admin sees the admins (the coaches) and
 * themselves, never the practice's other clients.
 */
export async function listMembers(
  deps: TenantsDeps,
  caller: Caller,
  identityOrgId: string,
): Promise<MemberView[]> {
  const members = await membersOrNotFound(deps, identityOrgId);
  const own = members.find((member) => member.userId === caller.userId);
  if (!own) throw new NotFoundError('Organization');
  if (own.role === 'admin') return members.map(toMemberView);
  const organization = await deps.identity.organizations.get(identityOrgId);
  if (!organization || kindOf(organization.publicMetadata) !== 'coach_practice')
    return members.map(toMemberView);
  return members
    .filter((member) => member.role === 'admin' || member.userId === caller.userId)
    .map(toMemberView);
}

async function membersOrNotFound(deps: TenantsDeps, identityOrgId: string) {
  try {
    return await deps.identity.organizations.listMembers(identityOrgId);
  } catch (error) {
    // An organization that does not exist answers like one the caller is not in.
    if ((error as { status?: number }).status === 404) throw new NotFoundError('Organization');
    throw error;
  }
}

function memberOrNotFound(members: OrganizationMember[], userId: string): OrganizationMember {
  const member = members.find((candidate) => candidate.userId === userId);
  if (!member) throw new NotFoundError('Member');
  return member;
}

function refuseLosingLastAdmin(members: OrganizationMember[], target: OrganizationMember): void {
  const admins = members.filter((member) => member.role === 'admin');
  if (target.role === 'admin' && admins.length === 1)
    throw new ConflictError(
      'An organization keeps at least one admin: make another member admin first.',
    );
}

/** The provider's events mirror the change too; syncing now makes it visible at once. */
async function mirrorNow(deps: TenantsDeps, userId: string): Promise<void> {
  try {
    await syncUserMemberships(deps, userId);
  } catch (error) {
    deps.log.warn({ err: error }, 'membership not mirrored yet; its event will');
  }
}

export async function changeMemberRole(
  deps: TenantsDeps,
  caller: Caller,
  identityOrgId: string,
  userId: string,
  role: OrganizationRole,
): Promise<MemberView> {
  await requireOrganizationAdmin(deps, caller, identityOrgId);
  const members = await membersOrNotFound(deps, identityOrgId);
  const target = memberOrNotFound(members, userId);
  if (target.role === role) return toMemberView(target);
  if (role !== 'admin') refuseLosingLastAdmin(members, target);
  const updated = await deps.identity.organizations.updateMemberRole({
    organizationId: identityOrgId,
    userId,
    role,
  });
  await recordAudit(deps.db, {
    actor: caller.userId,
    action: 'organization.member.role.set',
    target: `organization:${identityOrgId}/user:${userId}`,
    before: { role: target.role },
    after: { role: updated.role },
  });
  await mirrorNow(deps, userId);
  return toMemberView(updated);
}

export async function removeMember(
  deps: TenantsDeps,
  caller: Caller,
  identityOrgId: string,
  userId: string,
): Promise<void> {
  await requireOrganizationAdmin(deps, caller, identityOrgId);
  const members = await membersOrNotFound(deps, identityOrgId);
  const target = memberOrNotFound(members, userId);
  refuseLosingLastAdmin(members, target);
  await deps.identity.organizations.removeMember({ organizationId: identityOrgId, userId });
  await recordAudit(deps.db, {
    actor: caller.userId,
    action: 'organization.member.remove',
    target: `organization:${identityOrgId}/user:${userId}`,
    before: { role: target.role },
  });
  await mirrorNow(deps, userId);
}

export async function inviteMember(
  deps: TenantsDeps,
  caller: Caller,
  identityOrgId: string,
  input: { email: string; role: OrganizationRole },
): Promise<OrgInvitationView> {
  await requireOrganizationAdmin(deps, caller, identityOrgId);
  const invitation = await deps.identity.organizationInvitations.create({
    organizationId: identityOrgId,
    emailAddress: input.email,
    role: input.role,
    // No redirect: the embedded provider's mail links to /invitations/{id}; Clerk's to its own flow.
    inviterUserId: caller.userId,
  });
  await recordAudit(deps.db, {
    actor: caller.userId,
    action: 'organization.invitation.create',
    target: `organization:${identityOrgId}/invitation:${invitation.id}`,
    after: { email: invitation.emailAddress, role: invitation.role },
  });
  return toOrgInvitationView(invitation);
}

export async function listInvitations(
  deps: TenantsDeps,
  caller: Caller,
  identityOrgId: string,
  status: InvitationStatus,
): Promise<OrgInvitationView[]> {
  await requireOrganizationAdmin(deps, caller, identityOrgId);
  const invitations = await deps.identity.organizationInvitations.list({
    organizationId: identityOrgId,
    status: [status],
  });
  return invitations.map(toOrgInvitationView);
}

export async function revokeInvitation(
  deps: TenantsDeps,
  caller: Caller,
  identityOrgId: string,
  invitationId: string,
): Promise<OrgInvitationView> {
  await requireOrganizationAdmin(deps, caller, identityOrgId);
  // Scoped to the organization: another organization's invitation answers 404.
  const invitation = await deps.identity.organizationInvitations.get({
    organizationId: identityOrgId,
    invitationId,
  });
  if (!invitation) throw new NotFoundError('Invitation');
  const revoked = await deps.identity.organizationInvitations.revoke({
    organizationId: identityOrgId,
    invitationId,
    requestingUserId: caller.userId,
  });
  await recordAudit(deps.db, {
    actor: caller.userId,
    action: 'organization.invitation.revoke',
    target: `organization:${identityOrgId}/invitation:${invitationId}`,
    before: { status: invitation.status },
    after: { status: revoked.status },
  });
  return toOrgInvitationView(revoked);
}
