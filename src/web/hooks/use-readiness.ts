import { useQuery } from '@tanstack/react-query';
import type { Readiness } from '../../contract/health.ts';

// While the server is still starting, look again soon; once it is ready, an occasional check will do.
const NOT_READY_POLL_MS = 3_000;
const READY_POLL_MS = 60_000;

async function fetchReadiness(signal: AbortSignal): Promise<Readiness> {
  const response = await fetch('/readyz', { headers: { accept: 'application/json' }, signal });
  // 503 is an answer too: the server is up and says what is not ready yet.
  if (response.status !== 200 && response.status !== 503) {
    throw new Error(`/readyz answered ${response.status}`);
  }
  const body: unknown = await response.json();
  if (!isReadiness(body)) throw new Error('/readyz answered with an unexpected body');
  return body;
}

// Only the fields the page reads are checked, to keep zod out of the browser bundle.
function isReadiness(body: unknown): body is Readiness {
  if (typeof body !== 'object' || body === null) return false;
  const { status, database } = body as Partial<Readiness>;
  return (status === 'ready' || status === 'not_ready') && typeof database === 'object';
}

export function useReadiness() {
  return useQuery({
    queryKey: ['readiness'],
    queryFn: ({ signal }) => fetchReadiness(signal),
    retry: false,
    refetchInterval: (query) =>
      query.state.data?.status === 'ready' ? READY_POLL_MS : NOT_READY_POLL_MS,
  });
}
