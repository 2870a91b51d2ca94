import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import {
  latestMailTo,
  setPasswordThroughLink,
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

function signUp(email: string, remoteAddress = uniqueClientAddress(), name = 'New Person') {
  return app.inject({
    method: 'POST',
    url: '/api/auth/sign-up/email',
    remoteAddress,
    payload: { email, name },
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

function requestPasswordLink(email: string) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/request-password-reset',
    remoteAddress: uniqueClientAddress(),
    payload: { email, redirectTo: `/set-password?email=${encodeURIComponent(email)}` },
  });
}

describe('sign-up: the password is chosen through the mailed link', () => {
  it('mails a link to choose the password; nobody can sign in until it is used', async () => {
    const email = uniqueEmail();
    const response = await signUp(email);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'check_your_email' });
    expect(response.headers['cache-control']).toBe('no-store');
    const { mail, link } = await latestMailTo(app, email);
    expect(mail.subject).toMatch(/confirm your email/i);
    expect(link).toMatch(
      /^http:\/\/127\.0\.0\.1:3000\/api\/auth\/reset-password\/[A-Za-z0-9]{24}\?/,
    );
    const user = await app.identity.provider.users.findByEmail(email);
    expect(user?.emailVerified).toBe(false);
    expect((await signIn(email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/auth/token' })).statusCode).toBe(401);
  });

  it('opens the link onto the set-password page, confirms the address with the password, once', async () => {
    const email = uniqueEmail();
    await signUp(email);
    const { link } = await latestMailTo(app, email);
    const url = new URL(link ?? '');
    const opened = await app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
    expect(opened.statusCode).toBe(302);
    const location = new URL(opened.headers.location as string);
    expect(location.pathname).toBe('/set-password');
    expect(location.searchParams.get('email')).toBe(email);

    const set = await setPasswordThroughLink(app, link ?? '', TEST_PASSWORD);
    expect(set.statusCode).toBe(200);
    expect((await app.identity.provider.users.findByEmail(email))?.emailVerified).toBe(true);
    expect((await signIn(email, TEST_PASSWORD)).statusCode).toBe(200);

    const reopened = await app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
    expect(new URL(reopened.headers.location as string).searchParams.get('error')).toBe(
      'INVALID_TOKEN',
    );
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      remoteAddress: uniqueClientAddress(),
      payload: { token: location.searchParams.get('token'), newPassword: 'someone elses pass' },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('INVALID_TOKEN');
  });

  it('answers an address with an account exactly like a new one, and changes nothing', async () => {
    const person = await signUpAndVerify(app);
    const fresh = await signUp(uniqueEmail());
    const again = await signUp(person.email, uniqueClientAddress(), 'Impostor');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(fresh.json());
    const { mail } = await latestMailTo(app, person.email);
    expect(mail.subject).toMatch(/already have an arete account/i);
    expect(mail.text).not.toMatch(/reset-password\//);
    expect((await signIn(person.email, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await app.identity.provider.users.get(person.userId))?.firstName).toBe('Test');
  });

  it('refuses a missing, blank, over-long or control-character name with the field named', async () => {
    for (const name of [undefined, '   ', 'x'.repeat(121), 'Eve\u0000', 'Eve\nBcc: x']) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-up/email',
        remoteAddress: uniqueClientAddress(),
        payload: { email: uniqueEmail(), name },
      });
      expect(response.statusCode, JSON.stringify(name)).toBe(400);
      expect(response.json().issues[0].path).toBe('body.name');
    }
  });

  it('keeps a name in mail to one line', async () => {
    const email = uniqueEmail();
    await signUp(email, uniqueClientAddress(), 'Ada \u202eLovelace');
    const { mail } = await latestMailTo(app, email);
    expect(mail.text.split('\n')[0]).toBe('Hello Ada Lovelace,');
  });

  it('gives ADMIN_EMAILS the admin role once, and only once, the address is proven', async () => {
    await signUp(firstAdmin);
    await app.identity.events.drain();
    expect(
      roleOf((await app.identity.provider.users.findByEmail(firstAdmin))?.publicMetadata),
    ).toBe('pending');

    await signUpAndVerify(app, { email: uniqueEmail('not-an-admin') });
    const { link } = await latestMailTo(app, firstAdmin);
    await setPasswordThroughLink(app, link ?? '', TEST_PASSWORD);
    await app.identity.events.drain();
    expect(
      roleOf((await app.identity.provider.users.findByEmail(firstAdmin))?.publicMetadata),
    ).toBe('admin');
  });
});

describe('password reset', () => {
  it('mails a reset link whose token sets a new password and ends every session', async () => {
    const person = await signUpAndVerify(app);
    const request = await requestPasswordLink(person.email);
    expect(request.statusCode).toBe(200);
    const { mail, link } = await latestMailTo(app, person.email);
    expect(mail.subject).toMatch(/reset your arete password/i);

    const reset = await setPasswordThroughLink(app, link ?? '', 'a brand new passphrase');
    expect(reset.statusCode).toBe(200);
    expect((await signIn(person.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await signIn(person.email, 'a brand new passphrase')).statusCode).toBe(200);
    const token = await app.inject({
      method: 'GET',
      url: '/api/auth/token',
      headers: { cookie: person.cookie },
    });
    expect(token.statusCode).toBe(401);
  });

  it('answers every address the same, and mails only an account', async () => {
    const unknown = uniqueEmail('nobody');
    const person = await signUpAndVerify(app);
    const forUnknown = await requestPasswordLink(unknown);
    const forPerson = await requestPasswordLink(person.email);
    expect(forUnknown.statusCode).toBe(200);
    expect(forUnknown.json()).toEqual(forPerson.json());
    await expect(latestMailTo(app, unknown)).rejects.toThrow(/no mail/);
  });

  it('sends the finish-sign-up link again to an address never confirmed', async () => {
    const email = uniqueEmail();
    await signUp(email);
    await requestPasswordLink(email);
    const { mail, link } = await latestMailTo(app, email);
    expect(mail.subject).toMatch(/confirm your email/i);
    expect((await setPasswordThroughLink(app, link ?? '', TEST_PASSWORD)).statusCode).toBe(200);
    expect((await signIn(email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a short password and keeps the link usable', async () => {
    const person = await signUpAndVerify(app);
    await requestPasswordLink(person.email);
    const { link } = await latestMailTo(app, person.email);
    const short = await setPasswordThroughLink(app, link ?? '', 'short');
    expect(short.statusCode).toBe(400);
    expect(short.json().code).toBe('PASSWORD_TOO_SHORT');
    expect((await setPasswordThroughLink(app, link ?? '', 'long enough now')).statusCode).toBe(200);
  });

  it('limits how many links one address receives, with Retry-After', async () => {
    const person = await signUpAndVerify(app);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1)
      statuses.push((await requestPasswordLink(person.email)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await requestPasswordLink(person.email);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['x-retry-after']).toBeUndefined();
  });
});

describe('sign-in protection', () => {
  it('rate limits sign-in per client address, and a forged X-Forwarded-For does not help', async () => {
    const address = uniqueClientAddress();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 22; attempt += 1) {
      // A different unknown account each time, so that only the address limit is at work.
      const response = await signIn(uniqueEmail('guess'), 'wrong password', address, {
        'x-forwarded-for': `203.0.113.${attempt}`,
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });

  it('slows guessing at one account from many addresses, without locking its owner out for long', async () => {
    const person = await signUpAndVerify(app);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1)
      statuses.push((await signIn(person.email, `wrong password ${attempt}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const waiting = await signIn(person.email, TEST_PASSWORD);
    expect(waiting.statusCode).toBe(429);
    const wait = Number(waiting.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    // Another account is not affected.
    expect((await signIn((await signUpAndVerify(app)).email, TEST_PASSWORD)).statusCode).toBe(200);
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
