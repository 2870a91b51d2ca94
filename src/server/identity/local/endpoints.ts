export const AUTH_BASE_PATH = '/api/auth';

/**
 * The embedded provider's endpoints reachable over HTTP, matched exactly. Everything else Better Auth
 * offers (updating users, organizations, invitations, admin actions) goes through the domain's API,
 * which applies its own rules before it calls the identity port.
 */
export type AuthEndpoint =
  | 'sign-in'
  | 'sign-out'
  | 'get-session'
  | 'token'
  | 'jwks'
  | 'request-password-reset'
  | 'open-password-link'
  | 'reset-password'
  | 'set-active-organization';

// Sign-up is not among them: it is our own route (routes.ts), the provider's own is switched off.
const exact: Record<string, AuthEndpoint> = {
  'POST /sign-in/email': 'sign-in',
  'POST /sign-out': 'sign-out',
  'GET /get-session': 'get-session',
  'GET /token': 'token',
  'GET /jwks': 'jwks',
  'POST /request-password-reset': 'request-password-reset',
  'POST /reset-password': 'reset-password',
  'POST /organization/set-active': 'set-active-organization',
};

/** The link in a password mail: exactly the token shape the provider generates (24 letters/digits). */
export const PASSWORD_LINK_PATH = /^\/reset-password\/[A-Za-z0-9]{24}$/;

/**
 * Only plain segments of letters, digits, `-` and `_`: no dot segments, no percent-encoding, no empty
 * segments, no trailing slash. What passes is already in the form a URL parser leaves unchanged.
 */
const CANONICAL_PATH = /^\/api\/auth(?:\/[A-Za-z0-9_-]+)+$/;

export type RoutedAuthRequest = { endpoint: AuthEndpoint; url: URL };

/**
 * Decides which endpoint a request reaches from the very URL that is handed to the provider: the raw
 * path must already be canonical, and the URL built from it must have that same path, so the path
 * that was checked is the path that gets routed. Anything else is not an endpoint.
 */
export function routeAuthRequest(
  method: string,
  rawUrl: string,
  origin: string,
): RoutedAuthRequest | undefined {
  const queryStart = rawUrl.indexOf('?');
  const rawPath = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
  if (!CANONICAL_PATH.test(rawPath)) return undefined;
  const url = new URL(rawUrl, origin);
  if (url.pathname !== rawPath) return undefined;
  const path = rawPath.slice(AUTH_BASE_PATH.length);
  const endpoint =
    exact[`${method} ${path}`] ??
    (method === 'GET' && PASSWORD_LINK_PATH.test(path) ? 'open-password-link' : undefined);
  return endpoint ? { endpoint, url } : undefined;
}
