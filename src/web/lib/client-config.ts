import type { ClientConfig } from '../../contract/config.ts';
import { ApiRequestError, errorFromResponse } from './api-client.ts';

/**
 * The deployment's configuration (`/api/v1/config`), what the app needs before anyone signs in.
 * Without TanStack Query, so that the landing page's own entry can read it too.
 */
export async function fetchClientConfig(signal?: AbortSignal): Promise<ClientConfig> {
  const response = await fetch('/api/v1/config', {
    headers: { accept: 'application/json' },
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) throw await errorFromResponse(response);
  const body = (await response.json()) as Partial<ClientConfig>;
  // Only what the app branches on is checked, to keep zod out of the browser bundle.
  if (body.identityProvider !== 'local' && body.identityProvider !== 'clerk') {
    throw new ApiRequestError({
      status: response.status,
      code: 'bad_config',
      message: 'The server answered with a configuration this app does not understand.',
    });
  }
  return body as ClientConfig;
}
