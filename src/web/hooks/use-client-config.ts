import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import type { ClientConfig } from '../../contract/config.ts';
import { ApiRequestError, errorFromResponse } from '../lib/api-client.ts';

async function fetchClientConfig(signal: AbortSignal): Promise<ClientConfig> {
  const response = await fetch('/api/v1/config', {
    headers: { accept: 'application/json' },
    signal,
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

/** The deployment's configuration: read once per page load, it does not change while running. */
export const clientConfigQuery = queryOptions({
  queryKey: ['config'],
  queryFn: ({ signal }) => fetchClientConfig(signal),
  staleTime: Number.POSITIVE_INFINITY,
  gcTime: Number.POSITIVE_INFINITY,
  retry: 2,
});

export function useClientConfig() {
  return useQuery(clientConfigQuery);
}

export function ensureClientConfig(client: QueryClient): Promise<ClientConfig> {
  return client.ensureQueryData(clientConfigQuery);
}
