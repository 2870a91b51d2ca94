import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestAsyncHookHandler,
} from 'fastify';
import { ForbiddenError, UnauthorizedError } from '../http/errors.ts';
import type { Authority, AuthorityCache } from './authority.ts';
import {
  type IdentityProvider,
  type IdentityUser,
  InvalidTokenError,
  type Role,
  roleOf,
} from './port.ts';

/** Who is calling, as services see it: always the authoritative role, never the token's claim. */
export type Caller = {
  userId: string;
  sessionId: string;
  orgId: string | null;
  role: Role;
  email: string;
};

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
    /**
     * The caller's user when authenticating read it from the database in this very request (the
     * caches missed); `null` when the role came from the cache. See `userReadFor`.
     */
    callerUser: IdentityUser | null;
  }
}

export const SESSION_REFRESH_HEADER = 'x-session-refresh-required';

async function authenticate(
  request: FastifyRequest,
  reply: FastifyReply,
  provider: IdentityProvider,
  authority: AuthorityCache,
): Promise<Caller> {
  if (request.caller) return request.caller;
  const [scheme, token] = (request.headers.authorization ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) {
    throw new UnauthorizedError('Sign in to continue: send `Authorization: Bearer <token>`.');
  }
  // Taken before anything is read, so that a role changed meanwhile is not cached from that read.
  const since = authority.invalidations;
  let claims: Awaited<ReturnType<IdentityProvider['verifyToken']>>;
  try {
    claims = await provider.verifyToken(token);
  } catch (error) {
    if (error instanceof InvalidTokenError)
      throw new UnauthorizedError(`Sign in again: ${error.message}.`);
    throw error;
  }
  // On a cache miss the embedded provider read the user with the session (one query for both).
  let user = claims.user;
  let current: Authority | null;
  if (user) current = authority.remember(user, since);
  else ({ authority: current, user } = await authority.lookup(claims.userId));
  if (!current) throw new UnauthorizedError('Sign in again: this account no longer exists.');
  if (current.banned) throw new UnauthorizedError('This account has been suspended.');
  // The token was issued before the role changed: tell the client to fetch a fresh one (seed 001 §4).
  if (roleOf(claims.metadata) !== current.role) reply.header(SESSION_REFRESH_HEADER, 'true');
  request.caller = {
    userId: claims.userId,
    sessionId: claims.sessionId,
    orgId: claims.orgId,
    role: current.role,
    email: current.email,
  };
  request.callerUser = user ?? null;
  return request.caller;
}

/** Guards run as `onRequest` hooks: who may call is settled before the body is even read. */
export type Guards = {
  /** Any signed-in user, `pending` included. */
  signedIn: onRequestAsyncHookHandler;
  /** A signed-in user holding one of these roles. */
  requireRole(...roles: Role[]): onRequestAsyncHookHandler;
  /** With `requireRole`: the token must name an active organization (seed 001 §3 `org_required`). */
  orgRequired: onRequestAsyncHookHandler;
};

export function registerAuthentication(
  app: FastifyInstance,
  provider: IdentityProvider,
  authority: AuthorityCache,
): Guards {
  app.decorateRequest('caller', null);
  app.decorateRequest('callerUser', null);
  return {
    async signedIn(request, reply) {
      await authenticate(request, reply, provider, authority);
    },
    requireRole(...roles) {
      return async (request, reply) => {
        const caller = await authenticate(request, reply, provider, authority);
        if (!roles.includes(caller.role)) {
          throw new ForbiddenError(
            caller.role === 'pending'
              ? 'Your account is waiting for approval.'
              : `This needs the ${roles.join(' or ')} role.`,
          );
        }
      };
    },
    async orgRequired(request, reply) {
      const caller = await authenticate(request, reply, provider, authority);
      if (!caller.orgId) throw new ForbiddenError('Choose an organization first.');
    },
  };
}

/**
 * The caller's user if authenticating this request already read it from the database (then it is
 * as fresh as reading it again); otherwise `null`, and whoever needs the user reads it.
 */
export function userReadFor(request: FastifyRequest): IdentityUser | null {
  return request.callerUser;
}

/** The caller of a route guarded above; a route without a guard has none. */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new UnauthorizedError();
  return request.caller;
}
