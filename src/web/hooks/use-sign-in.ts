import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../contract/users.ts';
import { ApiRequestError } from '../lib/api-client.ts';
import { signInWithPassword } from '../lib/auth-requests.ts';
import { reloadSession } from './use-session.ts';

/**
 * Signs in and reads the user back. A session the browser did not keep (cookies refused) throws
 * an `ApiRequestError` with the code `no_session`: the server said yes, yet nobody is signed in.
 */
export function useSignIn(): (email: string, password: string) => Promise<Me> {
  const client = useQueryClient();
  return async (email, password) => {
    await signInWithPassword(email, password);
    const me = await reloadSession(client);
    if (!me) {
      throw new ApiRequestError({
        status: 0,
        code: 'no_session',
        message:
          'You were signed in, but this browser did not keep the session. Allow cookies for this site and try again.',
      });
    }
    return me;
  };
}
