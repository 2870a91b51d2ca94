import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  acceptedInvitationSchema,
  invitationParamsSchema,
  receivedInvitationListSchema,
  receivedInvitationQuerySchema,
  receivedInvitationSchema,
} from '../../../contract/tenants.ts';
import { callerOf, type Guards } from '../../identity/auth-plugin.ts';
import {
  acceptInvitation,
  declineInvitation,
  getReceivedInvitation,
  listReceivedInvitations,
} from './received-invitations.ts';
import { tenantErrors } from './routes.ts';
import type { TenantsServiceDeps } from './service.ts';

const secured = [{ bearerAuth: [] }];

/** `/api/v1/invitations/{id}`: what the acceptance page shows and does, for the addressee only. */
export const receivedInvitationRoutes: FastifyPluginAsyncZod<
  TenantsServiceDeps & { guards: Guards }
> = async (app, { guards, ...deps }) => {
  app.get(
    '/api/v1/invitations',
    {
      onRequest: guards.signedIn,
      schema: {
        tags: ['invitations'],
        summary: 'The organization invitations addressed to the caller’s verified email',
        security: secured,
        querystring: receivedInvitationQuerySchema,
        response: { 200: receivedInvitationListSchema, ...tenantErrors },
      },
    },
    async (request) => ({
      data: await listReceivedInvitations(deps, callerOf(request), request.query.status),
    }),
  );

  app.get(
    '/api/v1/invitations/:invitationId',
    {
      onRequest: guards.signedIn,
      schema: {
        tags: ['invitations'],
        summary: 'An organization invitation addressed to the caller’s verified email',
        security: secured,
        params: invitationParamsSchema,
        response: { 200: receivedInvitationSchema, ...tenantErrors },
      },
    },
    (request) => getReceivedInvitation(deps, callerOf(request), request.params.invitationId),
  );

  app.post(
    '/api/v1/invitations/:invitationId/accept',
    {
      onRequest: guards.signedIn,
      schema: {
        tags: ['invitations'],
        summary:
          'Accept it: the caller joins the organization (embedded provider; Clerk accepts in its own flow: 409)',
        security: secured,
        params: invitationParamsSchema,
        response: { 200: acceptedInvitationSchema, ...tenantErrors },
      },
    },
    async (request) => ({
      tenant: await acceptInvitation(deps, callerOf(request), request.params.invitationId),
    }),
  );

  app.post(
    '/api/v1/invitations/:invitationId/decline',
    {
      onRequest: guards.signedIn,
      schema: {
        tags: ['invitations'],
        summary: 'Decline it: the invitation is revoked',
        security: secured,
        params: invitationParamsSchema,
        response: { 200: receivedInvitationSchema, ...tenantErrors },
      },
    },
    (request) => declineInvitation(deps, callerOf(request), request.params.invitationId),
  );
};
