import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPageSchema, auditQuerySchema } from '../../../contract/audit.ts';
import { apiErrorSchema } from '../../../contract/errors.ts';
import type { Database } from '../../db/client.ts';
import type { Guards } from '../../identity/auth-plugin.ts';
import { listAuditEntries } from './repository.ts';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Database; guards: Guards }> = async (
  app,
  { db, guards },
) => {
  app.get(
    '/api/v1/admin/audit-log',
    {
      onRequest: guards.requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Who changed what: filter by actor, action, target and time range; newest first',
        security: [{ bearerAuth: [] }],
        querystring: auditQuerySchema,
        response: {
          200: auditPageSchema,
          400: apiErrorSchema,
          401: apiErrorSchema,
          403: apiErrorSchema,
        },
      },
    },
    async (request) => {
      const { page, pageSize, from, until, ...filter } = request.query;
      // One row more than asked tells whether another page exists, without counting the whole log.
      const rows = await listAuditEntries(
        db,
        {
          ...filter,
          from: from ? new Date(from) : undefined,
          until: until ? new Date(until) : undefined,
        },
        { limit: pageSize + 1, offset: (page - 1) * pageSize },
      );
      return {
        data: rows
          .slice(0, pageSize)
          .map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
        page,
        pageSize,
        hasMore: rows.length > pageSize,
      };
    },
  );
};
