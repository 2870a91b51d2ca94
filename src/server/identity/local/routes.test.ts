import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import {
  signUpAndVerify,
  uniqueClientAddress,
  uniqueEmail,
} from '../../../../test/support/identity.ts';
import { roleOf } from '../port.ts';
import { routeAuthRequest } from './endpoints.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
let cookie: string;
let userId: string;
let port: number;
beforeAll(async () => {
  app = await createTestApp({ signUpMode: 'waitlist', adminEmails: [] });
  ({ cookie, userId } = await openAccount());
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
});
afterAll(() => app.close());

// SIGNUP_MODE=waitlist refuses strangers, so the one account here comes in through an invitation.
async function openAccount() {
  const email = uniqueEmail('member');
  await app.identity.provider.invitations.create({ emailAddress: email });
  return signUpAndVerify(app, { email });
}

const TOKEN = 'A'.repeat(24);

/** Ways to reach an endpoint that is not on the list, as an attacker tried them. */
const walkArounds = [
  'reset-password/../sign-up/email',
  'reset-password/%2e%2e/sign-up/email',
  'reset-password/%2E%2E/sign-up/email',
  'reset-password/.%2e/sign-up/email',
  'x/../../auth/sign-up/email',
  'reset-password/..%2fsign-up/email',
  'reset-password/..%5csign-up/email',
  'reset-password\\..\\sign-up/email',
  './sign-up/email',
  'sign-up//email',
  '/sign-in/email',
  'sign-in/email/',
  'sign-in/email;x=1',
  'sign-%69n/email',
  'Sign-In/email',
  `reset-password/${TOKEN}/../../update-user`,
];

/** Better Auth endpoints that exist but are not for the public. */
const hidden = [
  'update-user',
  'change-password',
  'change-email',
  'revoke-sessions',
  'revoke-other-sessions',
  'delete-user',
  'list-sessions',
  'verify-email',
  'send-verification-email',
  'organization/create',
  'organization/leave',
  'organization/invite-member',
  'organization/update',
  'organization/accept-invitation',
  'admin/set-role',
  'admin/list-users',
  'callback/github',
];

/**
 * Real HTTP with the path sent byte for byte, as `curl --path-as-is` does: `inject` and `fetch` would
 * resolve the dot segments before the server ever saw them.
 */
function post(path: string, payload: unknown = {}) {
  const body = JSON.stringify(payload);
  return new Promise<{ statusCode: number; json(): { error?: string } }>((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/auth/${path}`,
        headers: { cookie, 'content-type': 'application/json', 'content-length': body.length },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ statusCode: response.statusCode ?? 0, json: () => JSON.parse(text) });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe('which endpoint a request reaches', () => {
  it('refuses every path that is not already canonical, before anything runs', async () => {
    for (const path of walkArounds) {
      const email = uniqueEmail('walked-around');
      const response = await post(path, { email, name: 'Mallory', password: 'x'.repeat(12) });
      expect(response.statusCode, path).toBe(404);
      expect(response.json().error, path).toBe('not_found');
      expect(await app.identity.provider.users.findByEmail(email), path).toBeNull();
    }
  });

  it('answers 404 for the provider endpoints that are not public, directly or walked around to', async () => {
    for (const path of hidden) {
      for (const url of [path, `reset-password/../${path}`, `reset-password/%2e%2e/${path}`]) {
        const response = await post(url, { name: 'x', role: 'admin', userId, newPassword: 'x' });
        expect(response.statusCode, url).toBe(404);
      }
      expect((await app.inject({ method: 'GET', url: `/api/auth/${path}` })).statusCode).toBe(404);
    }
    expect(roleOf((await app.identity.provider.users.get(userId))?.publicMetadata)).toBe('pending');
  });

  it('opens a password link only for a token of the exact shape', async () => {
    for (const token of ['short', 'A'.repeat(23), 'A'.repeat(25), `${'A'.repeat(23)}.`]) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/auth/reset-password/${token}?callbackURL=/set-password`,
      });
      expect(response.statusCode, token).toBe(404);
    }
    const unknown = await app.inject({
      method: 'GET',
      url: `/api/auth/reset-password/${TOKEN}?callbackURL=/set-password`,
    });
    expect(unknown.statusCode).toBe(302);
    expect(unknown.headers.location).toMatch(/\/set-password\?error=INVALID_TOKEN$/);
  });

  it('decides from the URL handed to the provider (unit)', () => {
    const origin = 'http://127.0.0.1:3000';
    expect(routeAuthRequest('POST', '/api/auth/sign-in/email?x=1', origin)?.endpoint).toBe(
      'sign-in',
    );
    expect(routeAuthRequest('GET', '/api/auth/sign-in/email', origin)).toBeUndefined();
    expect(
      routeAuthRequest('GET', `/api/auth/reset-password/${TOKEN}?callbackURL=/x`, origin)?.endpoint,
    ).toBe('open-password-link');
    for (const path of walkArounds)
      expect(routeAuthRequest('POST', `/api/auth/${path}`, origin), path).toBeUndefined();
  });
});

describe('what the mount sends on', () => {
  it('refuses JSON nested thousands deep with a 4xx, never a 500', async () => {
    const deepArray = `{"email":${'['.repeat(8000)}${']'.repeat(8000)},"password":"x"}`;
    const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    for (const payload of [deepArray, deepObject]) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        remoteAddress: uniqueClientAddress(),
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
    }
  });

  it('refuses a body that is not JSON, and one too large', async () => {
    const form = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a%40b.c&password=xxxxxxxxxxxx',
    });
    expect(form.statusCode).toBe(415);
    const large = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: 'a@b.c', password: 'x'.repeat(20_000) },
    });
    expect(large.statusCode).toBe(413);
  });

  it('marks every answer, the API token above all, as not to be stored', async () => {
    const token = await app.inject({ method: 'GET', url: '/api/auth/token', headers: { cookie } });
    expect(token.statusCode).toBe(200);
    expect(token.headers['cache-control']).toBe('no-store');
    const refused = await app.inject({ method: 'GET', url: '/api/auth/token' });
    expect(refused.headers['cache-control']).toBe('no-store');
  });
});
