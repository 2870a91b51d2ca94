import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './api-client.ts';
import {
  formatWait,
  resetPasswordProblem,
  sendLinkProblem,
  signInProblem,
  signUpProblem,
  tooManyAttemptsMessage,
  unexpectedProblemMessage,
} from './auth-errors.ts';

function refused(input: Partial<ConstructorParameters<typeof ApiRequestError>[0]>) {
  return new ApiRequestError({ status: 400, code: 'x', message: 'raw server text', ...input });
}

const validation = (...paths: string[]) =>
  refused({
    code: 'validation_failed',
    requestId: 'r1',
    issues: paths.map((path) => ({ path, message: 'Invalid string: must match pattern /^.+$/' })),
  });

describe('formatWait', () => {
  it('says a wait in words, rounded up', () => {
    expect(formatWait(1)).toBe('1 second');
    expect(formatWait(0)).toBe('1 second');
    expect(formatWait(44.2)).toBe('45 seconds');
    expect(formatWait(90)).toBe('90 seconds');
    expect(formatWait(120)).toBe('2 minutes');
    expect(formatWait(121)).toBe('3 minutes');
    expect(formatWait(3600)).toBe('60 minutes');
    expect(formatWait(2 * 3600)).toBe('2 hours');
  });
});

describe('tooManyAttemptsMessage', () => {
  it('uses the wait the server asked for', () => {
    expect(tooManyAttemptsMessage(30)).toBe('Too many attempts, try again in 30 seconds.');
    expect(tooManyAttemptsMessage(600)).toBe('Too many attempts, try again in 10 minutes.');
    expect(tooManyAttemptsMessage(undefined)).toBe(
      'Too many attempts, try again in a few minutes.',
    );
  });
});

describe('unexpectedProblemMessage', () => {
  it('never passes on what the server wrote', () => {
    expect(unexpectedProblemMessage(refused({ status: 500, requestId: 'abc' }))).toBe(
      'The server ran into a problem. Try again in a moment. If it keeps happening, quote request abc.',
    );
    expect(unexpectedProblemMessage(refused({ status: 0 }))).toMatch(/could not be reached/);
    expect(unexpectedProblemMessage(refused({ status: 403 }))).not.toContain('raw server text');
    expect(unexpectedProblemMessage(new Error('boom'))).toBe(
      'Something went wrong. Try again in a moment.',
    );
  });
});

describe('signUpProblem', () => {
  it('puts validation issues next to their fields, in our words', () => {
    expect(signUpProblem(validation('body.email', 'body.name'))).toEqual({
      kind: 'fields',
      errors: {
        email: 'Enter an email address like name@example.com.',
        name: 'Enter your name, at most 120 characters.',
      },
    });
    expect(signUpProblem(refused({ code: 'INVALID_EMAIL' }))).toEqual({
      kind: 'fields',
      errors: { email: 'Enter an email address like name@example.com.' },
    });
  });

  it('says an issue about no field of the form above it, without the validator text', () => {
    const problem = signUpProblem(validation('body.password'));
    expect(problem).toMatchObject({ kind: 'form', title: 'Check the form' });
    expect(JSON.stringify(problem)).not.toContain('Invalid string');
  });

  it('says how long to wait after too many attempts', () => {
    expect(signUpProblem(refused({ status: 429, retryAfterSeconds: 42 }))).toEqual({
      kind: 'form',
      title: 'Please wait',
      message: 'Too many attempts, try again in 42 seconds.',
    });
  });
});

describe('signInProblem', () => {
  it('recognises an address not confirmed yet', () => {
    expect(signInProblem(refused({ status: 403, code: 'EMAIL_NOT_VERIFIED' }))).toEqual({
      kind: 'unverified',
    });
  });

  it('says a wrong password plainly and asks to select it', () => {
    expect(
      signInProblem(refused({ status: 401, code: 'INVALID_EMAIL_OR_PASSWORD' })),
    ).toMatchObject({ kind: 'message', title: 'Wrong email or password', selectPassword: true });
  });

  it('humanises the growing wait after failed attempts', () => {
    expect(signInProblem(refused({ status: 429, retryAfterSeconds: 300 }))).toEqual({
      kind: 'message',
      title: 'Please wait',
      message: 'Too many attempts, try again in 5 minutes.',
    });
  });

  it('has its own words for a suspended account and for the unexpected', () => {
    const banned = signInProblem(refused({ status: 403, code: 'BANNED_USER' }));
    expect(banned).toMatchObject({ title: 'This account is suspended' });
    expect(JSON.stringify(banned)).not.toContain('raw server text');
    expect(signInProblem(refused({ status: 502 }))).toMatchObject({ title: 'Signing in failed' });
  });
});

describe('sendLinkProblem', () => {
  it('keeps the wait so the button can count it down', () => {
    expect(sendLinkProblem(refused({ status: 429, retryAfterSeconds: 61 }))).toEqual({
      title: 'Please wait',
      message: 'Too many attempts, try again in 61 seconds.',
      retryAfterSeconds: 61,
    });
    expect(sendLinkProblem(refused({ status: 429 }))).not.toHaveProperty('retryAfterSeconds');
  });

  it('points at the email field for a refused address', () => {
    expect(sendLinkProblem(validation('body.email'))).toMatchObject({ field: 'email' });
  });
});

describe('resetPasswordProblem', () => {
  it('turns a used or expired token into "get a new link"', () => {
    expect(resetPasswordProblem(refused({ code: 'INVALID_TOKEN' }))).toEqual({
      kind: 'invalid-link',
    });
    expect(resetPasswordProblem(validation('body.token'))).toEqual({ kind: 'invalid-link' });
  });

  it('puts length refusals next to the password', () => {
    expect(resetPasswordProblem(refused({ code: 'PASSWORD_TOO_SHORT' }))).toEqual({
      kind: 'password',
      message: 'Use at least 10 characters.',
    });
    expect(resetPasswordProblem(refused({ code: 'PASSWORD_TOO_LONG' }))).toEqual({
      kind: 'password',
      message: 'Use at most 128 characters.',
    });
    expect(resetPasswordProblem(validation('body.newPassword'))).toEqual({
      kind: 'password',
      message: 'Use 10 to 128 characters.',
    });
  });

  it('says anything else above the form', () => {
    expect(resetPasswordProblem(refused({ status: 429, retryAfterSeconds: 5 }))).toEqual({
      kind: 'form',
      title: 'Please wait',
      message: 'Too many attempts, try again in 5 seconds.',
    });
    expect(resetPasswordProblem(refused({ status: 500 }))).toMatchObject({
      kind: 'form',
      title: 'Your password was not saved',
    });
  });
});
