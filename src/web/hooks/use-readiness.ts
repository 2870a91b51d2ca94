import { useQuery } from '@tanstack/react-query';
import type { Liveness, Readiness } from '../../contract/health.ts';

// While the server is still starting, look again soon; once it is ready, an occasional check will do.
const NOT_READY_POLL_MS = 3_000;
const READY_POLL_MS = 60_000;

/** `/readyz` as the server sends it: the shared shape, and whether it can issue API tokens. */
export type ServerReadiness = Readiness & {
  identity?: {
    provider: 'local' | 'clerk';
    tokenSigning: 'ok' | 'failing' | 'not_applicable' | 'not_checked';
    problem?: string;
  };
};

async function fetchReadiness(signal: AbortSignal): Promise<ServerReadiness> {
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
function isReadiness(body: unknown): body is ServerReadiness {
  if (typeof body !== 'object' || body === null) return false;
  const { status, database } = body as Partial<Readiness>;
  return (status === 'ready' || status === 'not_ready') && typeof database === 'object';
}

/** The server's readiness, polled: shown on the admin status page (never on public pages). */
export function useReadiness() {
  return useQuery({
    queryKey: ['readiness'],
    queryFn: ({ signal }) => fetchReadiness(signal),
    retry: false,
    refetchInterval: (query) =>
      query.state.data?.status === 'ready' ? READY_POLL_MS : NOT_READY_POLL_MS,
  });
}

async function fetchLiveness(signal: AbortSignal): Promise<Liveness> {
  const response = await fetch('/healthz', { headers: { accept: 'application/json' }, signal });
  if (!response.ok) throw new Error(`/healthz answered ${response.status}`);
  const body = (await response.json()) as Partial<Liveness>;
  if (typeof body.uptimeSeconds !== 'number') throw new Error('/healthz answered oddly');
  return body as Liveness;
}

/** How long this server has been up (`/healthz`). */
export function useLiveness() {
  return useQuery({
    queryKey: ['liveness'],
    queryFn: ({ signal }) => fetchLiveness(signal),
    retry: false,
    refetchInterval: READY_POLL_MS,
  });
}
