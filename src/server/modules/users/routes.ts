import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiErrorSchema } from '../../../contract/errors.ts';
import {
  coachAuthorizationSchema,
  meSchema,
  setRoleBodySchema,
  userIdParamsSchema,
  userListQuerySchema,
  userListSchema,
  userSchema,
} from '../../../contract/users.ts';
import { callerOf, type Guards, userReadFor } from '../../identity/auth-plugin.ts';
import {
  checkCoachAuthorization,
  getMe,
  listUsers,
  setBanned,
  setRole,
  type UsersDeps,
} from './service.ts';

const secured = [{ bearerAuth: [] }];
const errors = {
  400: apiErrorSchema,
  401: apiErrorSchema,
  403: apiErrorSchema,
  404: apiErrorSchema,
};

export const userRoutes: FastifyPluginAsyncZod<UsersDeps & { guards: Guards }> = async (
  app,
  { guards, ...deps },
) => {
  app.get(
    '/api/v1/users/me',
    {
      onRequest: guards.signedIn,
      schema: {
        tags: ['users'],
        summary: 'The signed-in user, with the authoritative role',
        security: secured,
        response: { 200: meSchema, ...errors },
      },
    },
    // Read once per request: on a cache miss authentication has just read the user.
    (request) => getMe(deps, callerOf(request), userReadFor(request)),
  );

  app.get(
    '/api/v1/users/me/check-coach-authorization',
    {
      onRequest: guards.signedIn,
      schema: {
        tags: ['users'],
        summary: 'Whether the signed-in user may act as a coach',
        security: secured,
        response: { 200: coachAuthorizationSchema, ...errors },
      },
    },
    (request) => checkCoachAuthorization(callerOf(request)),
  );

  app.get(
    '/api/v1/admin/users',
    {
      onRequest: guards.requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Search users by email or name, filter by role',
        security: secured,
        querystring: userListQuerySchema,
        response: { 200: userListSchema, ...errors },
      },
    },
    (request) => listUsers(deps, request.query),
  );

  app.put(
    '/api/v1/admin/users/:userId/role',
    {
      onRequest: guards.requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: "Set a user's platform role (audited)",
        security: secured,
        params: userIdParamsSchema,
        body: setRoleBodySchema,
        response: { 200: userSchema, ...errors },
      },
    },
    (request) => setRole(deps, callerOf(request), request.params.userId, request.body.role),
  );

  for (const action of ['ban', 'unban'] as const) {
    app.post(
      `/api/v1/admin/users/:userId/${action}`,
      {
        onRequest: guards.requireRole('admin'),
        schema: {
          tags: ['admin'],
          summary:
            action === 'ban'
              ? 'Suspend a user and end their sessions (audited)'
              : 'Lift a suspension (audited)',
          security: secured,
          params: userIdParamsSchema,
          response: { 200: userSchema, ...errors },
        },
      },
      (request) => setBanned(deps, callerOf(request), request.params.userId, action === 'ban'),
    );
  }
};
