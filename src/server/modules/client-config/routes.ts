import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type ClientConfig, clientConfigSchema } from '../../../contract/config.ts';

/** Public: what the web app needs before anyone signs in (which sign-in screens to show). */
export const clientConfigRoutes: FastifyPluginAsyncZod<{ clientConfig: ClientConfig }> = async (
  app,
  { clientConfig },
) => {
  app.get(
    '/api/v1/config',
    {
      schema: {
        tags: ['config'],
        summary: 'Public settings for the web app',
        response: { 200: clientConfigSchema },
      },
    },
    () => clientConfig,
  );
};
