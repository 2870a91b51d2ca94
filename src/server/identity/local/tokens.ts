import { and, eq, gt, sql } from 'drizzle-orm';
import { importJWK, type JWTHeaderParameters, type JWTPayload, jwtVerify } from 'jose';
import type { Database } from '../../db/client.ts';
import {
  type IdentityUser,
  InvalidTokenError,
  type PublicMetadata,
  type TokenClaims,
} from '../port.ts';
import { toIdentityUser, userColumns } from './mapping.ts';
import { auth_jwks, auth_session, auth_user } from './schema.ts';

type VerificationKey = Awaited<ReturnType<typeof importJWK>>;

const KEY_RELOAD_INTERVAL_MS = 1_000;
const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;

type SessionCheck = { live: boolean; userId: string; until: number };

/**
 * Verifies the embedded provider's API tokens without a database round trip for the signature:
 * the public keys are cached (and reloaded when an unknown key id appears). That the session still
 * exists is checked too, cached for a few seconds, so that signing out ends a token's life.
 *
 * A session check that misses the cache is one prepared query that also reads the user (the session
 * must be live and belong to the token's subject); the claims then carry that user, so that the
 * caller's authority and `users/me` need no query of their own.
 */
export function createLocalTokenVerifier(db: Database, issuer: string) {
  const keys = new Map<string, { key: VerificationKey; alg: string }>();
  let lastReload = 0;
  let reloading: Promise<void> | undefined;
  const sessions = new Map<string, SessionCheck>();
  const inFlight = new Map<string, Promise<IdentityUser | null>>();
  const liveSessionUser = db
    .select(userColumns)
    .from(auth_session)
    .innerJoin(auth_user, eq(auth_user.id, auth_session.userId))
    .where(
      and(
        eq(auth_session.id, sql.placeholder('sessionId')),
        eq(auth_session.userId, sql.placeholder('userId')),
        // An ISO string, as Drizzle writes a Date into this column (no time zone, UTC).
        gt(auth_session.expiresAt, sql.placeholder('now')),
      ),
    )
    .prepare('arete_live_session_user');

  async function loadKeys(): Promise<void> {
    for (const row of await db.select().from(auth_jwks)) {
      if (keys.has(row.id)) continue;
      const alg = row.alg ?? 'EdDSA';
      keys.set(row.id, { key: await importJWK(JSON.parse(row.publicKey), alg), alg });
    }
  }

  /**
   * Reads the keys again, at most once an interval (so that forged key ids cannot hammer the
   * database). A caller that comes while a reload is under way waits for it: the first tokens seen
   * at once all need the keys that the first of them set out to load.
   */
  function reloadKeys(): Promise<void> {
    if (reloading) return reloading;
    if (Date.now() - lastReload < KEY_RELOAD_INTERVAL_MS) return Promise.resolve();
    lastReload = Date.now();
    reloading = loadKeys().finally(() => {
      reloading = undefined;
    });
    return reloading;
  }

  async function resolveKey(header: JWTHeaderParameters): Promise<VerificationKey> {
    const { kid } = header;
    if (!kid) throw new InvalidTokenError('the token names no signing key');
    if (!keys.has(kid)) await reloadKeys();
    const found = keys.get(kid);
    if (!found) throw new InvalidTokenError('the token was signed by an unknown key');
    if (header.alg !== found.alg) throw new InvalidTokenError('the token is not valid');
    return found.key;
  }

  /**
   * Whether the session is live and the subject's: `true` from the cache; otherwise the user, read
   * with the session in one query, or `null` when the session has ended (or is someone else's).
   */
  function checkSession(sessionId: string, userId: string): true | Promise<IdentityUser | null> {
    const cached = sessions.get(sessionId);
    if (cached && cached.userId === userId && cached.until > Date.now()) {
      return cached.live ? true : Promise.resolve(null);
    }
    const key = `${sessionId} ${userId}`;
    const pending = inFlight.get(key);
    if (pending) return pending;
    const lookup = liveSessionUser
      .execute({ sessionId, userId, now: new Date().toISOString() })
      .then(([row]) => {
        if (sessions.size >= SESSION_CACHE_MAX) sessions.clear();
        sessions.set(sessionId, {
          live: row !== undefined,
          userId,
          until: Date.now() + SESSION_CACHE_MS,
        });
        return row ? toIdentityUser(row) : null;
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, lookup);
    return lookup;
  }

  return async function verifyToken(token: string): Promise<TokenClaims> {
    let payload: JWTPayload;
    try {
      // The key is chosen from the header jose decodes anyway (once), and must be used with its alg.
      ({ payload } = await jwtVerify(token, resolveKey, { issuer, audience: issuer }));
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      const code = (error as { code?: string }).code;
      throw new InvalidTokenError(
        code === 'ERR_JWT_EXPIRED' ? 'the token has expired' : 'the token is not valid',
      );
    }
    const sessionId = typeof payload.sid === 'string' ? payload.sid : undefined;
    if (!payload.sub || !sessionId) throw new InvalidTokenError('the token is not a session token');
    const check = checkSession(sessionId, payload.sub);
    const user = check === true ? undefined : await check;
    if (user === null) throw new InvalidTokenError('the session has ended');
    const organization = payload.o as { id?: unknown } | undefined;
    return {
      userId: payload.sub,
      sessionId,
      orgId: typeof organization?.id === 'string' ? organization.id : null,
      metadata: (payload.metadata ?? {}) as PublicMetadata,
      ...(user ? { user } : {}),
    };
  };
}
