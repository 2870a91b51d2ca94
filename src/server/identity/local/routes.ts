import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../http/errors.ts';
import type { LocalIdentity } from './adapter.ts';
import { SESSION_HEADER_FOR_CLIENT_IP } from './auth-options.ts';

/**
 * Better Auth answers many endpoints; only those the product uses are reachable over HTTP. The
 * rest (creating organizations, inviting members, admin actions) go through the domain's API,
 * which applies its own rules before it calls the identity port.
 */
const PUBLIC_ENDPOINTS = new Set([
  'POST /sign-up/email',
  'POST /sign-in/email',
  'POST /sign-out',
  'GET /get-session',
  'GET /token',
  'GET /jwks',
  'GET /verify-email',
  'POST /send-verification-email',
  'POST /request-password-reset',
  'POST /reset-password',
  'POST /organization/set-active',
]);

function endpointOf(request: FastifyRequest): string {
  const path = request.url.split('?')[0]?.replace(/^\/api\/auth/, '') ?? '';
  return `${request.method} ${path.startsWith('/reset-password/') ? '/reset-password' : path}`;
}

function toFetchRequest(request: FastifyRequest, publicUrl: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name === SESSION_HEADER_FOR_CLIENT_IP) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  headers.set(SESSION_HEADER_FOR_CLIENT_IP, request.ip);
  const hasBody =
    request.method !== 'GET' && request.method !== 'HEAD' && request.body !== undefined;
  return new Request(new URL(request.url, publicUrl), {
    method: request.method,
    headers,
    body: hasBody ? JSON.stringify(request.body) : undefined,
  });
}

async function sendFetchResponse(reply: FastifyReply, response: Response) {
  reply.code(response.status);
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie' && name !== 'content-length') reply.header(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header('set-cookie', cookies);
  return reply.send(response.body ? Buffer.from(await response.arrayBuffer()) : null);
}

// Checked here, before Better Auth opens its transaction: a database hook inside it would wait on
// the embedded database's single connection.
async function signUpRefused(request: FastifyRequest, identity: LocalIdentity): Promise<boolean> {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' && !(await identity.allowSignUp(email));
}

const SIGN_UP_REFUSAL = {
  code: 'SIGN_UP_NOT_APPROVED',
  message:
    'Arete is invitation only for now, and this email is not approved yet. Ask to join at /waitlist/coach or /waitlist/client.',
};

export function registerLocalAuthRoutes(
  app: FastifyInstance,
  identity: LocalIdentity,
  publicUrl: string,
): void {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    async handler(request, reply) {
      const endpoint = endpointOf(request);
      if (!PUBLIC_ENDPOINTS.has(endpoint)) throw new NotFoundError('Endpoint');
      if (endpoint === 'POST /sign-up/email' && (await signUpRefused(request, identity))) {
        return reply.code(403).send(SIGN_UP_REFUSAL);
      }
      return sendFetchResponse(
        reply,
        await identity.auth.handler(toFetchRequest(request, publicUrl)),
      );
    },
  });
}
