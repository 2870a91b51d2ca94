import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  coachingInterestBodySchema,
  coachingInterestListSchema,
  coachingInterestParamsSchema,
  coachingInterestPatchSchema,
  coachingInterestQuerySchema,
  coachingInterestSchema,
  matchBodySchema,
  matchResultSchema,
  myCoachingInterestSchema,
} from '../../../contract/coaching-interest.ts';
import { callerOf, type Guards } from '../../identity/auth-plugin.ts';
import { relationshipErrors } from '../relationships/routes.ts';
import type { RelationshipsDeps } from '../relationships/service.ts';
import {
  getInterest,
  listInterest,
  matchInterest,
  myOpenInterest,
  submitInterest,
  updateInterest,
} from './service.ts';

const secured = [{ bearerAuth: [] }];
const BODY_LIMIT = 32 * 1024;

export const coachingInterestRoutes: FastifyPluginAsyncZod<
  RelationshipsDeps & { guards: Guards }
> = async (app, { guards, ...deps }) => {
  const member = { tags: ['member'], security: secured };
  const admin = { tags: ['admin'], security: secured };

  app.get(
    '/api/v1/member/coaching-interest/',
    {
      onRequest: guards.signedIn,
      schema: {
        ...member,
        summary: "The caller's open coaching-interest submission, if any",
        response: { 200: myCoachingInterestSchema, ...relationshipErrors },
      },
    },
    async (request) => ({ submission: await myOpenInterest(deps, callerOf(request)) }),
  );

  app.post(
    '/api/v1/member/coaching-interest/',
    {
      onRequest: guards.signedIn,
      bodyLimit: BODY_LIMIT,
      schema: {
        ...member,
        summary:
          'Tell the admins what you want from coaching (stored, not mailed); one open submission at a time (409 with it)',
        body: coachingInterestBodySchema,
        response: { 201: coachingInterestSchema, ...relationshipErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await submitInterest(deps, callerOf(request), request.body)),
  );

  app.get(
    '/api/v1/admin/coaching-interest',
    {
      onRequest: guards.requireRole('admin'),
      schema: {
        ...admin,
        summary: 'Coaching-interest submissions, newest first, by status and search',
        querystring: coachingInterestQuerySchema,
        response: { 200: coachingInterestListSchema, ...relationshipErrors },
      },
    },
    (request) => listInterest(deps, request.query),
  );

  app.get(
    '/api/v1/admin/coaching-interest/:id',
    {
      onRequest: guards.requireRole('admin'),
      schema: {
        ...admin,
        summary: 'One coaching-interest submission',
        params: coachingInterestParamsSchema,
        response: { 200: coachingInterestSchema, ...relationshipErrors },
      },
    },
    (request) => getInterest(deps, request.params.id),
  );

  app.patch(
    '/api/v1/admin/coaching-interest/:id',
    {
      onRequest: guards.requireRole('admin'),
      bodyLimit: BODY_LIMIT,
      schema: {
        ...admin,
        summary: "Change a submission's status or notes (audited)",
        params: coachingInterestParamsSchema,
        body: coachingInterestPatchSchema,
        response: { 200: coachingInterestSchema, ...relationshipErrors },
      },
    },
    (request) => updateInterest(deps, callerOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/admin/coaching-interest/:id/match',
    {
      onRequest: guards.requireRole('admin'),
      bodyLimit: BODY_LIMIT,
      schema: {
        ...admin,
        summary:
          "Match to a listed coach: the coach's invitation goes to the member, the submission is marked matched (audited)",
        params: coachingInterestParamsSchema,
        body: matchBodySchema,
        response: { 200: matchResultSchema, ...relationshipErrors },
      },
    },
    (request) =>
      matchInterest(deps, callerOf(request), request.params.id, request.body.coachUserId),
  );
};
