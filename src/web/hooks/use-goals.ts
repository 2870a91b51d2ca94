import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CheckInBody,
  CheckInView,
  CoachClientGoalList,
  CreateGoalBody,
  GoalList,
  GoalView,
  goalCommentListSchema,
  goalCommentSchema,
  ProposeGoalBody,
  UpdateGoalBody,
} from '../../contract/goals.ts';
import { apiRequest } from '../lib/api-client.ts';
import { noRetryOnRefusal } from '../lib/query-retry.ts';

/*
 * The client's goals, and a coach's view of a client's shared goals through their relationship.
 * Every key starts with `me` (what this person may see), which signing out forgets. After any
 * change the goal, its list and its history are read again: progress and momentum are computed
 * by the server on read, never here.
 */

export type GoalComment = z.infer<typeof goalCommentSchema>;
type CommentList = z.infer<typeof goalCommentListSchema>;
type CheckInList = { data: CheckInView[] };

const goalsKey = ['me', 'goals'] as const;
const sharedGoalsKey = ['me', 'shared-goals'] as const;

type ApiPath = `/api/v1/${string}`;
const goalPath = (id: string): ApiPath => `/api/v1/goals/${encodeURIComponent(id)}`;
const sharedPath = (relationshipId: string, goalId?: string): ApiPath =>
  `/api/v1/relationships/${encodeURIComponent(relationshipId)}/goals${goalId ? `/${encodeURIComponent(goalId)}` : ''}`;

/** Where a goal is read from: the client's own, or a coach's through a relationship. */
export type GoalSource = { kind: 'own' } | { kind: 'shared'; relationshipId: string };

const basePath = (source: GoalSource, goalId: string): ApiPath =>
  source.kind === 'own' ? goalPath(goalId) : sharedPath(source.relationshipId, goalId);
const baseKey = (source: GoalSource) =>
  source.kind === 'own' ? goalsKey : ([...sharedGoalsKey, source.relationshipId] as const);

/** The client's goals (all statuses), with the focus limit. */
export function useGoals() {
  return useQuery({
    queryKey: [...goalsKey, 'list'],
    queryFn: ({ signal }) => apiRequest<GoalList>('/api/v1/goals', { signal }),
    retry: noRetryOnRefusal,
  });
}

/** One goal, the client's own or a shared one. */
export function useGoal(source: GoalSource, goalId: string) {
  return useQuery({
    queryKey: [...baseKey(source), 'one', goalId],
    queryFn: ({ signal }) => apiRequest<GoalView>(basePath(source, goalId), { signal }),
    retry: noRetryOnRefusal,
  });
}

/** A goal's check-ins, oldest first, each with the progress after it. */
export function useCheckIns(source: GoalSource, goalId: string, enabled = true) {
  return useQuery({
    queryKey: [...baseKey(source), 'check-ins', goalId],
    queryFn: ({ signal }) =>
      apiRequest<CheckInList>(`${basePath(source, goalId)}/check-ins`, { signal }),
    retry: noRetryOnRefusal,
    enabled,
  });
}

export function useGoalComments(source: GoalSource, goalId: string, enabled = true) {
  return useQuery({
    queryKey: [...baseKey(source), 'comments', goalId],
    queryFn: ({ signal }) =>
      apiRequest<CommentList>(`${basePath(source, goalId)}/comments`, { signal }),
    retry: noRetryOnRefusal,
    enabled,
  });
}

export function useAddComment(source: GoalSource, goalId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      apiRequest<GoalComment>(`${basePath(source, goalId)}/comments`, {
        method: 'POST',
        body: { body },
      }),
    onSettled: () =>
      client.invalidateQueries({ queryKey: [...baseKey(source), 'comments', goalId] }),
  });
}

function useRefreshGoals() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: goalsKey });
}

/** A new goal of the client's; starting it past the focus limit answers 409 (see focus-swap). */
export function useCreateGoal() {
  const refresh = useRefreshGoals();
  return useMutation({
    mutationFn: (body: CreateGoalBody) =>
      apiRequest<GoalView>('/api/v1/goals', { method: 'POST', body }),
    onSettled: refresh,
  });
}

/** Fields, sharing or status (accepting or declining a proposal too). */
export function useUpdateGoal() {
  const client = useQueryClient();
  const refresh = useRefreshGoals();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateGoalBody }) =>
      apiRequest<GoalView>(goalPath(id), { method: 'PATCH', body }),
    onSuccess: (goal) => client.setQueryData([...goalsKey, 'one', goal.id], goal),
    onSettled: refresh,
  });
}

export function useCheckIn(goalId: string) {
  const refresh = useRefreshGoals();
  return useMutation({
    mutationFn: (body: CheckInBody) =>
      apiRequest<CheckInView>(`${goalPath(goalId)}/check-ins`, { method: 'POST', body }),
    onSettled: refresh,
  });
}

/* ------------------------------------------------------------------------------------------ */
/* A coach's view                                                                              */
/* ------------------------------------------------------------------------------------------ */

const sharedListQuery = (relationshipId: string) => ({
  queryKey: [...sharedGoalsKey, relationshipId, 'list'],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    apiRequest<GoalList>(sharedPath(relationshipId), { signal }),
  retry: noRetryOnRefusal,
});

/** The goals a client shares with their coach (404 unless the relationship is active). */
export function useSharedGoals(relationshipId: string) {
  return useQuery(sharedListQuery(relationshipId));
}

/** A coach proposes a goal; the client accepts, edits or declines it. */
export function useProposeGoal(relationshipId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProposeGoalBody) =>
      apiRequest<GoalView>(sharedPath(relationshipId), { method: 'POST', body }),
    onSettled: () => client.invalidateQueries({ queryKey: [...sharedGoalsKey, relationshipId] }),
  });
}

/**
 * The goals in progress that the coach's active clients share, stalled first, then needing
 * attention, then on track: one request for the attention list and every row of My clients.
 */
export function useCoachClientGoals() {
  return useQuery({
    queryKey: [...sharedGoalsKey, 'across-clients'],
    queryFn: ({ signal }) =>
      apiRequest<CoachClientGoalList>('/api/v1/relationships/coach/goals', { signal }),
    retry: noRetryOnRefusal,
  });
}
