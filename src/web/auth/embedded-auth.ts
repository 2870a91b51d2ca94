// The embedded identity provider's side of `WebAuth`: Better Auth's cookie session, exchanged for
// short-lived API tokens at `/api/auth/token`, held in memory only (never in storage), renewed
// before they run out, and asked for one at a time however many requests want one (single flight).
import { ApiRequestError, authRequest } from '../lib/api-client.ts';
import type { WebAuth } from './web-auth.ts';

/** A token this close to its end is renewed before use, so it never expires in flight. */
const RENEW_MARGIN_MS = 60_000;
/** Used when a token does not say how long it lives; the server's tokens live 10 minutes. */
const FALLBACK_LIFETIME_MS = 5 * 60_000;

type HeldToken = { token: string; renewAt: number };

let held: HeldToken | null = null;
let inFlight: Promise<string | null> | null = null;
// Bumped when the session changes (sign-in, sign-out), so an answer for the old one is dropped.
let generation = 0;

/**
 * How long a token lives, from its own `iat` and `exp` (not from `exp` against this machine's
 * clock, which may be off by more than the token's whole life).
 */
export function tokenLifetimeMs(token: string): number {
  try {
    const payload = token.split('.')[1];
    if (!payload) return FALLBACK_LIFETIME_MS;
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='))) as {
      iat?: unknown;
      exp?: unknown;
    };
    if (
      typeof claims.iat === 'number' &&
      typeof claims.exp === 'number' &&
      claims.exp > claims.iat
    ) {
      return (claims.exp - claims.iat) * 1000;
    }
  } catch {
    // Not a JWT we can read: fall back to a conservative lifetime.
  }
  return FALLBACK_LIFETIME_MS;
}

async function fetchToken(knownSignedIn: boolean): Promise<string | null> {
  // Without a token yet, ask whether there is a session at all: `/api/auth/get-session` answers
  // 200 with `null` for a visitor, where `/api/auth/token` would answer 401.
  if (!knownSignedIn) {
    const session = await authRequest<unknown>('/api/auth/get-session');
    if (session === null || typeof session !== 'object') return null;
  }
  let body: { token?: unknown };
  try {
    body = await authRequest<{ token?: unknown }>('/api/auth/token');
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) return null;
    throw error;
  }
  if (typeof body?.token !== 'string') {
    throw new ApiRequestError({
      status: 200,
      code: 'bad_token_answer',
      message: 'The server answered without a token.',
    });
  }
  return body.token;
}

function getToken(options: { renew?: boolean } = {}): Promise<string | null> {
  if (!options.renew && held && Date.now() < held.renewAt) return Promise.resolve(held.token);
  if (inFlight) return inFlight;
  const started = generation;
  const hadToken = held !== null || options.renew === true;
  const request = fetchToken(hadToken)
    .then((token) => {
      if (started !== generation) return getToken(options);
      held = token
        ? { token, renewAt: Date.now() + Math.max(tokenLifetimeMs(token) - RENEW_MARGIN_MS, 5_000) }
        : null;
      return token;
    })
    .finally(() => {
      if (inFlight === request) inFlight = null;
    });
  inFlight = request;
  return request;
}

function forgetToken(): void {
  generation += 1;
  held = null;
  inFlight = null;
}

export const embeddedAuth: WebAuth = {
  provider: 'local',
  getToken,
  forgetToken,
  async switchOrganization(organizationId) {
    await authRequest('/api/auth/organization/set-active', {
      method: 'POST',
      body: { organizationId },
    });
    forgetToken();
  },
  async signOut() {
    await authRequest('/api/auth/sign-out', { method: 'POST', body: {} });
    forgetToken();
  },
};
