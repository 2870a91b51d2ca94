import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp } from '../../../test/support/app.ts';
import { ConflictError, NotFoundError } from './errors.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  app = await createTestApp();
  // Routes that exist only to drive the error handler through each kind of failure.
  app.post(
    '/api/test/echo',
    {
      schema: {
        body: z.object({
          email: z.email(),
          profile: z.object({ age: z.number().int().min(18) }),
        }),
      },
    },
    (request) => request.body,
  );
  app.get('/api/test/missing', () => {
    throw new NotFoundError('Coaching relationship');
  });
  app.get('/api/test/conflict', () => {
    throw new ConflictError('That email is already approved.');
  });
  app.get('/api/test/crash', () => {
    throw new Error('connect ECONNREFUSED 10.0.0.7:5432 password=hunter2');
  });
  await app.ready();
});
afterAll(() => app.close());

describe('error handling', () => {
  it('answers an invalid body with 400 and the path of every invalid field', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/test/echo',
      payload: { email: 'not-an-email', profile: { age: 12 } },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error).toBe('validation_failed');
    expect(body.issues.map((issue: { path: string }) => issue.path).sort()).toEqual([
      'body.email',
      'body.profile.age',
    ]);
    expect(body.message).toContain('body.email');
    expect(body.requestId).toBe(response.headers['x-request-id']);
  });

  it('passes a valid body through', async () => {
    const payload = { email: 'ada@example.com', profile: { age: 36 } };
    const response = await app.inject({ method: 'POST', url: '/api/test/echo', payload });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(payload);
  });

  it('answers malformed JSON with 400', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('bad_request');
  });

  it('answers a body over the limit with 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@example.com', padding: 'x'.repeat(1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toBe('payload_too_large');
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/test/echo',
      headers: { 'content-type': 'application/xml' },
      payload: '<email/>',
    });
    expect(response.statusCode).toBe(415);
  });

  it('maps domain errors to their status and message', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/test/missing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({
      error: 'not_found',
      message: 'Coaching relationship not found.',
    });
    const conflict = await app.inject({ method: 'GET', url: '/api/test/conflict' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().message).toBe('That email is already approved.');
  });

  it('answers an unexpected failure with 500, a request id and no internals', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/test/crash' });
    expect(response.statusCode).toBe(500);
    const body = response.json();
    expect(body.error).toBe('internal_error');
    expect(body.requestId).toEqual(expect.any(String));
    expect(response.body).not.toMatch(/ECONNREFUSED|hunter2|5432|at .*\.ts/);
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here?x=1',
      headers: { accept: 'text/html' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      error: 'not_found',
      message: 'No route for GET /api/v1/nothing-here.',
    });
  });
});

describe('request ids', () => {
  it('keeps a well-formed incoming X-Request-Id and replaces anything else', async () => {
    const kept = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(kept.headers['x-request-id']).toBe('trace-123');

    const replaced = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'bad id\nwith newline' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('security headers and CORS', () => {
  it('sets security headers on every answer', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('keeps CORS off by default', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { origin: 'https://elsewhere.example' },
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows only the configured origins when CORS_ORIGINS is set', async () => {
    const withCors = await createTestApp({ corsOrigins: ['https://app.example.com'] });
    try {
      const allowed = await withCors.inject({
        method: 'GET',
        url: '/healthz',
        headers: { origin: 'https://app.example.com' },
      });
      expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
      const refused = await withCors.inject({
        method: 'GET',
        url: '/healthz',
        headers: { origin: 'https://evil.example' },
      });
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await withCors.close();
    }
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBe('Arete API');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz']));
    expect(document.paths['/readyz'].get.responses).toHaveProperty('503');
    expect(document.paths).not.toHaveProperty('/api/openapi.json');
  });

  it('serves a readable docs page', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('swagger');
  });
});
