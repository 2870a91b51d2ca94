import { and, eq, gt } from 'drizzle-orm';
import { decodeProtectedHeader, importJWK, type JWTPayload, jwtVerify } from 'jose';
import type { Database } from '../../db/client.ts';
import { InvalidTokenError, type PublicMetadata, type TokenClaims } from '../port.ts';
import { auth_jwks, auth_session } from './schema.ts';

type VerificationKey = Awaited<ReturnType<typeof importJWK>>;

const KEY_RELOAD_INTERVAL_MS = 1_000;
const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;

/**
 * Verifies the embedded provider's API tokens without a database round trip for the signature:
 * the public keys are cached (and reloaded when an unknown key id appears). That the session still
 * exists is checked too, cached for a few seconds, so that signing out ends a token's life.
 */
export function createLocalTokenVerifier(db: Database, issuer: string) {
  const keys = new Map<string, { key: VerificationKey; alg: string }>();
  let lastReload = 0;
  const sessions = new Map<string, { valid: boolean; until: number }>();

  async function reloadKeys(): Promise<void> {
    if (Date.now() - lastReload < KEY_RELOAD_INTERVAL_MS) return;
    lastReload = Date.now();
    for (const row of await db.select().from(auth_jwks)) {
      if (keys.has(row.id)) continue;
      const alg = row.alg ?? 'EdDSA';
      keys.set(row.id, { key: await importJWK(JSON.parse(row.publicKey), alg), alg });
    }
  }

  async function keyFor(kid: string | undefined) {
    if (!kid) throw new InvalidTokenError('the token names no signing key');
    if (!keys.has(kid)) await reloadKeys();
    const found = keys.get(kid);
    if (!found) throw new InvalidTokenError('the token was signed by an unknown key');
    return found;
  }

  async function sessionIsLive(sessionId: string): Promise<boolean> {
    const cached = sessions.get(sessionId);
    if (cached && cached.until > Date.now()) return cached.valid;
    const [row] = await db
      .select({ id: auth_session.id })
      .from(auth_session)
      .where(and(eq(auth_session.id, sessionId), gt(auth_session.expiresAt, new Date())));
    if (sessions.size >= SESSION_CACHE_MAX) sessions.clear();
    sessions.set(sessionId, { valid: Boolean(row), until: Date.now() + SESSION_CACHE_MS });
    return Boolean(row);
  }

  return async function verifyToken(token: string): Promise<TokenClaims> {
    let payload: JWTPayload;
    try {
      const { kid } = decodeProtectedHeader(token);
      const { key, alg } = await keyFor(kid);
      ({ payload } = await jwtVerify(token, key, { issuer, audience: issuer, algorithms: [alg] }));
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      const code = (error as { code?: string }).code;
      throw new InvalidTokenError(
        code === 'ERR_JWT_EXPIRED' ? 'the token has expired' : 'the token is not valid',
      );
    }
    const sessionId = typeof payload.sid === 'string' ? payload.sid : undefined;
    if (!payload.sub || !sessionId) throw new InvalidTokenError('the token is not a session token');
    if (!(await sessionIsLive(sessionId))) throw new InvalidTokenError('the session has ended');
    const organization = payload.o as { id?: unknown } | undefined;
    return {
      userId: payload.sub,
      sessionId,
      orgId: typeof organization?.id === 'string' ? organization.id : null,
      metadata: (payload.metadata ?? {}) as PublicMetadata,
    };
  };
}
