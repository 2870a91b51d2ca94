import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { JobRunner } from '../jobs/runner.ts';
import type { Mailer } from '../mail/mailer.ts';
import { AuthorityCache } from './authority.ts';
import { createClerkIdentityProvider } from './clerk/adapter.ts';
import { registerClerkWebhook } from './clerk-webhook-route.ts';
import { IdentityEventBus } from './event-bus.ts';
import { createLocalIdentity } from './local/adapter.ts';
import { seedDemoUsers as seedLocalDemoUsers } from './local/demo-users.ts';
import { registerLocalAuthRoutes } from './local/routes.ts';
import {
  authSecretCandidate,
  checkSigningSecret,
  isDecryptionFailure,
  signProbeToken,
} from './local/secret.ts';
import type { IdentityProvider } from './port.ts';

/** Whether this server can issue API tokens: what `/readyz` reports under `identity`. */
export type TokenSigning =
  | { status: 'ok' }
  /** Clerk issues the tokens; there is nothing of ours to check. */
  | { status: 'not_applicable' }
  /** `problem` is said to the caller of `/readyz`; `cause` goes to the log only. */
  | { status: 'failing'; problem: string; cause: unknown };

export type Signing = {
  /**
   * At start, before serving (`main.ts`, under the database's boot lock): refuses, with
   * `AuthSecretMismatchError`, a secret the database's signing keys were not made with, and makes
   * the first key when there is none.
   */
  check(): Promise<void>;
  /** Signs a throwaway token the way `GET /api/auth/token` does; the answer is kept a few seconds. */
  status(): Promise<TokenSigning>;
};

// Readiness probes come every few seconds from every load balancer: one signature per interval will do.
const SIGNING_STATUS_TTL_MS = 5_000;

export type Identity = {
  provider: IdentityProvider;
  events: IdentityEventBus;
  authority: AuthorityCache;
  /** `/api/auth/*` for the embedded provider, `/webhooks/clerk` for Clerk. */
  registerRoutes(app: FastifyInstance): void;
  /** Embedded provider only: creates the demo accounts; returns the emails it created. */
  seedDemoUsers: (() => Promise<string[]>) | undefined;
  signing: Signing;
};

/** Clerk when CLERK_SECRET_KEY is set; otherwise the embedded provider on our own database. */
export function createIdentity(input: {
  config: Config;
  db: Database;
  mailer: Mailer;
  /** The server's job runner: identity events are delivered as its jobs. */
  jobs: JobRunner;
  /** Who may sign up (embedded provider; Clerk applies its own sign-up restrictions). */
  signUpPolicy?: (email: string) => Promise<boolean>;
}): Identity {
  const { config, db, mailer } = input;
  const events = new IdentityEventBus(input.jobs);
  let provider: IdentityProvider;
  let registerRoutes: Identity['registerRoutes'];
  let seedDemoUsers: Identity['seedDemoUsers'];
  let signing: Signing = {
    check: async () => undefined,
    status: async () => ({ status: 'not_applicable' }),
  };

  if (config.clerk) {
    const clerk = config.clerk;
    provider = createClerkIdentityProvider({
      secretKey: clerk.secretKey,
      jwtKey: clerk.jwtKey,
      apiUrl: clerk.apiUrl,
      authorizedParties: clerk.authorizedParties.length > 0 ? clerk.authorizedParties : undefined,
    });
    registerRoutes = (app) => registerClerkWebhook(app, events, clerk.webhookSigningSecret);
  } else {
    const secret = authSecretCandidate(config.authSecret, config.dataDir);
    const local = createLocalIdentity({
      db,
      mailer,
      publicUrl: config.publicUrl,
      secret: secret.value,
      // In development the pages come from Vite's dev server, another origin than the API's.
      trustedOrigins:
        config.env === 'development'
          ? [...config.corsOrigins, 'http://localhost:5173', 'http://127.0.0.1:5173']
          : config.corsOrigins,
      signUpPolicy: input.signUpPolicy,
      eventsStored: () => events.nudge(),
    });
    provider = local.provider;
    registerRoutes = (app) => registerLocalAuthRoutes(app, local, config.publicUrl);
    seedDemoUsers = () => seedLocalDemoUsers(local.auth, local.provider);
    signing = {
      check: () =>
        checkSigningSecret({ db, auth: local.auth, secret, databaseUrl: config.databaseUrl }),
      status: cachedSigningStatus(() => signProbeToken(local.auth)),
    };
  }

  const authority = new AuthorityCache(provider);
  events.on('user.updated', async ({ data }) => authority.invalidate(data.user.id));
  events.on('user.deleted', async ({ data }) => authority.invalidate(data.userId));
  return { provider, events, authority, registerRoutes, seedDemoUsers, signing };
}

function cachedSigningStatus(probe: () => Promise<void>): () => Promise<TokenSigning> {
  let last: { value: TokenSigning; until: number } | undefined;
  let pending: Promise<TokenSigning> | undefined;
  return () => {
    if (last && last.until > Date.now()) return Promise.resolve(last.value);
    pending ??= probe()
      .then(
        (): TokenSigning => ({ status: 'ok' }),
        (cause: unknown): TokenSigning => ({
          status: 'failing',
          problem: isDecryptionFailure(cause)
            ? "The signing keys in the database cannot be decrypted with this server's AUTH_SECRET: every server on one database needs the same AUTH_SECRET."
            : 'API tokens cannot be signed.',
          cause,
        }),
      )
      .then((value) => {
        last = { value, until: Date.now() + SIGNING_STATUS_TTL_MS };
        return value;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}
