import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import type { ClientConfig } from '../../contract/config.ts';
import { fetchClientConfig } from '../lib/client-config.ts';

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
