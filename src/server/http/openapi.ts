import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import packageJson from '../../../package.json' with { type: 'json' };

/** The OpenAPI 3.1 document is generated from the routes' zod schemas; no hand-written spec to drift. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Arete API',
        description:
          'The JSON API of Arete, a coaching platform. Errors share one shape (`ApiError`); ' +
          'validation errors list every invalid field.',
        version: packageJson.version,
      },
      tags: [
        { name: 'health', description: 'Liveness and readiness probes' },
        { name: 'config', description: 'Public settings' },
        { name: 'users', description: 'The signed-in user' },
        { name: 'waitlist', description: 'Asking to join' },
        { name: 'admin', description: 'Platform administration (admin role)' },
        { name: 'webhooks', description: 'Events from the identity provider' },
      ],
      components: {
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description:
              'A session token: `GET /api/auth/token` (embedded provider) or Clerk `getToken()`.',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { deepLinking: true, displayRequestDuration: true },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
}
