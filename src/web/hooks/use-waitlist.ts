import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BulkResult,
  ImportReport,
  RegistryBackup,
  WaitlistEntryView,
  WaitlistPage,
} from '../../contract/waitlist.ts';
import type { ApprovedUsersListState, WaitlistListState } from '../lib/admin-lists.ts';
import { apiDownload, apiRequest } from '../lib/api-client.ts';
import { saveFile } from '../lib/download.ts';
import type { ImportPayload, WaitlistRole } from '../lib/waitlist.ts';
import { ADMIN_PAGE_SIZE } from './use-admin.ts';

/* ------------------------------------------------------------------------------------------ */
/* Admin: the waitlist                                                                         */
/* ------------------------------------------------------------------------------------------ */

const waitlistKey = ['admin', 'waitlist'] as const;
const approvedUsersKey = ['admin', 'approved-users'] as const;

export function useWaitlist(params: WaitlistListState) {
  return useQuery({
    queryKey: [...waitlistKey, params],
    queryFn: ({ signal }) =>
      apiRequest<WaitlistPage>('/api/v1/admin/waitlist', {
        query: {
          status: params.status,
          role: params.role,
          query: params.query.trim(),
          sort: params.sort,
          order: params.order,
          page: params.page,
          pageSize: ADMIN_PAGE_SIZE,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export type WaitlistDecision =
  | { kind: 'approve'; ids: string[]; role: WaitlistRole; notes: string }
  | { kind: 'reject'; ids: string[]; notes: string };

/** Approves or rejects entries in bulk; the answer says what happened to each. */
export function useWaitlistDecision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (decision: WaitlistDecision) => {
      const notes = decision.notes.trim();
      return apiRequest<BulkResult>(`/api/v1/admin/waitlist/${decision.kind}`, {
        method: 'POST',
        body: {
          ids: decision.ids,
          ...(decision.kind === 'approve' ? { role: decision.role } : {}),
          ...(notes ? { notes } : {}),
        },
      });
    },
    onSettled: () => invalidateRegistry(client),
  });
}

function invalidateRegistry(client: ReturnType<typeof useQueryClient>) {
  return Promise.all([
    client.invalidateQueries({ queryKey: waitlistKey }),
    client.invalidateQueries({ queryKey: approvedUsersKey }),
    client.invalidateQueries({ queryKey: ['admin', 'audit-log'] }),
  ]);
}

/* ------------------------------------------------------------------------------------------ */
/* Admin: approved users                                                                       */
/* ------------------------------------------------------------------------------------------ */

export function useApprovedUsers(params: ApprovedUsersListState) {
  return useQuery({
    queryKey: [...approvedUsersKey, params],
    queryFn: ({ signal }) =>
      apiRequest<WaitlistPage>('/api/v1/admin/approved-users', {
        query: {
          role: params.role,
          query: params.query.trim(),
          page: params.page,
          pageSize: ADMIN_PAGE_SIZE,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

const approvedUserPath = (email: string) =>
  `/api/v1/admin/approved-users/${encodeURIComponent(email)}` as const;

export type ApprovedUserInput = { email: string; role: WaitlistRole; name: string; notes: string };

export function useAddApprovedUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApprovedUserInput) => {
      const name = input.name.trim();
      const notes = input.notes.trim();
      return apiRequest<WaitlistEntryView>('/api/v1/admin/approved-users', {
        method: 'POST',
        body: {
          email: input.email.trim(),
          role: input.role,
          ...(name ? { name } : {}),
          ...(notes ? { notes } : {}),
        },
      });
    },
    onSettled: () => invalidateRegistry(client),
  });
}

export function useUpdateApprovedUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { email: string; role: WaitlistRole; notes: string }) =>
      apiRequest<WaitlistEntryView>(approvedUserPath(change.email), {
        method: 'PUT',
        body: { role: change.role, notes: change.notes.trim() || null },
      }),
    onSettled: () => invalidateRegistry(client),
  });
}

export function useRemoveApprovedUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (email: string) => apiRequest<void>(approvedUserPath(email), { method: 'DELETE' }),
    onSettled: () => invalidateRegistry(client),
  });
}

export type ImportMode = 'all-or-nothing' | 'valid-only';

export type ImportRequest = {
  payload: ImportPayload;
  mode: ImportMode;
  dryRun: boolean;
  notify: boolean;
};

/** A dry run (the preview) or the import itself; both answer with the per-row report. */
export function useImportApprovedUsers() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ payload, mode, dryRun, notify }: ImportRequest) =>
      apiRequest<ImportReport>('/api/v1/admin/approved-users/bulk', {
        method: 'POST',
        query: { mode, dryRun, notify },
        ...(payload.kind === 'csv'
          ? { rawBody: { contentType: 'text/csv', content: payload.content } }
          : { body: payload.body }),
      }),
    onSettled: (report) => (report?.applied ? invalidateRegistry(client) : undefined),
  });
}

/** Replaces the whole registry with a backup document. */
export function useRestoreRegistry() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (backup: RegistryBackup) =>
      apiRequest<{ restored: number; replaced: number }>('/api/v1/admin/approved-users/restore', {
        method: 'POST',
        body: backup,
      }),
    onSettled: () => invalidateRegistry(client),
  });
}

export type RegistryDownload = 'csv' | 'json' | 'backup';

/** Exports (CSV or JSON) and the backup: fetched with the token, then saved as a file. */
export function useRegistryDownload() {
  return useMutation({
    mutationFn: async (kind: RegistryDownload) => {
      const file =
        kind === 'backup'
          ? await apiDownload('/api/v1/admin/approved-users/backup', {
              fallbackFilename: 'waitlist-registry-backup.json',
            })
          : await apiDownload('/api/v1/admin/approved-users/export', {
              query: { format: kind },
              fallbackFilename: `approved-users.${kind}`,
            });
      saveFile(file);
      return file.filename;
    },
  });
}
