import type {
  MemberView,
  OrgInvitationView,
  TenantKind,
  TenantView,
} from '../../../contract/tenants.ts';
import type { OrganizationInvitation, OrganizationMember } from '../../identity/port.ts';
import type { Tenant } from './schema.ts';

export function toTenantView(
  tenant: Tenant,
  role: 'admin' | 'member' | null,
  primaryOrganizationId: string | null,
): TenantView {
  return {
    id: tenant.id,
    identityOrgId: tenant.identityOrgId,
    name: tenant.name,
    slug: tenant.slug,
    kind: tenant.kind as TenantKind,
    metadata: tenant.metadata,
    role,
    isPrimary: tenant.identityOrgId !== null && tenant.identityOrgId === primaryOrganizationId,
    createdAt: tenant.createdAt.toISOString(),
    updatedAt: tenant.updatedAt.toISOString(),
    syncedAt: tenant.syncedAt?.toISOString() ?? null,
    deletedAt: tenant.deletedAt?.toISOString() ?? null,
  };
}

export function toMemberView(member: OrganizationMember): MemberView {
  return {
    userId: member.userId,
    email: member.email,
    firstName: member.firstName,
    lastName: member.lastName,
    role: member.role,
    joinedAt: member.createdAt.toISOString(),
  };
}

export function toOrgInvitationView(invitation: OrganizationInvitation): OrgInvitationView {
  return {
    id: invitation.id,
    identityOrgId: invitation.organizationId,
    email: invitation.emailAddress,
    role: invitation.role,
    status: invitation.status,
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}
