import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPageSchema, auditQuerySchema } from '../../../contract/audit.ts';
import { apiErrorSchema } from '../../../contract/errors.ts';
import type { Database } from '../../db/client.ts';
import type { Guards } from '../../identity/auth-plugin.ts';
import type { IdentityProvider } from '../../identity/port.ts';
import { createPeopleDirectory, type PeopleDirectory } from './people.ts';
import { readAuditLog } from './service.ts';

export type AuditRoutesOptions = {
  db: Database;
  guards: Guards;
  /** Who the actors are. Default: the app's identity provider (`app.identity.provider`). */
  identity?: IdentityProvider;
  /** Default: a directory over `identity` with its one-minute cache. */
  people?: PeopleDirectory;
};

export const auditRoutes: FastifyPluginAsyncZod<AuditRoutesOptions> = async (app, options) => {
  const { db, guards } = options;
  const identity = options.identity ?? app.identity.provider;
  const people = options.people ?? createPeopleDirectory(identity.users);

  app.get(
    '/api/v1/admin/audit-log',
    {
      onRequest: guards.requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary:
          'Who changed what: filter by who (email or name), action, target and time range; newest first',
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
    (request) => readAuditLog({ db, identity: identity.users, people }, request.query),
  );
};
