import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateTenantBody,
  MemberView,
  metadataPatchSchema,
  OrgInvitationView,
  ReceivedInvitation,
  TenantList,
  TenantView,
} from '../../contract/tenants.ts';
import { apiRequest } from '../lib/api-client.ts';
import type { OrganizationRole } from '../lib/organizations.ts';
import { noRetryOnRefusal } from '../lib/query-retry.ts';

/*
 * The signed-in person's organizations, one organization's members and invitations, and the
 * invitations addressed to them. Every key starts with `me` or `organization`, which signing out
 * forgets (use-session.ts).
 */

export type MetadataPatch = z.input<typeof metadataPatchSchema>;

export const myOrganizationsKey = ['me', 'organizations'] as const;
export const receivedInvitationsKey = ['me', 'invitations'] as const;
const organizationKey = (id: string) => ['organization', id] as const;

/**
 * The person's organizations, primary first. `sync` asks the server to read them from the identity
 * provider first (pages); without it the server answers from its mirror (the header, on every page).
 */
export function useMyOrganizations(options: { sync?: boolean; enabled?: boolean } = {}) {
  const sync = options.sync ?? true;
  return useQuery({
    queryKey: [...myOrganizationsKey, { sync }],
    queryFn: ({ signal }) =>
      apiRequest<TenantList>('/api/v1/tenants/me/get-tenants', {
        query: { sync_from_clerk: String(sync) },
        signal,
      }),
    staleTime: sync ? 5_000 : 60_000,
    retry: noRetryOnRefusal,
    enabled: options.enabled ?? true,
  });
}

export function useOrganization(identityOrgId: string) {
  return useQuery({
    queryKey: [...organizationKey(identityOrgId), 'tenant'],
    queryFn: ({ signal }) =>
      apiRequest<TenantView>(`/api/v1/tenants/${encodeURIComponent(identityOrgId)}`, { signal }),
    retry: noRetryOnRefusal,
  });
}

export function useOrganizationMembers(identityOrgId: string, enabled = true) {
  return useQuery({
    queryKey: [...organizationKey(identityOrgId), 'members'],
    queryFn: ({ signal }) =>
      apiRequest<{ data: MemberView[] }>(
        `/api/v1/tenants/${encodeURIComponent(identityOrgId)}/members`,
        { signal },
      ),
    retry: noRetryOnRefusal,
    enabled,
  });
}

/** Pending invitations: organization admins only (others get 403, so it is not asked). */
export function useOrganizationInvitations(identityOrgId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...organizationKey(identityOrgId), 'invitations'],
    queryFn: ({ signal }) =>
      apiRequest<{ data: OrgInvitationView[] }>(
        `/api/v1/tenants/${encodeURIComponent(identityOrgId)}/invitations`,
        { query: { status: 'pending' }, signal },
      ),
    retry: noRetryOnRefusal,
    enabled,
  });
}

/** Everything about one organization, and the person's list, read again after a change. */
function useRefreshOrganization(identityOrgId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: organizationKey(identityOrgId) }),
      client.invalidateQueries({ queryKey: myOrganizationsKey }),
    ]);
}

export function useUpdateMetadata(identityOrgId: string) {
  const refresh = useRefreshOrganization(identityOrgId);
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: MetadataPatch) =>
      apiRequest<TenantView>(`/api/v1/tenants/${encodeURIComponent(identityOrgId)}/metadata`, {
        method: 'PATCH',
        body: patch,
      }),
    onSuccess: (tenant) =>
      client.setQueryData([...organizationKey(identityOrgId), 'tenant'], tenant),
    onSettled: refresh,
  });
}

export function useInviteMember(identityOrgId: string) {
  const refresh = useRefreshOrganization(identityOrgId);
  return useMutation({
    mutationFn: (body: { email: string; role: OrganizationRole }) =>
      apiRequest<OrgInvitationView>(
        `/api/v1/tenants/${encodeURIComponent(identityOrgId)}/invitations`,
        { method: 'POST', body },
      ),
    onSettled: refresh,
  });
}

export function useRevokeInvitation(identityOrgId: string) {
  const refresh = useRefreshOrganization(identityOrgId);
  return useMutation({
    mutationFn: (invitation: OrgInvitationView) =>
      apiRequest<OrgInvitationView>(
        `/api/v1/tenants/${encodeURIComponent(identityOrgId)}/invitations/${encodeURIComponent(invitation.id)}/revoke`,
        { method: 'POST', body: {} },
      ),
    onSettled: refresh,
  });
}

export type MemberChange =
  | { kind: 'role'; member: MemberView; role: OrganizationRole }
  | { kind: 'remove'; member: MemberView };

export function useChangeMember(identityOrgId: string) {
  const refresh = useRefreshOrganization(identityOrgId);
  return useMutation({
    mutationFn: (change: MemberChange) => {
      const path =
        `/api/v1/tenants/${encodeURIComponent(identityOrgId)}/members/${encodeURIComponent(change.member.userId)}` as const;
      if (change.kind === 'role') {
        return apiRequest<MemberView>(`${path}/role`, {
          method: 'PUT',
          body: { role: change.role },
        });
      }
      return apiRequest<null>(path, { method: 'DELETE' });
    },
    onSettled: refresh,
  });
}

export function useCreateOrganization() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTenantBody) =>
      apiRequest<TenantView>('/api/v1/tenants/create', { method: 'POST', body }),
    onSettled: () => client.invalidateQueries({ queryKey: myOrganizationsKey }),
  });
}

/** The organization invitations addressed to the person's verified email (pending ones). */
export function useReceivedInvitations(enabled = true) {
  return useQuery({
    queryKey: receivedInvitationsKey,
    queryFn: ({ signal }) =>
      apiRequest<{ data: ReceivedInvitation[] }>('/api/v1/invitations', {
        query: { status: 'pending' },
        signal,
      }),
    retry: noRetryOnRefusal,
    enabled,
  });
}

export function useReceivedInvitation(invitationId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...receivedInvitationsKey, invitationId],
    queryFn: ({ signal }) =>
      apiRequest<ReceivedInvitation>(`/api/v1/invitations/${encodeURIComponent(invitationId)}`, {
        signal,
      }),
    retry: noRetryOnRefusal,
    enabled,
  });
}

export function useAnswerInvitation(invitationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (
      answer: 'accept' | 'decline',
    ): Promise<{ answer: 'accept'; tenant: TenantView } | { answer: 'decline' }> => {
      const path = `/api/v1/invitations/${encodeURIComponent(invitationId)}/${answer}` as const;
      if (answer === 'accept') {
        const { tenant } = await apiRequest<{ tenant: TenantView }>(path, {
          method: 'POST',
          body: {},
        });
        return { answer, tenant };
      }
      await apiRequest<ReceivedInvitation>(path, { method: 'POST', body: {} });
      return { answer };
    },
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: receivedInvitationsKey }),
        client.invalidateQueries({ queryKey: myOrganizationsKey }),
      ]),
  });
}
