import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { livenessSchema, readinessSchema } from '../../../contract/health.ts';
import type { DatabaseHandle } from '../../db/client.ts';
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
        summary: 'Readiness: the database is reachable and fully migrated',
        response: { 200: readinessSchema, 503: readinessSchema },
      },
    },
    async (request, reply) => {
      const readiness = await checkReadiness(database, request.log);
      return reply.code(readiness.status === 'ready' ? 200 : 503).send(readiness);
    },
  );
};
