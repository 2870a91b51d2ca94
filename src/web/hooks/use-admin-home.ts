import { useQuery } from '@tanstack/react-query';
import type { AuditPage } from '../../contract/audit.ts';
import type { CoachingInterestQuery } from '../../contract/coaching-interest.ts';
import type { WaitlistPage } from '../../contract/waitlist.ts';
import { apiRequest } from '../lib/api-client.ts';

/** How many recent audit events the admin home shows. */
export const RECENT_AUDIT_EVENTS = 6;

/**
 * How many waitlist requests wait for a decision: one row asked for, the total read. Under the
 * waitlist's query key, so an approval or rejection made on the waitlist page updates it.
 */
export function usePendingWaitlistCount() {
  return useQuery({
    queryKey: ['admin', 'waitlist', 'pending-count'],
    queryFn: ({ signal }) =>
      apiRequest<WaitlistPage>('/api/v1/admin/waitlist', {
        query: { status: 'pending', page: 1, pageSize: 1 },
        signal,
      }),
    select: (page) => page.totalCount,
    retry: false,
    refetchInterval: 30_000,
  });
}

/** The newest audit events, for the admin home. */
export function useRecentAuditEvents() {
  return useQuery({
    queryKey: ['admin', 'audit-log', 'recent'],
    queryFn: ({ signal }) =>
      apiRequest<AuditPage>('/api/v1/admin/audit-log', {
        query: { page: 1, pageSize: RECENT_AUDIT_EVENTS },
        signal,
      }),
    select: (page) => page.data,
    retry: false,
    refetchInterval: 30_000,
  });
}

/**
 * How many members asked for a coach and wait for a first look (status `new`). Under the coaching
 * interest list's key, so a change made on its pages updates it.
 */
export function useNewCoachingInterestCount() {
  const query: Partial<CoachingInterestQuery> = { status: 'new', page: 1, pageSize: 1 };
  return useQuery({
    queryKey: ['admin', 'coaching-interest', 'list', 'new-count'],
    queryFn: ({ signal }) =>
      apiRequest<{ totalCount: number }>('/api/v1/admin/coaching-interest', { query, signal }),
    select: (list) => list.totalCount,
    retry: false,
    refetchInterval: 30_000,
  });
}
