import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from './api-client.ts';
import { requestPasswordLink, resetPassword, signInWithPassword, signUp } from './auth-requests.ts';

type Call = { url: string; method: string | undefined; body: unknown };

/** A stand-in identity provider: one answer for every call, and what was asked. */
function fakeServer(answer: () => Response) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({
        url,
        method: init?.method,
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      });
      return answer();
    }),
  );
  return calls;
}

const ok = (body: unknown) => () => Response.json(body);

afterEach(() => vi.unstubAllGlobals());

describe('signUp', () => {
  it('sends a trimmed name and email, and no password', async () => {
    const calls = fakeServer(ok({ status: 'check_your_email', message: 'Check your email.' }));
    await expect(signUp({ name: ' Pat ', email: ' pat@example.com ' })).resolves.toEqual({
      status: 'check_your_email',
      message: 'Check your email.',
    });
    expect(calls).toEqual([
      {
        url: '/api/auth/sign-up/email',
        method: 'POST',
        body: { name: 'Pat', email: 'pat@example.com' },
      },
    ]);
  });

  it('throws the validation answer with its issues', async () => {
    fakeServer(() =>
      Response.json(
        {
          error: 'validation_failed',
          message: 'Invalid input',
          requestId: 'r1',
          issues: [{ path: 'body.email', message: 'Invalid email address' }],
        },
        { status: 400 },
      ),
    );
    const error = await signUp({ name: 'Pat', email: 'x@y.z' }).catch((caught) => caught);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 400, issues: [{ path: 'body.email' }] });
  });
});

describe('requestPasswordLink', () => {
  it('asks for a link back to the set-password page, with the email', async () => {
    const calls = fakeServer(ok({ status: true, message: 'If an account exists…' }));
    await requestPasswordLink(' pat+tag@example.com ');
    expect(calls).toEqual([
      {
        url: '/api/auth/request-password-reset',
        method: 'POST',
        body: {
          email: 'pat+tag@example.com',
          redirectTo: '/set-password?email=pat%2Btag%40example.com',
        },
      },
    ]);
  });

  it('throws a 429 with the wait from Retry-After', async () => {
    fakeServer(() =>
      Response.json(
        { error: 'too_many_requests', message: 'Slow down', requestId: 'r2' },
        { status: 429, headers: { 'Retry-After': '30' } },
      ),
    );
    await expect(requestPasswordLink('a@b.io')).rejects.toMatchObject({
      status: 429,
      retryAfterSeconds: 30,
    });
  });
});

describe('resetPassword and signInWithPassword', () => {
  it('send the token with the new password, then the email with it', async () => {
    const calls = fakeServer(ok({ status: true }));
    await resetPassword('tok', 'a-new-password');
    await signInWithPassword(' a@b.io ', 'a-new-password');
    expect(calls).toEqual([
      {
        url: '/api/auth/reset-password',
        method: 'POST',
        body: { token: 'tok', newPassword: 'a-new-password' },
      },
      {
        url: '/api/auth/sign-in/email',
        method: 'POST',
        body: { email: 'a@b.io', password: 'a-new-password' },
      },
    ]);
  });

  it('throws INVALID_TOKEN as the code', async () => {
    fakeServer(() =>
      Response.json({ code: 'INVALID_TOKEN', message: 'Invalid token' }, { status: 400 }),
    );
    await expect(resetPassword('old', 'a-new-password')).rejects.toMatchObject({
      code: 'INVALID_TOKEN',
    });
  });
});
