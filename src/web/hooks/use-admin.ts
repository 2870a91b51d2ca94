import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditPage } from '../../contract/audit.ts';
import type { OutboxList } from '../../contract/mail.ts';
import type { Role, User, UserList } from '../../contract/users.ts';
import type { AuditListState, OutboxListState, UsersListState } from '../lib/admin-lists.ts';
import { apiRequest } from '../lib/api-client.ts';
import { dayEndIso, dayStartIso } from '../lib/audit.ts';
import { sessionQueryKey } from './use-session.ts';

/** Rows on a page of every admin list. */
export const ADMIN_PAGE_SIZE = 20;

export function useUserList(state: UsersListState) {
  return useQuery({
    queryKey: ['admin', 'users', state],
    queryFn: ({ signal }) =>
      apiRequest<UserList>('/api/v1/admin/users', {
        query: {
          query: state.query.trim(),
          role: state.role,
          page: state.page,
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

export function useOutbox(state: OutboxListState) {
  return useQuery({
    queryKey: ['admin', 'outbox', state],
    queryFn: ({ signal }) =>
      apiRequest<OutboxList>('/api/v1/admin/outbox', {
        query: { to: state.to.trim(), page: state.page, pageSize: ADMIN_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
    retry: false,
    // New mail arrives while the page is open (someone is signing up right now).
    refetchInterval: 10_000,
  });
}

/**
 * The audit log, newest first, paged without a total: `hasMore` says whether there is more, and
 * `lastPage` where the end is when a page is past it. Days are the reader's own: from the start
 * of `from` to the end of `until`.
 */
export function useAuditLog(state: AuditListState) {
  return useQuery({
    queryKey: ['admin', 'audit-log', state],
    queryFn: ({ signal }) =>
      apiRequest<AuditPage>('/api/v1/admin/audit-log', {
        query: {
          who: state.who.trim(),
          action: state.action.trim(),
          target: state.target.trim(),
          from: state.from ? dayStartIso(state.from) : undefined,
          until: state.until ? dayEndIso(state.until) : undefined,
          page: state.page,
          pageSize: ADMIN_PAGE_SIZE,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}
