import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../contract/errors.ts';
import { frameworkErrors, registerErrorHandling } from './error-handler.ts';

// Fastify answers these before routing and before any hook, so the app's error handler never sees
// them; `frameworkErrors` gives them the API's shape. Built bare, as `app.ts` should build it.
const app = Fastify({ frameworkErrors, routerOptions: { maxParamLength: 300 } });
beforeAll(async () => {
  registerErrorHandling(app);
  app.get('/api/things/:id', (request) => request.params);
  await app.ready();
});
afterAll(() => app.close());

describe('errors Fastify answers before routing', () => {
  it.each(['%zz', '%FF', '%ED%A0%80', 'a%', '%C0%AE'])(
    'a malformed percent-encoding (%s) is a 400 ApiError with a request id',
    async (part) => {
      const response = await app.inject({ method: 'GET', url: `/api/things/${part}` });
      expect(response.statusCode).toBe(400);
      const body = apiErrorSchema.strict().parse(response.json());
      expect(body.error).toBe('bad_request');
      expect(body.requestId).toBe(response.headers['x-request-id']);
      expect(response.body).not.toContain(part);
    },
  );

  it('a path parameter over maxParamLength is a 414 ApiError', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/things/${'x'.repeat(301)}` });
    expect(response.statusCode).toBe(414);
    expect(apiErrorSchema.strict().parse(response.json()).error).toBe('uri_too_long');
  });

  it('leaves good addresses alone', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/things/${'x'.repeat(300)}` });
    expect(response.statusCode).toBe(200);
  });
});
