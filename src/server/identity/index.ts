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
import { resolveAuthSecret } from './local/secret.ts';
import type { IdentityProvider } from './port.ts';

export type Identity = {
  provider: IdentityProvider;
  events: IdentityEventBus;
  authority: AuthorityCache;
  /** `/api/auth/*` for the embedded provider, `/webhooks/clerk` for Clerk. */
  registerRoutes(app: FastifyInstance): void;
  /** Embedded provider only: creates the demo accounts; returns the emails it created. */
  seedDemoUsers: (() => Promise<string[]>) | undefined;
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
    const local = createLocalIdentity({
      db,
      mailer,
      publicUrl: config.publicUrl,
      secret: resolveAuthSecret(config.authSecret, config.dataDir),
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
  }

  const authority = new AuthorityCache(provider);
  events.on('user.updated', async ({ data }) => authority.invalidate(data.user.id));
  events.on('user.deleted', async ({ data }) => authority.invalidate(data.userId));
  return { provider, events, authority, registerRoutes, seedDemoUsers };
}
