import type { ClientConfig } from '../../contract/config.ts';
import { authRequest } from './api-client.ts';
import { fetchClientConfig } from './client-config.ts';

export type Visit = { config: ClientConfig; signedIn: boolean };

/**
 * Who opened the landing page: the deployment's configuration, and whether a session exists, from
 * the identity provider's cookie (`/api/auth/get-session` answers 200 with `null` for a visitor).
 * In clerk mode the app has no session of its own yet (see use-session.ts): a visitor, then.
 */
export async function readVisit(): Promise<Visit> {
  const config = await fetchClientConfig();
  if (config.identityProvider !== 'local') return { config, signedIn: false };
  const session = await authRequest<unknown>('/api/auth/get-session');
  return { config, signedIn: typeof session === 'object' && session !== null };
}
