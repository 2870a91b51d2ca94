import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditPage } from '../../contract/audit.ts';
import type { OutboxList } from '../../contract/mail.ts';
import type { Role, User, UserList } from '../../contract/users.ts';
import { apiRequest } from '../lib/api-client.ts';
import { sessionQueryKey } from './use-session.ts';

export const ADMIN_PAGE_SIZE = 20;

export type UserListParams = { query: string; role: Role | ''; page: number };

export function useUserList(params: UserListParams) {
  return useQuery({
    queryKey: ['admin', 'users', params],
    queryFn: ({ signal }) =>
      apiRequest<UserList>('/api/v1/admin/users', {
        query: {
          query: params.query.trim(),
          role: params.role,
          page: params.page,
          pageSize: ADMIN_PAGE_SIZE,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export type UserAction =
  | { kind: 'role'; user: User; role: Exclude<Role, 'pending'> }
  | { kind: 'ban'; user: User }
  | { kind: 'unban'; user: User };

/** Changes a role, bans or unbans; the list and (if it was you) your own session are re-read. */
export function useUserAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: UserAction) => {
      const path = `/api/v1/admin/users/${encodeURIComponent(action.user.id)}` as const;
      if (action.kind === 'role') {
        return apiRequest<User>(`${path}/role`, { method: 'PUT', body: { role: action.role } });
      }
      return apiRequest<User>(`${path}/${action.kind}`, { method: 'POST', body: {} });
    },
    onSettled: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['admin', 'users'] }),
        client.invalidateQueries({ queryKey: ['admin', 'audit-log'] }),
        client.invalidateQueries({ queryKey: sessionQueryKey }),
      ]);
    },
  });
}

export type OutboxParams = { to: string; page: number };

export function useOutbox(params: OutboxParams) {
  return useQuery({
    queryKey: ['admin', 'outbox', params],
    queryFn: ({ signal }) =>
      apiRequest<OutboxList>('/api/v1/admin/outbox', {
        query: { to: params.to.trim(), page: params.page, pageSize: ADMIN_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
    retry: false,
    // New mail arrives while the page is open (someone is signing up right now).
    refetchInterval: 10_000,
  });
}

export type AuditLogParams = {
  actor: string;
  action: string;
  target: string;
  /** ISO instants (a day's start; `until` exclusive). */
  from: string | undefined;
  until: string | undefined;
  page: number;
};

/** The audit log, newest first, paged without a total: `hasMore` says whether there is more. */
export function useAuditLog(params: AuditLogParams) {
  return useQuery({
    queryKey: ['admin', 'audit-log', params],
    queryFn: ({ signal }) =>
      apiRequest<AuditPage>('/api/v1/admin/audit-log', {
        query: {
          actor: params.actor.trim(),
          action: params.action.trim(),
          target: params.target.trim(),
          from: params.from,
          until: params.until,
          page: params.page,
          pageSize: ADMIN_PAGE_SIZE,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}
