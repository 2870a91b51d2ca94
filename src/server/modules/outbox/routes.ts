import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiErrorSchema } from '../../../contract/errors.ts';
import { outboxListSchema, outboxQuerySchema } from '../../../contract/mail.ts';
import type { Database } from '../../db/client.ts';
import type { Guards } from '../../identity/auth-plugin.ts';
import { unsafeListOutboxMail } from './repository.ts';

/** Mail kept instead of sent (no SMTP configured). Its links sign people in: admins only. */
export const outboxRoutes: FastifyPluginAsyncZod<{ db: Database; guards: Guards }> = async (
  app,
  { db, guards },
) => {
  app.get(
    '/api/v1/admin/outbox',
    {
      onRequest: guards.requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Read the mail outbox (when no SMTP server is configured)',
        security: [{ bearerAuth: [] }],
        querystring: outboxQuerySchema,
        response: {
          200: outboxListSchema,
          400: apiErrorSchema,
          401: apiErrorSchema,
          403: apiErrorSchema,
        },
      },
    },
    async (request) => {
      const { to, page, pageSize } = request.query;
      const result = await unsafeListOutboxMail(
        db,
        { to },
        { limit: pageSize, offset: (page - 1) * pageSize },
      );
      return {
        data: result.data.map((mail) => ({ ...mail, createdAt: mail.createdAt.toISOString() })),
        totalCount: result.totalCount,
        page,
        pageSize,
      };
    },
  );
};
