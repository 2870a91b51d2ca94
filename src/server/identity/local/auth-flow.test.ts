import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import {
  latestMailTo,
  signUpAndVerify,
  TEST_PASSWORD,
  uniqueClientAddress,
  uniqueEmail,
} from '../../../../test/support/identity.ts';
import { roleOf } from '../port.ts';
import { resolveAuthSecret } from './secret.ts';

const firstAdmin = uniqueEmail('first-admin');
let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp({ adminEmails: [firstAdmin] });
});
afterAll(() => app.close());

function signUp(email: string, remoteAddress = uniqueClientAddress()) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/sign-up/email',
    remoteAddress,
    payload: { email, name: 'New Person', password: TEST_PASSWORD },
  });
}

function signIn(
  email: string,
  password: string,
  remoteAddress = uniqueClientAddress(),
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    remoteAddress,
    headers,
    payload: { email, password },
  });
}

describe('sign-up and email verification', () => {
  it('mails a verification link and refuses sign-in until the email is verified', async () => {
    const email = uniqueEmail();
    expect((await signUp(email)).statusCode).toBe(200);
    const { mail, link } = await latestMailTo(app, email);
    expect(mail.subject).toMatch(/confirm your email/i);
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:3000\/api\/auth\/verify-email\?token=/);

    const early = await signIn(email, TEST_PASSWORD);
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('EMAIL_NOT_VERIFIED');
    expect((await app.inject({ method: 'GET', url: '/api/auth/token' })).statusCode).toBe(401);
  });

  it('refuses a short password, and answers a taken email like a new one without touching it', async () => {
    const email = uniqueEmail();
    const short = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      remoteAddress: uniqueClientAddress(),
      payload: { email, name: 'Short', password: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(await app.identity.provider.users.findByEmail(email)).toBeNull();

    // The same answer as for a new address, so sign-up cannot be used to learn who has an account.
    const person = await signUpAndVerify(app);
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      remoteAddress: uniqueClientAddress(),
      payload: { email: person.email, name: 'Impostor', password: 'another password entirely' },
    });
    expect(again.statusCode).toBe(200);
    expect((await signIn(person.email, 'another password entirely')).statusCode).toBe(401);
    expect((await signIn(person.email, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await app.identity.provider.users.get(person.userId))?.firstName).toBe('Test');
  });

  it('gives ADMIN_EMAILS the admin role once, and only once, the address is verified', async () => {
    await signUp(firstAdmin);
    await app.identity.events.drain();
    expect(
      roleOf((await app.identity.provider.users.findByEmail(firstAdmin))?.publicMetadata),
    ).toBe('pending');

    await signUpAndVerify(app, { email: uniqueEmail('not-an-admin') });
    const { link } = await latestMailTo(app, firstAdmin);
    const url = new URL(link ?? '');
    await app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
    await app.identity.events.drain();
    expect(
      roleOf((await app.identity.provider.users.findByEmail(firstAdmin))?.publicMetadata),
    ).toBe('admin');
  });
});

describe('password reset', () => {
  it('mails a reset link whose token sets a new password and ends the old sessions', async () => {
    const person = await signUpAndVerify(app);
    const request = await app.inject({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      remoteAddress: uniqueClientAddress(),
      payload: { email: person.email, redirectTo: '/reset-password' },
    });
    expect(request.statusCode).toBe(200);
    const { mail, link } = await latestMailTo(app, person.email);
    expect(mail.subject).toMatch(/reset your arete password/i);
    const token = new URL(link ?? '').pathname.split('/').at(-1);

    const reset = await app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      remoteAddress: uniqueClientAddress(),
      payload: { token, newPassword: 'a brand new passphrase' },
    });
    expect(reset.statusCode).toBe(200);
    expect((await signIn(person.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await signIn(person.email, 'a brand new passphrase')).statusCode).toBe(200);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/auth/token',
          headers: { cookie: person.cookie },
        })
      ).statusCode,
    ).toBe(401);
  });
});

describe('sign-in protection', () => {
  it('rate limits sign-in per client address, and a forged X-Forwarded-For does not help', async () => {
    const person = await signUpAndVerify(app);
    const address = uniqueClientAddress();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const response = await signIn(person.email, 'wrong password', address, {
        'x-forwarded-for': `203.0.113.${attempt}`,
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    // Another address is not affected.
    expect((await signIn(person.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('only exposes the sign-in endpoints of the embedded provider', async () => {
    const person = await signUpAndVerify(app);
    for (const url of [
      '/api/auth/organization/create',
      '/api/auth/admin/set-role',
      '/api/auth/admin/list-users',
      '/api/auth/update-user',
      '/api/auth/delete-user',
    ]) {
      const response = await app.inject({
        method: 'POST',
        url,
        headers: { cookie: person.cookie },
        payload: { name: 'x', role: 'admin', userId: person.userId },
      });
      expect(response.statusCode, url).toBe(404);
    }
    expect(roleOf((await app.identity.provider.users.get(person.userId))?.publicMetadata)).toBe(
      'pending',
    );
  });
});

describe('the signing secret', () => {
  it('is generated once under DATA_DIR, readable by its owner only, and reused', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'arete-secret-'));
    try {
      const first = resolveAuthSecret(undefined, dataDir);
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      const file = path.join(dataDir, 'secrets', 'auth-secret');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8').trim()).toBe(first);
      expect(resolveAuthSecret(undefined, dataDir)).toBe(first);
      expect(resolveAuthSecret('configured-secret-configured-secret', dataDir)).toBe(
        'configured-secret-configured-secret',
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
