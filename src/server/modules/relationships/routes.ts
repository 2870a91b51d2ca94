import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiErrorSchema } from '../../../contract/errors.ts';
import {
  changeStatusBodySchema,
  coachDirectoryQuerySchema,
  coachDirectorySchema,
  connectionRequestBodySchema,
  inviteClientBodySchema,
  relationshipListQuerySchema,
  relationshipListSchema,
  relationshipParamsSchema,
  relationshipSchema,
  respondBodySchema,
} from '../../../contract/relationships.ts';
import { callerOf, type Guards } from '../../identity/auth-plugin.ts';
import { listCoaches } from './directory.ts';
import {
  changeStatus,
  getRelationship,
  inviteClient,
  listRelationships,
  type RelationshipsDeps,
  requestCoach,
  respond,
  revoke,
} from './service.ts';

const secured = [{ bearerAuth: [] }];
const BODY_LIMIT = 16 * 1024;
export const relationshipErrors = {
  400: apiErrorSchema,
  401: apiErrorSchema,
  403: apiErrorSchema,
  404: apiErrorSchema,
  409: apiErrorSchema,
  502: apiErrorSchema,
};
const tags = ['relationships'];

export const relationshipRoutes: FastifyPluginAsyncZod<
  RelationshipsDeps & { guards: Guards }
> = async (app, { guards, ...deps }) => {
  app.post(
    '/api/v1/relationships/invite',
    {
      onRequest: guards.requireRole('coach'),
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary:
          "Invite a client by email into the coach's practice; the same email again while pending answers the existing relationship (200)",
        security: secured,
        body: inviteClientBodySchema,
        response: { 200: relationshipSchema, 201: relationshipSchema, ...relationshipErrors },
      },
    },
    async (request, reply) => {
      const { relationship, created } = await inviteClient(deps, callerOf(request), request.body);
      return reply.code(created ? 201 : 200).send(relationship);
    },
  );

  app.post(
    '/api/v1/relationships/request',
    {
      onRequest: guards.requireRole('client'),
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary: 'Ask a listed coach to work together (seed 000 connection request)',
        security: secured,
        body: connectionRequestBodySchema,
        response: { 201: relationshipSchema, ...relationshipErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await requestCoach(deps, callerOf(request), request.body)),
  );

  app.post(
    '/api/v1/relationships/:id/respond',
    {
      onRequest: guards.signedIn,
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Accept or decline: the invitee answers an invitation, the coach answers a request',
        security: secured,
        params: relationshipParamsSchema,
        body: respondBodySchema,
        response: { 200: relationshipSchema, ...relationshipErrors },
      },
    },
    (request) => respond(deps, callerOf(request), request.params.id, request.body.accept),
  );

  app.post(
    '/api/v1/relationships/:id/revoke',
    {
      onRequest: guards.signedIn,
      schema: {
        tags,
        summary:
          'Withdraw a pending invitation (the coach) or request (the client); the invitation is revoked in the provider too',
        security: secured,
        params: relationshipParamsSchema,
        response: { 200: relationshipSchema, ...relationshipErrors },
      },
    },
    (request) => revoke(deps, callerOf(request), request.params.id),
  );

  app.patch(
    '/api/v1/relationships/:id',
    {
      onRequest: guards.signedIn,
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary: 'Pause, resume (active) or complete, by either party, within the lifecycle',
        security: secured,
        params: relationshipParamsSchema,
        body: changeStatusBodySchema,
        response: { 200: relationshipSchema, ...relationshipErrors },
      },
    },
    (request) => changeStatus(deps, callerOf(request), request.params.id, request.body.status),
  );

  app.get(
    '/api/v1/relationships/:id',
    {
      onRequest: guards.signedIn,
      schema: {
        tags,
        summary: 'One relationship: its two parties only (admins too, audited)',
        security: secured,
        params: relationshipParamsSchema,
        response: { 200: relationshipSchema, ...relationshipErrors },
      },
    },
    (request) => getRelationship(deps, callerOf(request), request.params.id),
  );

  for (const side of ['coach', 'client'] as const)
    app.get(
      `/api/v1/relationships/${side}`,
      {
        onRequest: guards.signedIn,
        schema: {
          tags,
          summary: `The caller's relationships as the ${side}, newest first, with counts by status`,
          security: secured,
          querystring: relationshipListQuerySchema,
          response: { 200: relationshipListSchema, ...relationshipErrors },
        },
      },
      (request) => listRelationships(deps, callerOf(request), side, request.query),
    );

  app.get(
    '/api/v1/coaches',
    {
      onRequest: guards.signedIn,
      schema: {
        tags,
        summary: 'The coach directory: coaches whose practice is listed',
        security: secured,
        querystring: coachDirectoryQuerySchema,
        response: { 200: coachDirectorySchema, ...relationshipErrors },
      },
    },
    (request) => listCoaches(deps, request.query),
  );
};
