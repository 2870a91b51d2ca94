import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiErrorSchema } from '../../../contract/errors.ts';
import {
  clientOnboardingBodySchema,
  coachOnboardingBodySchema,
  createProfileBodySchema,
  onboardedSchema,
  profileSchema,
  profileSummarySchema,
  profileUserParamsSchema,
  updateProfileBodySchema,
} from '../../../contract/profiles.ts';
import { callerOf, type Guards } from '../../identity/auth-plugin.ts';
import { tenantErrors } from '../tenants/routes.ts';
import {
  createMyProfile,
  getMyProfile,
  getProfileSummary,
  onboardClient,
  onboardCoach,
  type ProfilesDeps,
  updateMyProfile,
} from './service.ts';

const secured = [{ bearerAuth: [] }];
const BODY_LIMIT = 64 * 1024;
/** 409 also carries the profile that exists (`existing`), so that a retried onboarding can carry on. */
const conflictWithProfile = apiErrorSchema.extend({ existing: profileSchema.optional() });
const errors = { ...tenantErrors, 409: conflictWithProfile };

export const profileRoutes: FastifyPluginAsyncZod<ProfilesDeps & { guards: Guards }> = async (
  app,
  { guards, ...deps },
) => {
  app.get(
    '/api/v1/users/me/profile',
    {
      onRequest: guards.signedIn,
      schema: {
        tags: ['profiles'],
        summary: "The caller's profile (404 until they have one)",
        security: secured,
        response: { 200: profileSchema, ...errors },
      },
    },
    (request) => getMyProfile(deps, callerOf(request)),
  );

  app.post(
    '/api/v1/users/me/profile',
    {
      onRequest: guards.requireRole('admin', 'coach', 'client'),
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['profiles'],
        summary: "Create the caller's profile (409 with it when there is one)",
        security: secured,
        body: createProfileBodySchema,
        response: { 201: profileSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createMyProfile(deps, callerOf(request), request.body)),
  );

  app.put(
    '/api/v1/users/me/profile',
    {
      onRequest: guards.requireRole('admin', 'coach', 'client'),
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['profiles'],
        summary: "Update the caller's profile: fields given replace, null clears an optional one",
        security: secured,
        body: updateProfileBodySchema,
        response: { 200: profileSchema, ...errors },
      },
    },
    (request) => updateMyProfile(deps, callerOf(request), request.body),
  );

  app.get(
    '/api/v1/profiles/:identityUserId',
    {
      onRequest: guards.signedIn,
      schema: {
        tags: ['profiles'],
        summary: "A user's public profile summary, for people who share an organization with them",
        security: secured,
        params: profileUserParamsSchema,
        response: { 200: profileSummarySchema, ...errors },
      },
    },
    (request) => getProfileSummary(deps, callerOf(request), request.params.identityUserId),
  );

  app.post(
    '/api/v1/profiles/coach',
    {
      onRequest: guards.requireRole('coach'),
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['profiles'],
        summary:
          'Coach onboarding: the practice in the identity provider (the coach its admin), then the tenant and the profile',
        security: secured,
        body: coachOnboardingBodySchema,
        response: { 201: onboardedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await onboardCoach(deps, callerOf(request), request.body)),
  );

  app.post(
    '/api/v1/profiles/client',
    {
      onRequest: guards.requireRole('client'),
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['profiles'],
        summary:
          'Client onboarding: the profile and a new company, or joining the company whose invitation the client holds',
        security: secured,
        body: clientOnboardingBodySchema,
        response: { 201: onboardedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await onboardClient(deps, callerOf(request), request.body)),
  );
};
