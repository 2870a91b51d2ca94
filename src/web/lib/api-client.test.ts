import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { embeddedAuth } from '../auth/embedded-auth.ts';
import { installWebAuth } from '../auth/web-auth.ts';
import { fakeServer, json, jwt } from '../test-support/fake-server.ts';
import {
  ApiRequestError,
  apiDownload,
  apiRequest,
  apiRequestWithStatus,
  errorFromResponse,
  filenameFromDisposition,
  onSessionRefreshRequired,
  parseRetryAfter,
  publicApiRequest,
  withQuery,
} from './api-client.ts';

const TOKEN = jwt({ sub: 'u1', iat: 1_000, exp: 1_600 });

beforeEach(() => {
  installWebAuth(embeddedAuth);
  embeddedAuth.forgetToken();
});
afterEach(() => vi.unstubAllGlobals());

describe('withQuery', () => {
  it('leaves out empty values', () => {
    expect(
      withQuery('/api/v1/admin/users', { query: '', role: 'coach', page: 2, x: undefined }),
    ).toBe('/api/v1/admin/users?role=coach&page=2');
  });
});

describe('errorFromResponse', () => {
  it('reads an API error', async () => {
    const error = await errorFromResponse(
      json({ error: 'forbidden', message: 'No.', requestId: 'r1' }, { status: 403 }),
    );
    expect(error).toMatchObject({
      status: 403,
      code: 'forbidden',
      message: 'No.',
      requestId: 'r1',
    });
  });

  it('keeps what a conflict says exists already', async () => {
    const error = await errorFromResponse(
      json(
        { error: 'conflict', message: 'Open already.', requestId: 'r2', existing: { id: 's1' } },
        { status: 409 },
      ),
    );
    expect(error).toMatchObject({ status: 409, existing: { id: 's1' } });
  });

  it('reads an identity error and copes with a body that is not JSON', async () => {
    expect(
      await errorFromResponse(
        json({ code: 'EMAIL_NOT_VERIFIED', message: 'Verify' }, { status: 403 }),
      ),
    ).toMatchObject({ code: 'EMAIL_NOT_VERIFIED' });
    expect(await errorFromResponse(new Response('<html>', { status: 502 }))).toMatchObject({
      status: 502,
      code: 'http_502',
    });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds, or an HTTP date as seconds from now', () => {
    expect(parseRetryAfter('3600')).toBe(3600);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('errorFromResponse and Retry-After', () => {
  it('keeps how long a 429 asks to wait', async () => {
    const error = await errorFromResponse(
      json(
        { error: 'too_many_requests', message: 'Too many requests.', requestId: 'r2' },
        { status: 429, headers: { 'Retry-After': '42' } },
      ),
    );
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 42 });
  });
});

describe('filenameFromDisposition', () => {
  it('reads quoted, plain and encoded file names', () => {
    expect(filenameFromDisposition('attachment; filename="approved-users.csv"')).toBe(
      'approved-users.csv',
    );
    expect(filenameFromDisposition('attachment; filename=backup.json')).toBe('backup.json');
    expect(filenameFromDisposition("attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.csv")).toBe(
      'résumé.csv',
    );
    expect(filenameFromDisposition('inline')).toBeNull();
    expect(filenameFromDisposition(null)).toBeNull();
  });
});

describe('publicApiRequest', () => {
  it('sends JSON without asking for a session or a token', async () => {
    const calls = fakeServer({
      '/api/v1/waitlist': () => json({ status: 'received', message: 'Thanks' }, { status: 202 }),
    });
    expect(
      await publicApiRequest('/api/v1/waitlist', {
        method: 'POST',
        body: { email: 'a@example.com', role: 'coach' },
      }),
    ).toEqual({ status: 'received', message: 'Thanks' });
    expect(calls).toEqual([
      {
        url: '/api/v1/waitlist',
        authorization: null,
        contentType: 'application/json',
        body: JSON.stringify({ email: 'a@example.com', role: 'coach' }),
      },
    ]);
  });
});

describe('apiRequest', () => {
  it('sends the bearer token and tells listeners when the role claim is stale', async () => {
    const calls = fakeServer({
      '/api/auth/get-session': () => json({ session: { id: 's1' } }),
      '/api/auth/token': () => json({ token: TOKEN }),
      '/api/v1/users/me': () =>
        json({ id: 'u1', role: 'coach' }, { headers: { 'X-Session-Refresh-Required': 'true' } }),
    });
    const listener = vi.fn();
    const stop = onSessionRefreshRequired(listener);
    expect(await apiRequest('/api/v1/users/me')).toEqual({ id: 'u1', role: 'coach' });
    stop();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(calls.at(-1)?.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('throws ApiRequestError with the status and message of the answer', async () => {
    fakeServer({
      '/api/auth/get-session': () => json({ session: { id: 's1' } }),
      '/api/auth/token': () => json({ token: TOKEN }),
      '/api/v1/admin/users': () =>
        json(
          { error: 'forbidden', message: 'This needs the admin role.', requestId: 'r9' },
          { status: 403 },
        ),
    });
    const failure = apiRequest('/api/v1/admin/users');
    await expect(failure).rejects.toBeInstanceOf(ApiRequestError);
    await expect(failure).rejects.toMatchObject({
      status: 403,
      message: 'This needs the admin role.',
    });
  });

  it('tries once more with a fresh token after a 401, then gives up as signed out', async () => {
    let tokenCalls = 0;
    const calls = fakeServer({
      '/api/auth/get-session': () => json({ session: { id: 's1' } }),
      '/api/auth/token': () =>
        ++tokenCalls === 1 ? json({ token: TOKEN }) : json(null, { status: 401 }),
      '/api/v1/users/me': () =>
        json({ error: 'unauthorized', message: 'Sign in again' }, { status: 401 }),
    });
    await expect(apiRequest('/api/v1/users/me')).rejects.toMatchObject({ status: 401 });
    expect(calls.map((call) => call.url)).toEqual([
      '/api/auth/get-session',
      '/api/auth/token',
      '/api/v1/users/me',
      '/api/auth/token',
    ]);
  });

  it('sends a raw body with its own content type', async () => {
    const calls = fakeServer({
      '/api/auth/get-session': () => json({ session: { id: 's1' } }),
      '/api/auth/token': () => json({ token: TOKEN }),
      '/api/v1/admin/approved-users/bulk': () => json({ applied: false }),
    });
    await apiRequest('/api/v1/admin/approved-users/bulk', {
      method: 'POST',
      query: { dryRun: true },
      rawBody: { contentType: 'text/csv', content: 'email,role\n' },
    });
    expect(calls.at(-1)).toMatchObject({
      url: '/api/v1/admin/approved-users/bulk?dryRun=true',
      contentType: 'text/csv',
      body: 'email,role\n',
      authorization: `Bearer ${TOKEN}`,
    });
  });
});

describe('apiRequestWithStatus', () => {
  it('tells a new resource (201) from one that was there (200)', async () => {
    let created = true;
    fakeServer({
      '/api/auth/get-session': () => json({ session: { id: 's1' } }),
      '/api/auth/token': () => json({ token: TOKEN }),
      '/api/v1/relationships/invite': () => json({ id: 'r1' }, { status: created ? 201 : 200 }),
    });
    const invite = () =>
      apiRequestWithStatus('/api/v1/relationships/invite', { method: 'POST', body: {} });
    expect(await invite()).toEqual({ status: 201, body: { id: 'r1' } });
    created = false;
    expect(await invite()).toEqual({ status: 200, body: { id: 'r1' } });
  });
});

describe('apiDownload', () => {
  it('fetches a file with the token and names it from Content-Disposition', async () => {
    fakeServer({
      '/api/auth/get-session': () => json({ session: { id: 's1' } }),
      '/api/auth/token': () => json({ token: TOKEN }),
      '/api/v1/admin/approved-users/export': () =>
        new Response('email,role\n', {
          headers: {
            'content-type': 'text/csv',
            'content-disposition': 'attachment; filename="approved-users.csv"',
          },
        }),
    });
    const file = await apiDownload('/api/v1/admin/approved-users/export', {
      query: { format: 'csv' },
      fallbackFilename: 'export.csv',
    });
    expect(file.filename).toBe('approved-users.csv');
    expect(await file.blob.text()).toBe('email,role\n');
  });
});
