import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema } from '../../../contract/errors.ts';
import {
  approvedUserBodySchema,
  approvedUsersQuerySchema,
  approvedUserUpdateSchema,
  emailParamsSchema,
  exportQuerySchema,
  IMPORT_MAX_ROWS,
  importJsonBodySchema,
  importQuerySchema,
  importReportSchema,
  registryBackupSchema,
  restoreReportSchema,
  waitlistEntrySchema,
  waitlistPageSchema,
} from '../../../contract/waitlist.ts';
import { BadRequestError } from '../../http/errors.ts';
import { callerOf, type Guards } from '../../identity/auth-plugin.ts';
import {
  addApprovedUser,
  listApprovedUsers,
  removeApprovedUser,
  updateApprovedUser,
} from './approved-users.ts';
import { backupRegistry, restoreRegistry } from './backup.ts';
import type { WaitlistDeps } from './service.ts';
import {
  exportApprovedUsers,
  importApprovedUsers,
  parseCsvRows,
  tooManyRowsMessage,
} from './transfer.ts';

const secured = [{ bearerAuth: [] }];
const errors = {
  400: apiErrorSchema,
  401: apiErrorSchema,
  403: apiErrorSchema,
  404: apiErrorSchema,
  409: apiErrorSchema,
};
// A registry of tens of thousands of rows is a few megabytes.
const TRANSFER_BODY_LIMIT = 32 * 1024 * 1024;

export const approvedUserRoutes: FastifyPluginAsyncZod<WaitlistDeps & { guards: Guards }> = async (
  app,
  { guards, ...deps },
) => {
  const admin = guards.requireRole('admin');
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: TRANSFER_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/api/v1/admin/approved-users',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Approved users (approved, or signed up)',
        security: secured,
        querystring: approvedUsersQuerySchema,
        response: { 200: waitlistPageSchema, ...errors },
      },
    },
    (request) => listApprovedUsers(deps, request.query),
  );

  app.post(
    '/api/v1/admin/approved-users',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Pre-approve an email with a role and invite it',
        security: secured,
        body: approvedUserBodySchema,
        response: { 201: waitlistEntrySchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addApprovedUser(deps, callerOf(request), request.body)),
  );

  app.put(
    '/api/v1/admin/approved-users/:email',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: "Change an approved user's role or notes",
        security: secured,
        params: emailParamsSchema,
        body: approvedUserUpdateSchema,
        response: { 200: waitlistEntrySchema, ...errors },
      },
    },
    (request) => updateApprovedUser(deps, callerOf(request), request.params.email, request.body),
  );

  app.delete(
    '/api/v1/admin/approved-users/:email',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Remove an approved user (revokes an unused invitation)',
        security: secured,
        params: emailParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeApprovedUser(deps, callerOf(request), request.params.email);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/admin/approved-users/bulk',
    {
      onRequest: admin,
      bodyLimit: TRANSFER_BODY_LIMIT,
      // Ahead of the schema, whose refusal of a long `users` array would not say why.
      preValidation: async (request) => {
        const users = (request.body as { users?: unknown } | null)?.users;
        if (Array.isArray(users) && users.length > IMPORT_MAX_ROWS)
          throw new BadRequestError(tooManyRowsMessage(users.length));
      },
      schema: {
        tags: ['admin'],
        summary:
          'Import approved users from CSV (text/csv, header: email,role[,notes,name]) or JSON ({ users: [...] }), at most 50,000 rows',
        security: secured,
        querystring: importQuerySchema,
        body: z.union([z.string(), importJsonBodySchema]),
        response: { 200: importReportSchema, ...errors },
      },
    },
    async (request) => {
      const rows =
        typeof request.body === 'string' ? await parseCsvRows(request.body) : request.body.users;
      return importApprovedUsers(deps, callerOf(request), rows, request.query);
    },
  );

  app.get(
    '/api/v1/admin/approved-users/export',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Export approved users as CSV or JSON',
        security: secured,
        querystring: exportQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await exportApprovedUsers(deps, request.query.format);
      return reply
        .type(file.contentType)
        .header(
          'content-disposition',
          `attachment; filename="approved-users.${request.query.format}"`,
        )
        .send(file.body);
    },
  );

  app.get(
    '/api/v1/admin/approved-users/backup',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'A versioned backup of the whole registry',
        security: secured,
        response: { 200: registryBackupSchema, ...errors },
      },
    },
    async (_request, reply) =>
      reply
        .header('content-disposition', 'attachment; filename="waitlist-registry-backup.json"')
        .send(await backupRegistry(deps)),
  );

  app.post(
    '/api/v1/admin/approved-users/restore',
    {
      onRequest: admin,
      bodyLimit: TRANSFER_BODY_LIMIT,
      schema: {
        tags: ['admin'],
        summary:
          'Replace the registry with a backup: validated in full first, applied in one transaction',
        security: secured,
        body: registryBackupSchema,
        response: { 200: restoreReportSchema, ...errors },
      },
    },
    (request) => restoreRegistry(deps, callerOf(request), request.body),
  );
};
