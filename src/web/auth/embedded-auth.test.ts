import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, json, jwt } from '../test-support/fake-server.ts';
import { embeddedAuth, tokenLifetimeMs } from './embedded-auth.ts';

const TOKEN = jwt({ sub: 'u1', iat: 1_000, exp: 1_600 });

beforeEach(() => embeddedAuth.forgetToken());
afterEach(() => vi.unstubAllGlobals());

describe('tokenLifetimeMs', () => {
  it('reads the lifetime from iat and exp, not from the local clock', () => {
    expect(tokenLifetimeMs(TOKEN)).toBe(600_000);
  });

  it('falls back to a conservative lifetime for what it cannot read', () => {
    expect(tokenLifetimeMs('not-a-jwt')).toBe(300_000);
  });
});

describe('embeddedAuth.getToken', () => {
  it('asks for one token however many callers want one, and keeps it', async () => {
    const calls = fakeServer({
      '/api/auth/get-session': () => json({ session: { id: 's1' } }),
      '/api/auth/token': () => json({ token: TOKEN }),
    });
    const tokens = await Promise.all([
      embeddedAuth.getToken(),
      embeddedAuth.getToken(),
      embeddedAuth.getToken(),
    ]);
    expect(tokens).toEqual([TOKEN, TOKEN, TOKEN]);
    expect(await embeddedAuth.getToken()).toBe(TOKEN);
    expect(calls.map((call) => call.url)).toEqual(['/api/auth/get-session', '/api/auth/token']);
  });

  it('answers null for a visitor without asking for a token (no 401 in the console)', async () => {
    const calls = fakeServer({ '/api/auth/get-session': () => json(null) });
    expect(await embeddedAuth.getToken()).toBeNull();
    expect(calls.map((call) => call.url)).toEqual(['/api/auth/get-session']);
  });

  it('renews on demand without asking for the session again', async () => {
    const calls = fakeServer({
      '/api/auth/get-session': () => json({ session: { id: 's1' } }),
      '/api/auth/token': () => json({ token: TOKEN }),
    });
    await embeddedAuth.getToken();
    await embeddedAuth.getToken({ renew: true });
    expect(calls.map((call) => call.url)).toEqual([
      '/api/auth/get-session',
      '/api/auth/token',
      '/api/auth/token',
    ]);
  });
});

describe('embeddedAuth.signOut and switchOrganization', () => {
  it('signs out with the provider and forgets the token', async () => {
    const calls = fakeServer({
      '/api/auth/get-session': () => json({ session: { id: 's1' } }),
      '/api/auth/token': () => json({ token: TOKEN }),
      '/api/auth/sign-out': () => json({ success: true }),
    });
    await embeddedAuth.getToken();
    await embeddedAuth.signOut();
    fakeServer({ '/api/auth/get-session': () => json(null) });
    expect(await embeddedAuth.getToken()).toBeNull();
    expect(calls.map((call) => call.url)).toContain('/api/auth/sign-out');
  });

  it('names the organization to the provider, then asks for a token naming it', async () => {
    const calls = fakeServer({
      '/api/auth/get-session': () => json({ session: { id: 's1' } }),
      '/api/auth/token': () => json({ token: TOKEN }),
      '/api/auth/organization/set-active': () => json({ id: 'org_1' }),
    });
    await embeddedAuth.getToken();
    await embeddedAuth.switchOrganization('org_1');
    await embeddedAuth.getToken();
    expect(calls.map((call) => call.url)).toEqual([
      '/api/auth/get-session',
      '/api/auth/token',
      '/api/auth/organization/set-active',
      '/api/auth/get-session',
      '/api/auth/token',
    ]);
    expect(JSON.parse(String(calls[2]?.body))).toEqual({ organizationId: 'org_1' });
  });
});
