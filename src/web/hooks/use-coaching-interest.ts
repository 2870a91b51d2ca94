import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type CoachingInterestBody,
  type CoachingInterestPatch,
  type CoachingInterestView,
  type coachingInterestListSchema,
  coachingInterestSchema,
  type matchResultSchema,
  type myCoachingInterestSchema,
} from '../../contract/coaching-interest.ts';
import { ApiRequestError, apiRequest } from '../lib/api-client.ts';
import type { InterestListState } from '../lib/coaching-interest.ts';
import { noRetryOnRefusal } from '../lib/query-retry.ts';
import { ADMIN_PAGE_SIZE } from './use-admin.ts';

/*
 * Seed 001's coaching interest: the member's own submission (`me`), and the admins' list, review
 * and matching (`admin`). Signing out forgets both.
 */

type MyCoachingInterest = z.infer<typeof myCoachingInterestSchema>;
type CoachingInterestList = z.infer<typeof coachingInterestListSchema>;
export type MatchResult = z.infer<typeof matchResultSchema>;

const myInterestKey = ['me', 'coaching-interest'] as const;
const adminInterestKey = ['admin', 'coaching-interest'] as const;
const myInterestPath = '/api/v1/member/coaching-interest/';

/** The member's open submission, or `null`: the page shows it instead of a second form. */
export function useMyCoachingInterest(enabled = true) {
  return useQuery({
    queryKey: myInterestKey,
    queryFn: ({ signal }) => apiRequest<MyCoachingInterest>(myInterestPath, { signal }),
    retry: noRetryOnRefusal,
    enabled,
  });
}

/**
 * Sends the form. A 409 means a submission is open already (sent from another tab): the answer's
 * `existing` takes the form's place, as if it had been read, and the mutation still fails so that
 * the page can say why.
 */
export function useSubmitCoachingInterest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CoachingInterestBody) =>
      apiRequest<CoachingInterestView>(myInterestPath, { method: 'POST', body }),
    onSuccess: (submission) =>
      client.setQueryData<MyCoachingInterest>(myInterestKey, { submission }),
    onError: (error) => {
      if (!(error instanceof ApiRequestError && error.status === 409)) return;
      const existing = coachingInterestSchema.safeParse(error.existing);
      if (existing.success) {
        client.setQueryData<MyCoachingInterest>(myInterestKey, { submission: existing.data });
      } else {
        void client.invalidateQueries({ queryKey: myInterestKey });
      }
    },
  });
}

/* ------------------------------------------------------------------------------------------ */
/* Admin                                                                                       */
/* ------------------------------------------------------------------------------------------ */

export function useCoachingInterestList(state: InterestListState) {
  return useQuery({
    queryKey: [...adminInterestKey, 'list', state],
    queryFn: ({ signal }) =>
      apiRequest<CoachingInterestList>('/api/v1/admin/coaching-interest', {
        query: {
          status: state.status,
          query: state.query.trim(),
          page: state.page,
          pageSize: ADMIN_PAGE_SIZE,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

const submissionPath = (id: string) =>
  `/api/v1/admin/coaching-interest/${encodeURIComponent(id)}` as const;

export function useCoachingInterest(id: string) {
  return useQuery({
    queryKey: [...adminInterestKey, 'one', id],
    queryFn: ({ signal }) => apiRequest<CoachingInterestView>(submissionPath(id), { signal }),
    retry: noRetryOnRefusal,
  });
}

/** The submission as saved replaces the one shown; the lists are read again. */
function useSaved(id: string) {
  const client = useQueryClient();
  return {
    onSuccess: (submission: CoachingInterestView) =>
      client.setQueryData([...adminInterestKey, 'one', id], submission),
    onSettled: () => client.invalidateQueries({ queryKey: [...adminInterestKey, 'list'] }),
  };
}

export function useUpdateCoachingInterest(id: string) {
  const saved = useSaved(id);
  return useMutation({
    mutationFn: (patch: CoachingInterestPatch) =>
      apiRequest<CoachingInterestView>(submissionPath(id), { method: 'PATCH', body: patch }),
    ...saved,
  });
}

/** Matches the member with a listed coach: the answer holds the relationship it started. */
export function useMatchCoachingInterest(id: string) {
  const saved = useSaved(id);
  return useMutation({
    mutationFn: (coachUserId: string) =>
      apiRequest<MatchResult>(`${submissionPath(id)}/match`, {
        method: 'POST',
        body: { coachUserId },
      }),
    onSuccess: (result: MatchResult) => saved.onSuccess(result.submission),
    onSettled: saved.onSettled,
  });
}
