import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import Fastify from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/client.ts';
import { registerCompression } from './http/compression.ts';
import { frameworkErrors, registerErrorHandling } from './http/error-handler.ts';
import { loggerOptions } from './http/logging.ts';
import { registerOpenApi } from './http/openapi.ts';
import { registerRateLimiting } from './http/rate-limit.ts';
import { clerkFrontendApiOrigin, registerSecurityHeaders } from './http/security-headers.ts';
import { registerWebApp } from './http/web-app.ts';
import { registerAuthentication } from './identity/auth-plugin.ts';
import { createIdentity, type Identity } from './identity/index.ts';
import { JobRunner } from './jobs/runner.ts';
import { registerMailJob } from './mail/mail-job.ts';
import { createMailer } from './mail/mailer.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { clientConfigRoutes } from './modules/client-config/routes.ts';
import { coachingInterestRoutes } from './modules/coaching-interest/routes.ts';
import { registerDocumentJobs } from './modules/documents/jobs.ts';
import { documentRoutes } from './modules/documents/routes.ts';
import { openDocumentStorage } from './modules/documents/storage/from-config.ts';
import type { DocumentStorage } from './modules/documents/storage/storage.ts';
import { goalSuggestionRoutes } from './modules/goal-suggestions/routes.ts';
import { registerSuggestionJobs } from './modules/goal-suggestions/service.ts';
import { goalRoutes } from './modules/goals/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { memberRoutes } from './modules/member/routes.ts';
import { outboxRoutes } from './modules/outbox/routes.ts';
import { profileRoutes } from './modules/profiles/routes.ts';
import { primaryOrganizationOf } from './modules/profiles/service.ts';
import { registerRelationshipEvents } from './modules/relationships/events.ts';
import { registerInvitationJobs } from './modules/relationships/invitation-jobs.ts';
import { shareARelationship } from './modules/relationships/repository.ts';
import { relationshipRoutes } from './modules/relationships/routes.ts';
import { receivedInvitationRoutes } from './modules/tenants/invitation-routes.ts';
import { tenantRoutes } from './modules/tenants/routes.ts';
import { registerTenantSync } from './modules/tenants/sync.ts';
import { grantAdminToConfiguredEmails } from './modules/users/first-admins.ts';
import { userRoutes } from './modules/users/routes.ts';
import { approvedUserRoutes } from './modules/waitlist/approved-users-routes.ts';
import { registerWaitlistJobs } from './modules/waitlist/invitations.ts';
import { waitlistRoutes } from './modules/waitlist/routes.ts';
import { assignPreApprovedRoles, waitlistSignUpPolicy } from './modules/waitlist/sign-up.ts';

export type AppDependencies = {
  config: Config;
  database: DatabaseHandle;
};

const BODY_LIMIT_BYTES = 1024 * 1024;
// An incoming X-Request-Id is kept (to follow a request across services) only if it is plainly an id.
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;

/** Assembles the HTTP app around already opened dependencies; `main.ts` owns their lifecycle. */
export async function buildApp({ config, database }: AppDependencies) {
  const app = Fastify({
    logger: loggerOptions(config),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    frameworkErrors,
    // An email path parameter is up to 254 characters, about three times that percent-encoded.
    routerOptions: { maxParamLength: 1024 },
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming)
        ? incoming
        : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerErrorHandling(app);

  // Helmet's headers with a strict CSP, computed once (security-headers.ts).
  await registerSecurityHeaders(
    app,
    config.clerk ? { clerk: { frontendApi: clerkFrontendApiOrigin(config.clerk) } } : {},
  );
  if (config.corsOrigins.length > 0) {
    await app.register(cors, { origin: config.corsOrigins, credentials: true });
  }
  await registerCompression(app);
  await registerOpenApi(app);

  const db = database.db;
  const mailer = createMailer(config, db, app.log);
  const rateLimiting = await registerRateLimiting(app, {
    enabled: config.rateLimits,
    redisUrl: config.redisUrl,
  });
  // The one job runner of this server: every durable side effect is one of its jobs. `main.ts`
  // starts it; tests drain it instead.
  const jobs = new JobRunner(db, app.log);
  registerMailJob(jobs, mailer);
  app.decorate('jobs', jobs);
  app.addHook('onClose', () => jobs.stop());
  const identity = createIdentity({
    config,
    db,
    mailer,
    jobs,
    signUpPolicy:
      config.signUpMode === 'waitlist' ? waitlistSignUpPolicy(db, config.adminEmails) : undefined,
  });
  app.decorate('identity', identity);
  const guards = registerAuthentication(app, identity.provider, identity.authority);
  grantAdminToConfiguredEmails(identity.events, identity.provider, config.adminEmails);
  assignPreApprovedRoles(identity.events, identity.provider, db);

  await app.register(healthRoutes, { database });
  identity.registerRoutes(app);
  await app.register(clientConfigRoutes, {
    clientConfig: {
      identityProvider: identity.provider.kind,
      clerkPublishableKey: config.clerk?.publishableKey ?? null,
      clerkProxyUrl: config.clerk?.proxyUrl ?? null,
      signUpMode: config.signUpMode,
      mailTransport: mailer.transport,
    },
  });
  const deps = { db, identity: identity.provider, authority: identity.authority, guards };
  await app.register(userRoutes, deps);
  await app.register(outboxRoutes, { db, guards });
  await app.register(auditRoutes, { db, guards });
  const waitlistDeps = {
    db,
    identity: identity.provider,
    publicUrl: config.publicUrl,
    log: app.log,
    jobs,
  };
  registerWaitlistJobs(jobs, waitlistDeps);
  await app.register(waitlistRoutes, { ...waitlistDeps, guards, rateLimiting });
  await app.register(approvedUserRoutes, { ...waitlistDeps, guards });
  const tenantsDeps = {
    db,
    identity: identity.provider,
    log: app.log,
    // Profiles own the primary organization; tenants only read it (no import between the two).
    primaryOrganizationOf: (userId: string) => primaryOrganizationOf(db, userId),
  };
  registerTenantSync(identity.events, tenantsDeps);
  await app.register(tenantRoutes, { ...tenantsDeps, guards });
  await app.register(receivedInvitationRoutes, { ...tenantsDeps, guards });
  await app.register(profileRoutes, {
    ...tenantsDeps,
    shareARelationship: (userId: string, otherUserId: string) =>
      shareARelationship(db, userId, otherUserId),
    guards,
  });
  const relationshipsDeps = { ...tenantsDeps, jobs, publicUrl: config.publicUrl };
  registerInvitationJobs(jobs, relationshipsDeps);
  registerRelationshipEvents(identity.events, relationshipsDeps);
  await app.register(relationshipRoutes, { ...relationshipsDeps, guards });
  await app.register(memberRoutes, { ...relationshipsDeps, guards });
  await app.register(coachingInterestRoutes, { ...relationshipsDeps, guards });
  const storage = await openDocumentStorage(config.documents.storage);
  // After the job runner's own onClose hook (hooks run in order): no job still reads a file.
  app.addHook('onClose', () => storage.close());
  app.decorate('documentStorage', storage);
  const documentsDeps = {
    db,
    identity: identity.provider,
    jobs,
    storage,
    log: app.log,
    limits: {
      maxUploadBytes: config.documents.maxUploadBytes,
      quotaBytes: config.documents.quotaBytes,
    },
  };
  registerDocumentJobs(jobs, documentsDeps);
  await app.register(documentRoutes, { ...documentsDeps, guards });
  const goalsDeps = { db, identity: identity.provider, focusLimit: config.goalFocusLimit };
  registerSuggestionJobs(jobs, { db, ai: config.ai });
  await app.register(goalSuggestionRoutes, { ...goalsDeps, jobs, guards });
  await app.register(goalRoutes, { ...goalsDeps, guards });

  await registerWebApp(app, config.webDistDir);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;

declare module 'fastify' {
  interface FastifyInstance {
    identity: Identity;
    jobs: JobRunner;
    documentStorage: DocumentStorage;
  }
}
