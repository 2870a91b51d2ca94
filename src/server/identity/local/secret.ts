import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Auth } from './auth.ts';
import { auth_jwks } from './schema.ts';

/** Where the secret came from: AUTH_SECRET, the file under DATA_DIR, or made just now. */
export type AuthSecretSource = 'configured' | 'file' | 'generated';

/**
 * The secret that signs sessions and encrypts the API token signing keys stored in the database.
 * A generated one is written to its file only by `keep()`, once the database is known to accept it,
 * so a refused start leaves nothing behind that a later start would trust.
 */
export type AuthSecret = {
  value: string;
  source: AuthSecretSource;
  /** `DATA_DIR/secrets/auth-secret`: where a secret that is not configured is kept. */
  file: string;
  /** Writes a generated secret to `file` (readable by its owner only); a no-op otherwise. */
  keep(): void;
};

export function authSecretFile(dataDir: string): string {
  return path.join(dataDir, 'secrets', 'auth-secret');
}

/**
 * AUTH_SECRET when configured, else the one kept under DATA_DIR by an earlier start, else a new one
 * (not written yet: see `keep`). Several servers on one database must share AUTH_SECRET instead;
 * `checkSigningSecret` refuses a secret that the database's signing keys were not made with.
 */
export function authSecretCandidate(configured: string | undefined, dataDir: string): AuthSecret {
  const file = authSecretFile(dataDir);
  const fixed = (value: string, source: AuthSecretSource): AuthSecret => ({
    value,
    source,
    file,
    keep: () => undefined,
  });
  if (configured) return fixed(configured, 'configured');
  if (existsSync(file)) return fixed(readFileSync(file, 'utf8').trim(), 'file');
  const value = randomBytes(32).toString('hex');
  let kept = false;
  return {
    value,
    source: 'generated',
    file,
    keep() {
      if (kept) return;
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
      kept = true;
    },
  };
}

/**
 * The secret to use at once: AUTH_SECRET when configured, else one generated on first start and
 * kept under DATA_DIR (readable by its owner only), so restarts keep everyone signed in.
 */
export function resolveAuthSecret(configured: string | undefined, dataDir: string): string {
  const secret = authSecretCandidate(configured, dataDir);
  secret.keep();
  return secret.value;
}

/** The database holds API token signing keys that this server's secret cannot decrypt. */
export class AuthSecretMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthSecretMismatchError';
  }
}

type SignJwtApi = {
  signJWT(input: {
    body: { payload: Record<string, unknown>; overrideOptions?: Record<string, unknown> };
  }): Promise<{ token: string }>;
};

/**
 * Signs a throwaway token exactly as `GET /api/auth/token` does (the newest signing key, decrypted
 * with the secret; a first key is made when there is none). Nobody receives it: it names no session,
 * so the API would refuse it anyway.
 */
export async function signProbeToken(auth: Auth): Promise<void> {
  const api = auth.api as unknown as Partial<SignJwtApi>;
  if (typeof api.signJWT !== 'function') throw new Error('the JWT plugin offers no signJWT');
  await api.signJWT({
    body: {
      payload: { sub: 'arete-signing-probe' },
      overrideOptions: { jwt: { expirationTime: '1m' } },
    },
  });
}

export function isDecryptionFailure(error: unknown): boolean {
  return error instanceof Error && /decrypt/i.test(error.message);
}

async function storedKeyCount(db: Database): Promise<number> {
  const [row] = await db.select({ keys: count() }).from(auth_jwks);
  return Number(row?.keys ?? 0);
}

/**
 * At start, before serving: makes sure `GET /api/auth/token` can work with this secret. If the
 * database holds no signing key yet, a generated secret is kept and the first key made with it (so a
 * server started later with another secret is refused, not broken). If it holds keys, the newest
 * must decrypt with this secret: otherwise starting would answer every token request with 500, so
 * this throws `AuthSecretMismatchError`, whose message says what to set. Run it under the database's
 * boot lock, so that servers starting together on an empty database agree on one first key.
 */
export async function checkSigningSecret(input: {
  db: Database;
  auth: Auth;
  secret: AuthSecret;
  /** Set: the database is a PostgreSQL server that other servers may share. */
  databaseUrl: string | undefined;
}): Promise<void> {
  const { db, auth, secret } = input;
  if ((await storedKeyCount(db)) === 0) {
    secret.keep();
    await signProbeToken(auth);
    return;
  }
  try {
    await signProbeToken(auth);
  } catch (error) {
    if (!isDecryptionFailure(error)) throw error;
    throw new AuthSecretMismatchError(mismatchMessage(secret, input.databaseUrl !== undefined));
  }
  secret.keep();
}

function mismatchMessage(secret: AuthSecret, sharedDatabase: boolean): string {
  const where = sharedDatabase ? 'The database at DATABASE_URL' : 'The embedded database';
  const ours =
    secret.source === 'configured'
      ? 'AUTH_SECRET is set, but to another secret'
      : secret.source === 'file'
        ? `AUTH_SECRET is not set, and the secret kept in ${secret.file} is another one`
        : `AUTH_SECRET is not set, and this DATA_DIR holds no secret (${secret.file} is missing: a fresh container or volume?)`;
  return [
    `${where} holds API token signing keys made with another AUTH_SECRET. ${ours}.`,
    'Started like this, every GET /api/auth/token would answer 500, so this server does not start.',
    sharedDatabase
      ? 'Set AUTH_SECRET to the secret the database was set up with: the AUTH_SECRET of the other servers on this database, or the content of DATA_DIR/secrets/auth-secret of the server that first used it. Every server on one database needs the same AUTH_SECRET.'
      : `Set AUTH_SECRET to the secret this database was set up with (or put it back into ${secret.file}).`,
    'If that secret is lost: delete the signing keys (`DELETE FROM auth_jwks;`) and start with a new AUTH_SECRET (at least 32 characters, e.g. `openssl rand -hex 32`). Everyone then signs in again; tokens already issued stop working.',
  ].join('\n');
}
