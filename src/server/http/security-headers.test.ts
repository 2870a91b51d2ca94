import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/support/app.ts';
import { registerOpenApi } from './openapi.ts';
import {
  clerkFrontendApiOrigin,
  clerkHelmetOptions,
  HELMET_OPTIONS,
  helmetHeaders,
  registerSecurityHeaders,
} from './security-headers.ts';

/** Header lines exactly as sent (names in their spelling, in order), without the date. */
function rawHeaders(url: string): Promise<{ status: number; lines: string[] }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, (response) => {
      const lines: string[] = [];
      for (let index = 0; index < response.rawHeaders.length; index += 2) {
        const name = response.rawHeaders[index] ?? '';
        if (name.toLowerCase() !== 'date') lines.push(`${name}: ${response.rawHeaders[index + 1]}`);
      }
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, lines }));
    })
      .on('error', reject)
      .end();
  });
}

/** The same little app twice: once with @fastify/helmet as before, once with the constant headers. */
async function probeApp(headers: 'helmet' | 'constant'): Promise<FastifyInstance> {
  const app = Fastify();
  if (headers === 'helmet') await app.register(helmet, HELMET_OPTIONS);
  else await registerSecurityHeaders(app);
  await registerOpenApi(app);
  app.get('/ok', () => ({ ok: true }));
  app.get('/text', () => 'plain');
  app.get('/boom', () => {
    throw new Error('boom');
  });
  app.get('/own-frame-policy', (_request, reply) =>
    reply.header('x-frame-options', 'DENY').send({ ok: true }),
  );
  app.get('/hijacked', (_request, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/plain' });
    reply.raw.end('raw');
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}

const urlOf = (app: FastifyInstance) =>
  `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

describe('security headers', () => {
  let withHelmet: FastifyInstance;
  let withConstant: FastifyInstance;
  beforeAll(async () => {
    [withHelmet, withConstant] = await Promise.all([probeApp('helmet'), probeApp('constant')]);
  });
  afterAll(async () => {
    await Promise.all([withHelmet.close(), withConstant.close()]);
  });

  it('are byte for byte what helmet sends, on every kind of answer', async () => {
    for (const path of [
      '/ok',
      '/text',
      '/boom',
      '/nowhere',
      '/own-frame-policy',
      '/hijacked',
      '/api/docs/',
      '/api/openapi.json',
    ]) {
      const [expected, actual] = await Promise.all([
        rawHeaders(`${urlOf(withHelmet)}${path}`),
        rawHeaders(`${urlOf(withConstant)}${path}`),
      ]);
      expect(actual, path).toEqual(expected);
    }
  });

  it('keep the strict CSP and every header helmet sets', async () => {
    const headers = Object.fromEntries(await helmetHeaders());
    expect(headers['Content-Security-Policy']).toBe(
      "default-src 'self';base-uri 'self';font-src 'self';form-action 'self';frame-ancestors 'self';" +
        "img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self'",
    );
    expect(Object.keys(headers)).toEqual([
      'Content-Security-Policy',
      'Cross-Origin-Opener-Policy',
      'Cross-Origin-Resource-Policy',
      'Origin-Agent-Cluster',
      'Referrer-Policy',
      'Strict-Transport-Security',
      'X-Content-Type-Options',
      'X-DNS-Prefetch-Control',
      'X-Download-Options',
      'X-Frame-Options',
      'X-Permitted-Cross-Domain-Policies',
      'X-XSS-Protection',
    ]);
  });
});

describe('security headers in the app', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('are on answers, refusals, validation errors and 404s alike', async () => {
    const expected = Object.fromEntries(
      (await helmetHeaders()).map(([name, value]) => [name.toLowerCase(), value]),
    );
    const answers = await Promise.all([
      app.inject({ method: 'GET', url: '/healthz' }),
      app.inject({ method: 'GET', url: '/api/v1/users/me' }),
      app.inject({ method: 'POST', url: '/api/v1/waitlist', payload: { email: 'nope' } }),
      app.inject({ method: 'GET', url: '/api/v1/nothing-here' }),
    ]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 401, 400, 404]);
    for (const answer of answers) expect(answer.headers).toMatchObject(expected);
  });
});

describe('security headers in Clerk mode', () => {
  const policyOf = async (options: typeof HELMET_OPTIONS) =>
    (await helmetHeaders(options)).find(
      ([name]) => name.toLowerCase() === 'content-security-policy',
    )?.[1] ?? '';

  it("allow Clerk's run-time styles, its blob worker, its API and avatars, and nothing else more", async () => {
    const strict = await policyOf(HELMET_OPTIONS);
    const clerk = await policyOf(clerkHelmetOptions('https://clerk.example.com'));
    expect(clerk).toContain("style-src 'self' 'unsafe-inline'");
    expect(clerk).toContain("worker-src 'self' blob:");
    expect(clerk).toContain("connect-src 'self' https://clerk.example.com");
    expect(clerk).toContain("img-src 'self' data: https://img.clerk.com");
    expect(clerk).toContain("script-src 'self'");
    const without = (policy: string) =>
      policy
        .split(';')
        .filter((directive) => !/^(style|worker|connect|img)-src/.test(directive.trim()))
        .join(';');
    expect(without(clerk)).toBe(without(strict));
    expect(await policyOf(clerkHelmetOptions(undefined))).toMatch(/connect-src 'self'(;|$)/);
  });

  it('find the Frontend API from the proxy URL, else from the publishable key', () => {
    const key = `pk_live_${Buffer.from('clerk.arete.example$').toString('base64')}`;
    expect(clerkFrontendApiOrigin({ publishableKey: key, proxyUrl: undefined })).toBe(
      'https://clerk.arete.example',
    );
    expect(clerkFrontendApiOrigin({ publishableKey: key, proxyUrl: '/__clerk' })).toBeUndefined();
    expect(
      clerkFrontendApiOrigin({ publishableKey: key, proxyUrl: 'https://proxy.example/__clerk' }),
    ).toBe('https://proxy.example');
    expect(clerkFrontendApiOrigin({ publishableKey: 'pk_test_%%%', proxyUrl: undefined })).toBe(
      undefined,
    );
    expect(clerkFrontendApiOrigin({ publishableKey: undefined, proxyUrl: undefined })).toBe(
      undefined,
    );
  });
});
