import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { webAuth } from '../auth/web-auth.ts';
import { sessionQueryKey } from '../hooks/use-session.ts';
import { onSessionRefreshRequired } from '../lib/api-client.ts';
import { useToast } from './toast.tsx';

/** Several answers in a row may carry the header; one refresh answers them all. */
const REFRESH_COOLDOWN_MS = 10_000;

/**
 * Seed 001 §4, without the page reload: when the server says the token's role claim is stale,
 * fetch a fresh token in the background, read the user again and say so in a toast.
 */
export function SessionRefreshListener() {
  const client = useQueryClient();
  const toast = useToast();

  useEffect(() => {
    let lastRefresh = 0;
    return onSessionRefreshRequired(() => {
      const now = Date.now();
      if (now - lastRefresh < REFRESH_COOLDOWN_MS) return;
      lastRefresh = now;
      void (async () => {
        try {
          await webAuth().getToken({ renew: true });
        } catch {
          // The next request tries again; reading the user below still shows the new role.
        }
        await client.invalidateQueries({ queryKey: sessionQueryKey });
        toast({
          title: 'Your access was updated',
          description: 'An admin changed your role. This page now shows what you can do.',
          tone: 'success',
        });
      })();
    });
  }, [client, toast]);

  return null;
}
