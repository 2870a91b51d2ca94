import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ConnectionRequestBody,
  coachDirectorySchema,
  InviteClientBody,
  memberRelationshipListSchema,
  RelationshipAction,
  RelationshipList,
  RelationshipView,
  SessionSettings,
} from '../../contract/relationships.ts';
import { apiRequest, apiRequestWithStatus } from '../lib/api-client.ts';
import { noRetryOnRefusal } from '../lib/query-retry.ts';
import {
  actionRequest,
  type CoachClientsListState,
  type CoachDirectoryState,
  RELATIONSHIP_PAGE_SIZE,
  relationshipListQuery,
} from '../lib/relationships.ts';
import {
  SESSION_SETTINGS_PATH,
  sessionSettingsKey,
  sessionSettingsMutation,
} from '../lib/session-settings.ts';

/*
 * Coaching relationships from either side, the coach directory and the member's session settings.
 * Every key starts with `me` (what this person may see), which signing out forgets.
 */

type CoachDirectory = z.infer<typeof coachDirectorySchema>;
type MemberRelationshipList = z.infer<typeof memberRelationshipListSchema>;

const relationshipsKey = ['me', 'relationships'] as const;
const memberRelationshipsKey = [...relationshipsKey, 'member'] as const;
const coachRelationshipsKey = [...relationshipsKey, 'coach'] as const;

/** The member's relationships, pending invitations to them included. */
export function useMemberRelationships(enabled = true) {
  return useQuery({
    queryKey: memberRelationshipsKey,
    queryFn: ({ signal }) =>
      apiRequest<MemberRelationshipList>('/api/v1/member/coaching-relationships/', { signal }),
    retry: noRetryOnRefusal,
    enabled,
  });
}

/**
 * One relationship, for an admin who asks to see it (the server audits each read, so it is read
 * only when asked for).
 */
export function useRelationship(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['admin', 'relationships', id],
    queryFn: ({ signal }) =>
      apiRequest<RelationshipView>(`/api/v1/relationships/${encodeURIComponent(id)}`, { signal }),
    retry: noRetryOnRefusal,
    enabled,
  });
}

/** One relationship the caller is a party to (a coach's view of one client). */
export function useOwnRelationship(id: string) {
  return useQuery({
    queryKey: [...relationshipsKey, 'one', id],
    queryFn: ({ signal }) =>
      apiRequest<RelationshipView>(`/api/v1/relationships/${encodeURIComponent(id)}`, { signal }),
    retry: noRetryOnRefusal,
  });
}

/** One page of the coach's relationships, with the count of each status. */
export function useCoachRelationships(state: CoachClientsListState) {
  return useQuery({
    queryKey: [...coachRelationshipsKey, state],
    queryFn: ({ signal }) =>
      apiRequest<RelationshipList>('/api/v1/relationships/coach', {
        query: relationshipListQuery(state),
        signal,
      }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/**
 * Pending relationships the coach is to answer (clients who asked): the first hundred pending
 * ones, whatever the list below shows, kept to those the coach may accept.
 */
export function useRequestsToAnswer() {
  return useQuery({
    queryKey: [...coachRelationshipsKey, 'to-answer'],
    queryFn: ({ signal }) =>
      apiRequest<RelationshipList>('/api/v1/relationships/coach', {
        query: { status: 'pending', origin: 'request', page: 1, pageSize: 100 },
        signal,
      }),
    select: (list) =>
      list.data.filter((relationship) => relationship.allowedActions.includes('accept')),
    retry: noRetryOnRefusal,
  });
}

/** Listed coaches, for a client to ask and for an admin to match. */
export function useCoachDirectory(state: CoachDirectoryState, enabled = true) {
  return useQuery({
    queryKey: ['me', 'coach-directory', state],
    queryFn: ({ signal }) =>
      apiRequest<CoachDirectory>('/api/v1/coaches', {
        query: {
          specialty: state.specialty.trim(),
          query: state.query.trim(),
          page: state.page,
          pageSize: RELATIONSHIP_PAGE_SIZE,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
    retry: false,
    enabled,
  });
}

function useRefreshRelationships() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: relationshipsKey });
}

export type RelationshipActionInput = {
  relationship: RelationshipView;
  action: RelationshipAction;
};

/** Accept, decline, revoke, pause, resume or complete: whichever `allowedActions` offered. */
export function useRelationshipAction() {
  const refresh = useRefreshRelationships();
  return useMutation({
    mutationFn: ({ relationship, action }: RelationshipActionInput) => {
      const request = actionRequest(relationship.id, action);
      return apiRequest<RelationshipView>(request.path, {
        method: request.method,
        body: request.body,
      });
    },
    onSettled: refresh,
  });
}

/** A coach invites a client by email; `created` is false when an open invitation was there. */
export function useInviteClient() {
  const refresh = useRefreshRelationships();
  return useMutation({
    mutationFn: async (body: InviteClientBody) => {
      const answer = await apiRequestWithStatus<RelationshipView>('/api/v1/relationships/invite', {
        method: 'POST',
        body,
      });
      return { relationship: answer.body, created: answer.status === 201 };
    },
    onSettled: refresh,
  });
}

/** A client asks a listed coach to work with them. */
export function useRequestCoach() {
  const refresh = useRefreshRelationships();
  return useMutation({
    mutationFn: (body: ConnectionRequestBody) =>
      apiRequest<RelationshipView>('/api/v1/relationships/request', { method: 'POST', body }),
    onSettled: refresh,
  });
}

/* ------------------------------------------------------------------------------------------ */
/* Session settings (seed 001)                                                                 */
/* ------------------------------------------------------------------------------------------ */

export function useSessionSettings() {
  return useQuery({
    queryKey: sessionSettingsKey,
    queryFn: ({ signal }) => apiRequest<SessionSettings>(SESSION_SETTINGS_PATH, { signal }),
    retry: noRetryOnRefusal,
  });
}

/**
 * Saves a setting optimistically (lib/session-settings.ts): the toggle moves at once; if the
 * server refuses, the value before is put back and `onError` (given to `mutate`) says so.
 */
export function useUpdateSessionSettings() {
  return useMutation(sessionSettingsMutation(useQueryClient()));
}
