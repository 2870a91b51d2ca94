import { randomUUID } from 'node:crypto';
import type { Jwk } from 'better-auth/plugins';
import { and, desc, gt, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { auth_jwks } from './schema.ts';

/** Taken (for one transaction) by whoever makes a signing key, on every server sharing the database. */
const SIGNING_KEY_LOCK_KEY = 7_231_004_418;
/** The JWT plugin's algorithm for keys saved without one. */
const DEFAULT_ALG = 'EdDSA';

/**
 * How the JWT plugin stores a signing key it makes (`adapter.createJwk`). The plugin makes one
 * whenever it finds no live key: on the first token or JWKS request of a fresh database. Done
 * naively, requests that come at once each make one, and a token signed with a key the verifier has
 * not loaded yet is refused. Here the key is made under a transaction-scoped advisory lock and only
 * if no live key of that algorithm exists by then: otherwise that key is returned, and the plugin
 * signs with it. On one server, callers that come at once also share one attempt.
 */
export function signingKeyStore(db: Database) {
  const pending = new Map<string, Promise<Jwk>>();

  async function createOnce(data: Omit<Jwk, 'id'>): Promise<Jwk> {
    const alg = data.alg ?? DEFAULT_ALG;
    return db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SIGNING_KEY_LOCK_KEY})`);
      const [live] = await tx
        .select()
        .from(auth_jwks)
        .where(
          and(
            sql`coalesce(${auth_jwks.alg}, ${DEFAULT_ALG}) = ${alg}`,
            or(isNull(auth_jwks.expiresAt), gt(auth_jwks.expiresAt, new Date())),
          ),
        )
        .orderBy(desc(auth_jwks.createdAt))
        .limit(1);
      const [row] = live
        ? [live]
        : await tx
            .insert(auth_jwks)
            .values({ ...data, id: randomUUID(), alg })
            .returning();
      if (!row) throw new Error('the signing key was not stored');
      return toJwk(row);
    });
  }

  return {
    createJwk(data: Omit<Jwk, 'id'>): Promise<Jwk> {
      const alg = data.alg ?? DEFAULT_ALG;
      let attempt = pending.get(alg);
      if (!attempt) {
        attempt = createOnce(data).finally(() => pending.delete(alg));
        pending.set(alg, attempt);
      }
      return attempt;
    },
  };
}

function toJwk(row: typeof auth_jwks.$inferSelect): Jwk {
  return {
    id: row.id,
    publicKey: row.publicKey,
    privateKey: row.privateKey,
    createdAt: row.createdAt,
    ...(row.expiresAt ? { expiresAt: row.expiresAt } : {}),
    ...(row.alg ? { alg: row.alg as Jwk['alg'] } : {}),
    ...(row.crv ? { crv: row.crv as Jwk['crv'] } : {}),
  };
}
