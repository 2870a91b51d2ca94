import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type {
  AcceptSuggestionBody,
  DiscoveryAnswers,
  DiscoveryView,
  SuggestionRun,
  SuggestionView,
} from '../../contract/goal-suggestions.ts';
import type { GoalView } from '../../contract/goals.ts';
import { apiRequest } from '../lib/api-client.ts';
import {
  GENERATION_POLL_MS,
  GENERATION_WAIT_MS,
  type Generation,
  isGenerating,
  queueSignature,
} from '../lib/goal-discovery.ts';
import { noRetryOnRefusal } from '../lib/query-retry.ts';

/*
 * The discovery questionnaire and the suggestion queue of the signed-in client. Finishing the
 * questionnaire (or asking again) queues a run on the server; the queue is then read again every
 * 1.5 s until it changes or 45 s have passed (the API says when a run is queued, not when it ends).
 * The request's time is kept in the query cache, so the questionnaire and /goals both know.
 */

const discoveryKey = ['me', 'goal-discovery'] as const;
const suggestionsKey = ['me', 'goal-suggestions'] as const;
const pendingKey = [...suggestionsKey, 'pending'] as const;
const generationKey = [...suggestionsKey, 'generation'] as const;
const goalsKey = ['me', 'goals'] as const;

type SuggestionList = { data: SuggestionView[]; lastRun: SuggestionRun | null };

export function useDiscovery() {
  return useQuery({
    queryKey: discoveryKey,
    queryFn: ({ signal }) => apiRequest<DiscoveryView>('/api/v1/goals/discovery', { signal }),
    retry: noRetryOnRefusal,
    // Answers being typed are the page's; the server's copy is not read again on focus.
    refetchOnWindowFocus: false,
  });
}

/** Saves answers (only those that changed: the server merges them) and the sharing choice. */
export function useSaveDiscovery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { answers: DiscoveryAnswers; sharedWithCoaches?: boolean }) =>
      apiRequest<DiscoveryView>('/api/v1/goals/discovery', { method: 'PUT', body }),
    onSuccess: (discovery) => client.setQueryData(discoveryKey, discovery),
  });
}

/** Remembers that suggestions were asked for, and what the queue held then. */
function useMarkGeneration() {
  const client = useQueryClient();
  return () => {
    const list = client.getQueryData<SuggestionList>(pendingKey);
    client.setQueryData<Generation>(generationKey, {
      since: Date.now(),
      before: queueSignature(list?.data),
      lastRunAt: list ? (list.lastRun?.finishedAt ?? null) : undefined,
    });
    void client.invalidateQueries({ queryKey: pendingKey });
  };
}

export function useCompleteDiscovery() {
  const client = useQueryClient();
  const mark = useMarkGeneration();
  return useMutation({
    mutationFn: () =>
      apiRequest<DiscoveryView>('/api/v1/goals/discovery/complete', { method: 'POST' }),
    onSuccess: (discovery) => {
      client.setQueryData(discoveryKey, discovery);
      mark();
    },
  });
}

export function useGenerateSuggestions() {
  const mark = useMarkGeneration();
  return useMutation({
    mutationFn: () => apiRequest<null>('/api/v1/goals/suggestions/generate', { method: 'POST' }),
    onSuccess: mark,
  });
}

/**
 * The pending suggestions, and whether a run asked for is still awaited (`generating`): read
 * again until it is not.
 */
export function usePendingSuggestions() {
  const client = useQueryClient();
  const generation = useQuery({
    queryKey: generationKey,
    queryFn: () => client.getQueryData<Generation>(generationKey) ?? null,
    initialData: null,
    staleTime: Number.POSITIVE_INFINITY,
  }).data;
  const list = useQuery({
    queryKey: pendingKey,
    queryFn: ({ signal }) =>
      apiRequest<SuggestionList>('/api/v1/goals/suggestions', {
        query: { status: 'pending' },
        signal,
      }),
    retry: noRetryOnRefusal,
    refetchInterval: (query) =>
      isGenerating(generation, query.state.data, Date.now()) ? GENERATION_POLL_MS : false,
  });
  const generating = isGenerating(generation, list.data, Date.now());
  // Once the time is up, the page must learn it even if no answer arrives to render it again.
  const [, setExpired] = useState(0);
  useEffect(() => {
    if (!generating || !generation) return;
    const left = generation.since + GENERATION_WAIT_MS - Date.now();
    const timer = setTimeout(() => setExpired((count) => count + 1), Math.max(0, left) + 50);
    return () => clearTimeout(timer);
  }, [generating, generation]);
  return { list, generating, asked: generation !== null };
}

function useRefreshSuggestions() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: suggestionsKey }),
      client.invalidateQueries({ queryKey: goalsKey }),
    ]);
}

/** Makes a suggestion a goal, as it is or edited (409 once it was decided elsewhere). */
export function useAcceptSuggestion() {
  const refresh = useRefreshSuggestions();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AcceptSuggestionBody }) =>
      apiRequest<{ suggestion: SuggestionView; goal: GoalView }>(
        `/api/v1/goals/suggestions/${encodeURIComponent(id)}/accept`,
        { method: 'POST', body },
      ),
    onSettled: refresh,
  });
}

export function useDismissSuggestion() {
  const refresh = useRefreshSuggestions();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<SuggestionView>(`/api/v1/goals/suggestions/${encodeURIComponent(id)}/dismiss`, {
        method: 'POST',
      }),
    onSettled: refresh,
  });
}
