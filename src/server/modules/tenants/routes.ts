import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema } from '../../../contract/errors.ts';
import {
  createTenantBodySchema,
  identityOrgParamsSchema,
  invitationListQuerySchema,
  inviteMemberBodySchema,
  memberListSchema,
  memberParamsSchema,
  memberSchema,
  metadataPatchSchema,
  orgInvitationListSchema,
  orgInvitationParamsSchema,
  orgInvitationSchema,
  tenantListQuerySchema,
  tenantListSchema,
  tenantSchema,
  updateMemberRoleBodySchema,
} from '../../../contract/tenants.ts';
import { callerOf, type Guards } from '../../identity/auth-plugin.ts';
import {
  changeMemberRole,
  inviteMember,
  listInvitations,
  listMembers,
  removeMember,
  revokeInvitation,
} from './members.ts';
import {
  createTenant,
  getTenant,
  listMyTenants,
  type TenantsServiceDeps,
  updateTenantMetadata,
} from './service.ts';

const secured = [{ bearerAuth: [] }];
export const tenantErrors = {
  400: apiErrorSchema,
  401: apiErrorSchema,
  403: apiErrorSchema,
  404: apiErrorSchema,
  409: apiErrorSchema,
  422: apiErrorSchema,
  502: apiErrorSchema,
};
// Metadata is capped at 8 KB by the service with a clear message; the body may be larger than that
// (multi-byte text escaped in JSON), so the transport limit sits well above it.
const METADATA_BODY_LIMIT = 64 * 1024;
const SMALL_BODY_LIMIT = 16 * 1024;

export const tenantRoutes: FastifyPluginAsyncZod<TenantsServiceDeps & { guards: Guards }> = async (
  app,
  { guards, ...deps },
) => {
  app.post(
    '/api/v1/tenants/create',
    {
      onRequest: guards.requireRole('admin', 'coach', 'client'),
      bodyLimit: METADATA_BODY_LIMIT,
      schema: {
        tags: ['tenants'],
        summary:
          'Create an organization: in the identity provider first (the caller its admin), then the tenant',
        security: secured,
        body: createTenantBodySchema,
        response: { 201: tenantSchema, ...tenantErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createTenant(deps, callerOf(request), request.body)),
  );

  app.get(
    '/api/v1/tenants/me/get-tenants',
    {
      onRequest: guards.signedIn,
      schema: {
        tags: ['tenants'],
        summary:
          "The caller's organizations, primary first; synced from the provider unless sync_from_clerk=false, from the database (flagged) when it is down",
        security: secured,
        querystring: tenantListQuerySchema,
        response: { 200: tenantListSchema, ...tenantErrors },
      },
    },
    (request) => listMyTenants(deps, callerOf(request), { sync: request.query.sync_from_clerk }),
  );

  app.get(
    '/api/v1/tenants/:identityOrgId',
    {
      onRequest: guards.signedIn,
      schema: {
        tags: ['tenants'],
        summary: 'One organization, synced from the provider when missing; members only',
        security: secured,
        params: identityOrgParamsSchema,
        response: { 200: tenantSchema, ...tenantErrors },
      },
    },
    (request) => getTenant(deps, callerOf(request), request.params.identityOrgId),
  );

  app.patch(
    '/api/v1/tenants/:identityOrgId/metadata',
    {
      onRequest: guards.signedIn,
      bodyLimit: METADATA_BODY_LIMIT,
      schema: {
        tags: ['tenants'],
        summary:
          "Deep-merge the organization's business metadata (null deletes a key); organization admins only",
        security: secured,
        params: identityOrgParamsSchema,
        body: metadataPatchSchema,
        response: { 200: tenantSchema, ...tenantErrors },
      },
    },
    (request) =>
      updateTenantMetadata(deps, callerOf(request), request.params.identityOrgId, request.body),
  );

  app.get(
    '/api/v1/tenants/:identityOrgId/members',
    {
      onRequest: guards.signedIn,
      schema: {
        tags: ['tenants'],
        summary: "The organization's members with their roles; members only",
        security: secured,
        params: identityOrgParamsSchema,
        response: { 200: memberListSchema, ...tenantErrors },
      },
    },
    async (request) => ({
      data: await listMembers(deps, callerOf(request), request.params.identityOrgId),
    }),
  );

  app.put(
    '/api/v1/tenants/:identityOrgId/members/:userId/role',
    {
      onRequest: guards.signedIn,
      bodyLimit: SMALL_BODY_LIMIT,
      schema: {
        tags: ['tenants'],
        summary: "Change a member's organization role (never the last admin's); admins only",
        security: secured,
        params: memberParamsSchema,
        body: updateMemberRoleBodySchema,
        response: { 200: memberSchema, ...tenantErrors },
      },
    },
    (request) =>
      changeMemberRole(
        deps,
        callerOf(request),
        request.params.identityOrgId,
        request.params.userId,
        request.body.role,
      ),
  );

  app.delete(
    '/api/v1/tenants/:identityOrgId/members/:userId',
    {
      onRequest: guards.signedIn,
      schema: {
        tags: ['tenants'],
        summary: 'Remove a member (never the last admin); admins only',
        security: secured,
        params: memberParamsSchema,
        response: { 204: z.null(), ...tenantErrors },
      },
    },
    async (request, reply) => {
      await removeMember(
        deps,
        callerOf(request),
        request.params.identityOrgId,
        request.params.userId,
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/tenants/:identityOrgId/invitations',
    {
      onRequest: guards.signedIn,
      bodyLimit: SMALL_BODY_LIMIT,
      schema: {
        tags: ['tenants'],
        summary: 'Invite someone by email to join the organization; admins only',
        security: secured,
        params: identityOrgParamsSchema,
        body: inviteMemberBodySchema,
        response: { 201: orgInvitationSchema, ...tenantErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inviteMember(deps, callerOf(request), request.params.identityOrgId, request.body),
        ),
  );

  app.get(
    '/api/v1/tenants/:identityOrgId/invitations',
    {
      onRequest: guards.signedIn,
      schema: {
        tags: ['tenants'],
        summary: "The organization's invitations by status (default pending); admins only",
        security: secured,
        params: identityOrgParamsSchema,
        querystring: invitationListQuerySchema,
        response: { 200: orgInvitationListSchema, ...tenantErrors },
      },
    },
    async (request) => ({
      data: await listInvitations(
        deps,
        callerOf(request),
        request.params.identityOrgId,
        request.query.status,
      ),
    }),
  );

  app.post(
    '/api/v1/tenants/:identityOrgId/invitations/:invitationId/revoke',
    {
      onRequest: guards.signedIn,
      schema: {
        tags: ['tenants'],
        summary: 'Revoke a pending invitation; admins only',
        security: secured,
        params: orgInvitationParamsSchema,
        response: { 200: orgInvitationSchema, ...tenantErrors },
      },
    },
    (request) =>
      revokeInvitation(
        deps,
        callerOf(request),
        request.params.identityOrgId,
        request.params.invitationId,
      ),
  );
};
