import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema } from '../../../contract/errors.ts';
import {
  acceptedSuggestionSchema,
  acceptSuggestionBodySchema,
  aiPrivacyBodySchema,
  aiPrivacySchema,
  discoverySchema,
  saveDiscoveryBodySchema,
  suggestionListQuerySchema,
  suggestionListSchema,
  suggestionParamsSchema,
  suggestionSchema,
} from '../../../contract/goal-suggestions.ts';
import { relationshipParamsSchema } from '../../../contract/relationships.ts';
import { callerOf, type Guards } from '../../identity/auth-plugin.ts';
import { getAiPrivacy, setAiPrivacy } from './ai-privacy.ts';
import {
  acceptSuggestion,
  completeDiscovery,
  dismissSuggestion,
  getDiscovery,
  getSharedDiscovery,
  getSuggestions,
  requestSuggestions,
  type SuggestionsDeps,
  saveDiscovery,
} from './service.ts';

const secured = [{ bearerAuth: [] }];
const errors = {
  400: apiErrorSchema,
  401: apiErrorSchema,
  403: apiErrorSchema,
  404: apiErrorSchema,
  409: apiErrorSchema,
};
const tags = ['goals'];
const BODY_LIMIT = 64 * 1024;

export const goalSuggestionRoutes: FastifyPluginAsyncZod<
  SuggestionsDeps & { guards: Guards }
> = async (app, { guards, ...deps }) => {
  const client = guards.requireRole('client');

  app.get(
    '/api/v1/goals/discovery',
    {
      onRequest: client,
      schema: {
        tags,
        summary: 'The caller’s discovery questionnaire, as far as they got',
        security: secured,
        response: { 200: discoverySchema, ...errors },
      },
    },
    (request) => getDiscovery(deps.db, callerOf(request)),
  );

  app.put(
    '/api/v1/goals/discovery',
    {
      onRequest: client,
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Save answers as the client goes (merged into those kept), and whether coaches see them',
        security: secured,
        body: saveDiscoveryBodySchema,
        response: { 200: discoverySchema, ...errors },
      },
    },
    (request) => saveDiscovery(deps.db, callerOf(request), request.body),
  );

  app.post(
    '/api/v1/goals/discovery/complete',
    {
      onRequest: client,
      schema: {
        tags,
        summary:
          'Finish the questionnaire: goal suggestions are generated from it in the background',
        security: secured,
        response: { 200: discoverySchema, ...errors },
      },
    },
    (request) => completeDiscovery(deps, callerOf(request)),
  );

  app.get(
    '/api/v1/goals/suggestions',
    {
      onRequest: client,
      schema: {
        tags,
        summary: 'The caller’s goal suggestions, best first',
        security: secured,
        querystring: suggestionListQuerySchema,
        response: { 200: suggestionListSchema, ...errors },
      },
    },
    (request) => getSuggestions(deps.db, callerOf(request), request.query.status),
  );

  app.post(
    '/api/v1/goals/suggestions/generate',
    {
      onRequest: client,
      schema: {
        tags,
        summary: 'Generate suggestions again from the answers and documents (in the background)',
        security: secured,
        response: { 202: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await requestSuggestions(deps, callerOf(request));
      return reply.code(202).send(null);
    },
  );

  app.post(
    '/api/v1/goals/suggestions/:id/accept',
    {
      onRequest: client,
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary: 'Make a pending suggestion a goal, as suggested or edited (409 once decided)',
        security: secured,
        params: suggestionParamsSchema,
        body: acceptSuggestionBodySchema,
        response: { 201: acceptedSuggestionSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await acceptSuggestion(deps, callerOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/goals/suggestions/:id/dismiss',
    {
      onRequest: client,
      schema: {
        tags,
        summary: 'Dismiss a pending suggestion; it is not suggested again',
        security: secured,
        params: suggestionParamsSchema,
        response: { 200: suggestionSchema, ...errors },
      },
    },
    (request) => dismissSuggestion(deps, callerOf(request), request.params.id),
  );

  app.get(
    '/api/v1/relationships/:id/goals/discovery',
    {
      onRequest: guards.requireRole('coach'),
      schema: {
        tags,
        summary:
          'The client’s questionnaire, for their coach, when the client shares it (null when not shared or not started)',
        security: secured,
        params: relationshipParamsSchema,
        response: { 200: discoverySchema.nullable(), ...errors },
      },
    },
    (request) => getSharedDiscovery(deps.db, callerOf(request), request.params.id),
  );

  app.get(
    '/api/v1/relationships/:id/ai-privacy',
    {
      onRequest: guards.signedIn,
      schema: {
        tags,
        summary:
          'Each side’s AI privacy level for this relationship, and the effective (lower) one',
        security: secured,
        params: relationshipParamsSchema,
        response: { 200: aiPrivacySchema, ...errors },
      },
    },
    (request) => getAiPrivacy(deps.db, callerOf(request), request.params.id),
  );

  app.put(
    '/api/v1/relationships/:id/ai-privacy',
    {
      onRequest: guards.signedIn,
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Set the caller’s own side: none (nothing generated), local_only (offline), or external (the AI service)',
        security: secured,
        params: relationshipParamsSchema,
        body: aiPrivacyBodySchema,
        response: { 200: aiPrivacySchema, ...errors },
      },
    },
    (request) => setAiPrivacy(deps.db, callerOf(request), request.params.id, request.body.level),
  );
};
