import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { livenessSchema } from '../../../contract/health.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { serverReadinessSchema } from './schema.ts';
import { checkLiveness, checkReadiness } from './service.ts';

export const healthRoutes: FastifyPluginAsyncZod<{ database: DatabaseHandle }> = async (
  app,
  { database },
) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process is up and serving HTTP',
        response: { 200: livenessSchema },
      },
    },
    () => checkLiveness(),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary:
          'Readiness: the database is reachable and fully migrated, and API tokens can be issued',
        response: { 200: serverReadinessSchema, 503: serverReadinessSchema },
      },
    },
    async (request, reply) => {
      // The identity is decorated before this plugin is registered (app.ts).
      const readiness = await checkReadiness(database, app.identity, request.log);
      return reply.code(readiness.status === 'ready' ? 200 : 503).send(readiness);
    },
  );
};
