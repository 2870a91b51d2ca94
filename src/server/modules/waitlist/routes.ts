import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiErrorSchema } from '../../../contract/errors.ts';
import {
  approveBodySchema,
  bulkResultSchema,
  joinWaitlistBodySchema,
  joinWaitlistReceiptSchema,
  rejectBodySchema,
  waitlistPageSchema,
  waitlistQuerySchema,
} from '../../../contract/waitlist.ts';
import type { RateLimiting } from '../../http/rate-limit.ts';
import { callerOf, type Guards } from '../../identity/auth-plugin.ts';
import { approve, joinWaitlist, listWaitlist, reject, type WaitlistDeps } from './service.ts';

const MINUTE = 60_000;
const secured = [{ bearerAuth: [] }];
const adminErrors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema };

export const waitlistRoutes: FastifyPluginAsyncZod<
  WaitlistDeps & { guards: Guards; rateLimiting: RateLimiting }
> = async (app, { guards, rateLimiting, ...deps }) => {
  app.post(
    '/api/v1/waitlist',
    {
      preHandler: rateLimiting.limit(
        { name: 'waitlist-ip', max: 20, windowMs: 10 * MINUTE, key: (request) => request.ip },
        {
          name: 'waitlist-email',
          max: 3,
          windowMs: 60 * MINUTE,
          key: (request) => (request.body as { email?: string } | undefined)?.email,
        },
      ),
      schema: {
        tags: ['waitlist'],
        summary: 'Ask to join as a coach or a client',
        description:
          'The same 202 answer whatever the registry holds for the email, so it reveals nothing.',
        body: joinWaitlistBodySchema,
        response: { 202: joinWaitlistReceiptSchema, 400: apiErrorSchema, 429: apiErrorSchema },
      },
    },
    async (request, reply) => reply.code(202).send(await joinWaitlist(deps, request.body)),
  );

  app.get(
    '/api/v1/admin/waitlist',
    {
      onRequest: guards.requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary:
          'The waitlist: filter by status and role, search by email or name, sorted and paged',
        security: secured,
        querystring: waitlistQuerySchema,
        response: { 200: waitlistPageSchema, ...adminErrors },
      },
    },
    (request) => {
      const { status, ...rest } = request.query;
      return listWaitlist(deps, { ...rest, statuses: status ? [status] : undefined });
    },
  );

  app.post(
    '/api/v1/admin/waitlist/approve',
    {
      onRequest: guards.requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary:
          'Approve entries with a role and invite them to sign up (one invitation each, however often approved)',
        security: secured,
        body: approveBodySchema,
        response: { 200: bulkResultSchema, ...adminErrors },
      },
    },
    (request) => approve(deps, callerOf(request), request.body),
  );

  app.post(
    '/api/v1/admin/waitlist/reject',
    {
      onRequest: guards.requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Reject entries (an approval not yet used is withdrawn with its invitation)',
        security: secured,
        body: rejectBodySchema,
        response: { 200: bulkResultSchema, ...adminErrors },
      },
    },
    (request) => reject(deps, callerOf(request), request.body),
  );
};
