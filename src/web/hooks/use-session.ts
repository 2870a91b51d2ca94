import { type QueryClient, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { Me } from '../../contract/users.ts';
import { webAuth } from '../auth/web-auth.ts';
import { ApiRequestError, apiRequest } from '../lib/api-client.ts';
import { passwordChosenAt } from '../lib/password-links.ts';
import { noRetryOnRefusal } from '../lib/query-retry.ts';
import { useClientConfig } from './use-client-config.ts';

/**
 * How often the signed-in user is read again while the page is open, so that a role an admin
 * changed reaches this page without a reload even if the person does nothing.
 */
export const SESSION_POLL_MS = 15_000;

export const sessionQueryKey = ['session'] as const;

/** The signed-in user (`/api/v1/users/me`), or `null` for a visitor. */
async function fetchSession(signal: AbortSignal): Promise<Me | null> {
  // The same in both modes: no token from the installed sign-in (`webAuth()`) is a visitor.
  if (!(await webAuth().getToken())) return null;
  try {
    return await apiRequest<Me>('/api/v1/users/me', { signal });
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) return null;
    throw error;
  }
}

export const sessionQuery = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: ({ signal }) => fetchSession(signal),
  staleTime: 5_000,
  refetchOnWindowFocus: true,
  // Visitors are not polled: signing in happens in this tab, and a focus check covers other tabs.
  refetchInterval: (query) => (query.state.data ? SESSION_POLL_MS : false),
  retry: noRetryOnRefusal,
});

export type SessionState =
  | { status: 'loading'; user: null; error: null }
  | { status: 'error'; user: null; error: Error; retry: () => void }
  | { status: 'signed-out'; user: null; error: null }
  | { status: 'signed-in'; user: Me; error: null };

/** Who is signed in, kept fresh: polled while signed in, re-read when the window regains focus. */
export function useSession(): SessionState {
  const query = useQuery(sessionQuery);
  if (query.data) return { status: 'signed-in', user: query.data, error: null };
  if (query.data === null) return { status: 'signed-out', user: null, error: null };
  if (query.isError) {
    return { status: 'error', user: null, error: query.error, retry: () => void query.refetch() };
  }
  return { status: 'loading', user: null, error: null };
}

/** How often the user is read while a pre-assigned role is on its way, and for how long. */
const AWAITED_ROLE_POLL_MS = 2_000;
const AWAITED_ROLE_WINDOW_MS = 10 * 60_000;

/**
 * In waitlist mode an approved person's role reaches their account a moment after they confirm
 * their email (the server applies it from an event). While a new account is still `pending`, read
 * the user every two seconds instead of every fifteen, so that they are taken on at once.
 */
export function useAwaitedRole(user: Me | null): void {
  const config = useClientConfig();
  // From the account's creation (sign-up), or from the password chosen from the sign-up link,
  // which is what confirms the address: that can be up to a day after signing up.
  const since = user ? Math.max(Date.parse(user.createdAt), passwordChosenAt(user.id) ?? 0) : 0;
  const awaiting =
    user?.role === 'pending' &&
    config.data?.signUpMode === 'waitlist' &&
    Date.now() - since < AWAITED_ROLE_WINDOW_MS;
  useQuery({
    ...sessionQuery,
    enabled: awaiting,
    refetchInterval: awaiting ? AWAITED_ROLE_POLL_MS : false,
  });
}

/** The signed-in user, or `null` (also while loading). */
export function useCurrentUser(): Me | null {
  return useSession().user;
}

/**
 * After the cookie session changed (signed in): forget the old token and read the user anew.
 * Resolves with the user, or `null` if the server does not see a session after all.
 */
export async function reloadSession(client: QueryClient): Promise<Me | null> {
  webAuth().forgetToken();
  await client.cancelQueries({ queryKey: sessionQueryKey });
  // What was read for whoever was signed in before belongs to them.
  client.removeQueries({ queryKey: ['me'] });
  client.removeQueries({ queryKey: ['organization'] });
  return client.fetchQuery({ ...sessionQuery, staleTime: 0 });
}

/**
 * Signs out, then leaves for the home page before forgetting the user, so that the page being
 * left does not first redirect to the sign-in page. Throws `ApiRequestError` if the server refuses.
 */
export function useSignOut() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    await webAuth().signOut();
    await client.cancelQueries({ queryKey: sessionQueryKey });
    // Rendered at once (not as a transition), so the page left is gone before the user is.
    await navigate('/', { flushSync: true });
    client.setQueryData(sessionQueryKey, null);
    // Nothing read with the old session stays in memory.
    client.removeQueries({ queryKey: ['admin'] });
    client.removeQueries({ queryKey: ['me'] });
    client.removeQueries({ queryKey: ['organization'] });
  }, [client, navigate]);
}
