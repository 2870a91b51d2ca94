// Seed 001's member area: the member's own relationships and session settings, with no
// organization context needed.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  memberRelationshipListSchema,
  sessionSettingsBodySchema,
  sessionSettingsSchema,
} from '../../../contract/relationships.ts';
import { callerOf, type Guards } from '../../identity/auth-plugin.ts';
import { relationshipErrors } from '../relationships/routes.ts';
import { memberRelationships, type RelationshipsDeps } from '../relationships/service.ts';
import { getSessionSettings, updateSessionSettings } from './session-settings.ts';

const secured = [{ bearerAuth: [] }];
const tags = ['member'];

export const memberRoutes: FastifyPluginAsyncZod<RelationshipsDeps & { guards: Guards }> = async (
  app,
  { guards, ...deps },
) => {
  app.get(
    '/api/v1/member/coaching-relationships/',
    {
      onRequest: guards.signedIn,
      schema: {
        tags,
        summary:
          "The member's relationships with each coach's profile and practice, invitations to them included",
        security: secured,
        response: { 200: memberRelationshipListSchema, ...relationshipErrors },
      },
    },
    async (request) => ({ data: await memberRelationships(deps, callerOf(request)) }),
  );

  app.get(
    '/api/v1/member/session-settings/',
    {
      onRequest: guards.signedIn,
      schema: {
        tags,
        summary: "The caller's session settings (kept in the identity provider's user metadata)",
        security: secured,
        response: { 200: sessionSettingsSchema, ...relationshipErrors },
      },
    },
    (request) => getSessionSettings(deps, callerOf(request)),
  );

  app.put(
    '/api/v1/member/session-settings/',
    {
      onRequest: guards.signedIn,
      bodyLimit: 1024,
      schema: {
        tags,
        summary: "Change the caller's session settings; nobody changes another user's",
        security: secured,
        body: sessionSettingsBodySchema,
        response: { 200: sessionSettingsSchema, ...relationshipErrors },
      },
    },
    (request) => updateSessionSettings(deps, callerOf(request), request.body),
  );
};
