import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema } from '../../../contract/errors.ts';
import { emailSchema } from '../../../contract/waitlist.ts';
import { BadRequestError, NotFoundError, TooManyRequestsError } from '../../http/errors.ts';
import { type Limit, type RateLimiting, retryAfterSeconds } from '../../http/rate-limit.ts';
import type { LocalIdentity } from './adapter.ts';
import { SESSION_HEADER_FOR_CLIENT_IP } from './auth-options.ts';
import { type AuthEndpoint, routeAuthRequest } from './endpoints.ts';
import { signInBackoff } from './sign-in-backoff.ts';

const MINUTE = 60_000;
// Every body these endpoints take is a few short fields.
const AUTH_BODY_LIMIT = 16 * 1024;

const signUpBodySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'enter your name')
    .max(120, 'must be at most 120 characters')
    .refine((name) => !/[\p{Cc}]/u.test(name), 'must not contain control characters'),
  email: emailSchema,
});
const signUpReceiptSchema = z
  .object({ status: z.literal('check_your_email'), message: z.string() })
  .meta({ id: 'SignUpReceipt' });
const emailInBodySchema = z.object({ email: emailSchema });

const byAddress = (name: string, max: number, windowMs: number): Limit => ({
  name,
  max,
  windowMs,
  key: (request) => request.ip,
});

const signUpByAddress = byAddress('sign-up-ip', 10, 10 * MINUTE);

/**
 * Limits counted before anything else is looked at, per client address, on what an attacker would
 * repeat. Session and token reads are left out: every page load makes them, a whole office may share
 * one address, and they need a valid session cookie to be of any use.
 */
const addressLimits: Partial<Record<AuthEndpoint, Limit>> = {
  'sign-in': byAddress('sign-in-ip', 20, MINUTE),
  'request-password-reset': byAddress('password-link-ip', 10, 10 * MINUTE),
  'open-password-link': byAddress('password-open-ip', 30, 10 * MINUTE),
  'reset-password': byAddress('password-set-ip', 10, 10 * MINUTE),
};

/** Mail goes to a person: at most a few per address an hour, whoever asks. */
const mailsPerEmail = (name: string, email: string): Limit => ({
  name,
  max: 3,
  windowMs: 60 * MINUTE,
  key: () => email,
});

function parseJsonBody(request: FastifyRequest): unknown {
  const raw = request.body;
  if (!Buffer.isBuffer(raw) || raw.length === 0) return {};
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new BadRequestError('The request body is not valid JSON.');
  }
}

/** The email a request names, if it names a valid one; the provider itself judges the rest. */
function emailOf(request: FastifyRequest): string | undefined {
  const parsed = emailInBodySchema.safeParse(parseJsonBody(request));
  return parsed.success ? parsed.data.email : undefined;
}

function toFetchRequest(request: FastifyRequest, url: URL): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name === SESSION_HEADER_FOR_CLIENT_IP) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  headers.set(SESSION_HEADER_FOR_CLIENT_IP, request.ip);
  // The body goes on exactly as it came: never re-serialised, so nothing hostile in it runs here.
  const body =
    Buffer.isBuffer(request.body) && request.body.length > 0
      ? new Uint8Array(request.body)
      : undefined;
  return new Request(url, { method: request.method, headers, body });
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

/**
 * The embedded provider over HTTP. Which endpoint a request reaches is decided from the exact URL
 * handed to the provider (endpoints.ts); sign-up is ours; every endpoint is rate limited before
 * the provider sees it; nothing here is cached by browsers or proxies.
 */
export function registerLocalAuthRoutes(
  app: FastifyInstance,
  identity: LocalIdentity,
  publicUrl: string,
): void {
  const rateLimiting: RateLimiting = app.rateLimiting;
  const backoff = signInBackoff(rateLimiting.counters);
  const origin = new URL(publicUrl).origin;

  async function signIn(request: FastifyRequest, reply: FastifyReply, url: URL) {
    const email = emailOf(request);
    if (email && rateLimiting.enabled) {
      const waitMs = await backoff.waitMs(email);
      if (waitMs > 0) throw new TooManyRequestsError(retryAfterSeconds(waitMs));
    }
    const response = await identity.auth.handler(toFetchRequest(request, url));
    if (email && rateLimiting.enabled) {
      if (response.status === 401) await backoff.failed(email);
      else if (response.ok) await backoff.succeeded(email);
    }
    return sendFetchResponse(reply, response);
  }

  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/auth/sign-up/email',
    {
      // Counted before the body is even read, so that probing addresses is throttled first.
      onRequest: rateLimiting.limit(signUpByAddress),
      bodyLimit: AUTH_BODY_LIMIT,
      schema: {
        tags: ['identity'],
        summary: 'Sign up with a name and an email (embedded provider)',
        description:
          'The same answer whatever the address: the mail it receives has the link to choose a password, or says why it cannot sign up.',
        body: signUpBodySchema,
        response: { 200: signUpReceiptSchema, 400: apiErrorSchema, 429: apiErrorSchema },
      },
    },
    async (request, reply) => {
      await rateLimiting.check(request, mailsPerEmail('sign-up-email', request.body.email));
      reply.header('cache-control', 'no-store');
      return identity.signUp(request.body);
    },
  );

  app.register(async (scope) => {
    // Bodies stay raw: the provider parses them itself, and sign-up and sign-in parse only what they read.
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer', bodyLimit: AUTH_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    scope.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });

    scope.route({
      method: ['GET', 'POST'],
      url: '/api/auth/*',
      schema: { hide: true },
      async handler(request, reply) {
        const routed = routeAuthRequest(request.method, request.raw.url ?? request.url, origin);
        if (!routed) throw new NotFoundError('Endpoint');
        const { endpoint, url } = routed;
        const addressLimit = addressLimits[endpoint];
        if (addressLimit) await rateLimiting.check(request, addressLimit);

        if (endpoint === 'request-password-reset') {
          const email = emailOf(request);
          if (email) await rateLimiting.check(request, mailsPerEmail('password-link-email', email));
        }
        if (endpoint === 'sign-in') return signIn(request, reply, url);
        return sendFetchResponse(reply, await identity.auth.handler(toFetchRequest(request, url)));
      },
    });
  });
}
