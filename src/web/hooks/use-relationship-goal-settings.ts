import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AiPrivacy, AiPrivacyLevel, DiscoveryView } from '../../contract/goal-suggestions.ts';
import { apiRequest } from '../lib/api-client.ts';
import { noRetryOnRefusal } from '../lib/query-retry.ts';

/*
 * What a relationship's two sides see about goal suggestions: each side's AI privacy level and the
 * one in effect, and, for the coach, the client's discovery questionnaire when the client shares it
 * (404 otherwise). Keys start with `me`, which signing out forgets.
 */

const privacyKey = (relationshipId: string) => ['me', 'ai-privacy', relationshipId] as const;
const privacyPath = (relationshipId: string) =>
  `/api/v1/relationships/${encodeURIComponent(relationshipId)}/ai-privacy` as const;

export function useAiPrivacy(relationshipId: string) {
  return useQuery({
    queryKey: privacyKey(relationshipId),
    queryFn: ({ signal }) => apiRequest<AiPrivacy>(privacyPath(relationshipId), { signal }),
    retry: noRetryOnRefusal,
  });
}

/** Sets the caller's own side; the answer carries both sides and the effective level. */
export function useSetAiPrivacy(relationshipId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (level: AiPrivacyLevel) =>
      apiRequest<AiPrivacy>(privacyPath(relationshipId), { method: 'PUT', body: { level } }),
    onSuccess: (privacy) => client.setQueryData(privacyKey(relationshipId), privacy),
  });
}

/** The client's questionnaire, for their coach (null while the client does not share it). */
export function useSharedDiscovery(relationshipId: string) {
  return useQuery({
    queryKey: ['me', 'shared-discovery', relationshipId],
    queryFn: ({ signal }) =>
      apiRequest<DiscoveryView | null>(
        `/api/v1/relationships/${encodeURIComponent(relationshipId)}/goals/discovery`,
        { signal },
      ),
    retry: noRetryOnRefusal,
  });
}
