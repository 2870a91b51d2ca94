import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ClientOnboardingBody,
  CoachOnboardingBody,
  CreateProfileBody,
  Onboarded,
  ProfileView,
  UpdateProfileBody,
} from '../../contract/profiles.ts';
import { ApiRequestError, apiRequest } from '../lib/api-client.ts';
import { noRetryOnRefusal } from '../lib/query-retry.ts';
import { myOrganizationsKey, receivedInvitationsKey } from './use-organizations.ts';

export const myProfileKey = ['me', 'profile'] as const;

/** The person's profile, or `null` while they have none (the API answers 404 until then). */
export function useMyProfile() {
  return useQuery({
    queryKey: myProfileKey,
    queryFn: async ({ signal }) => {
      try {
        return await apiRequest<ProfileView>('/api/v1/users/me/profile', { signal });
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 404) return null;
        throw error;
      }
    },
    retry: noRetryOnRefusal,
  });
}

export function useSaveProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      request:
        | { kind: 'create'; body: CreateProfileBody }
        | { kind: 'update'; body: UpdateProfileBody },
    ) =>
      apiRequest<ProfileView>('/api/v1/users/me/profile', {
        method: request.kind === 'create' ? 'POST' : 'PUT',
        body: request.body,
      }),
    onSuccess: (profile) => client.setQueryData(myProfileKey, profile),
  });
}

export type OnboardingRequest =
  | { kind: 'coach'; body: CoachOnboardingBody }
  | { kind: 'client'; body: ClientOnboardingBody };

/** The onboarding endpoints: the profile and the organization in one step. */
export function useOnboard() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: OnboardingRequest) =>
      apiRequest<Onboarded>(`/api/v1/profiles/${request.kind}`, {
        method: 'POST',
        body: request.body,
      }),
    onSuccess: (onboarded) => client.setQueryData(myProfileKey, onboarded.profile),
    // Not awaited: the answer is handed on at once, the lists follow.
    onSettled: () => {
      void client.invalidateQueries({ queryKey: myOrganizationsKey });
      void client.invalidateQueries({ queryKey: receivedInvitationsKey });
    },
  });
}
