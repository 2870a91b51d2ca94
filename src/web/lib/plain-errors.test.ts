import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './api-client.ts';
import {
  isRetryable,
  messageUnderField,
  plainApiError,
  plainIssue,
  plainRowError,
  reasonOf,
  wordsForPath,
} from './plain-errors.ts';

const RAW = /Too big|Invalid|expected|querystring|body\.|<=/;

describe('reasonOf', () => {
  it('reads the contract’s messages and zod’s alike', () => {
    expect(reasonOf('must be at most 254 characters long')).toEqual({ kind: 'too_long', max: 254 });
    expect(reasonOf('Too big: expected string to have <=254 characters')).toEqual({
      kind: 'too_long',
      max: 254,
    });
    expect(reasonOf('must not be empty')).toEqual({ kind: 'missing' });
    expect(reasonOf('Invalid input: expected string, received undefined')).toEqual({
      kind: 'missing',
    });
    expect(reasonOf('must be a valid email address')).toEqual({ kind: 'email' });
    expect(reasonOf('Invalid option: expected one of "coach"|"client"')).toEqual({
      kind: 'choice',
      options: ['coach', 'client'],
    });
    expect(reasonOf('must not contain control characters')).toEqual({ kind: 'control' });
    expect(reasonOf('also on row 3')).toEqual({ kind: 'duplicate', row: 3 });
    expect(reasonOf('must be between 1970-01-01 and 9999-12-31')).toEqual({ kind: 'date' });
    expect(reasonOf('something nobody foresaw')).toEqual({ kind: 'unknown' });
  });

  it('reads a list’s length limits', () => {
    expect(reasonOf('choose at most 10 focus areas')).toEqual({ kind: 'too_many', max: 10 });
    expect(reasonOf('Too big: expected array to have <=20 items')).toEqual({
      kind: 'too_many',
      max: 20,
    });
    expect(reasonOf('choose at least one focus area')).toEqual({ kind: 'missing' });
    expect(reasonOf('name at least one specialty')).toEqual({ kind: 'missing' });
    expect(reasonOf('Too small: expected array to have >=1 items')).toEqual({ kind: 'missing' });
    expect(messageUnderField({ kind: 'too_many', max: 10 }, { name: 'x' })).toBe(
      'Use at most 10 items.',
    );
    expect(plainIssue({ path: 'body.focusAreas', message: 'choose at most 10 focus areas' })).toBe(
      'Too many items in the focus areas: at most 10.',
    );
  });
});

describe('messageUnderField', () => {
  it('says what to do, without the validator’s words', () => {
    const email = { name: 'the email address', missing: 'Enter the email address.' };
    expect(messageUnderField({ kind: 'too_long', max: 254 }, email)).toBe(
      'Use at most 254 characters.',
    );
    expect(messageUnderField({ kind: 'missing' }, email)).toBe('Enter the email address.');
    expect(messageUnderField({ kind: 'missing' }, { name: 'the name' })).toBe('Enter the name.');
    expect(messageUnderField({ kind: 'choice', options: ['coach', 'client'] }, { name: 'x' })).toBe(
      'Choose “coach” or “client”.',
    );
    expect(messageUnderField({ kind: 'unknown' }, { name: 'the notes' })).toBe('Check the notes.');
  });
});

describe('plainIssue and plainRowError', () => {
  it('name the field in words', () => {
    expect(plainIssue({ path: 'body.email', message: 'must be a valid email address' })).toBe(
      'The email address is not a valid email address.',
    );
    expect(
      plainIssue({
        path: 'querystring.role',
        message: 'Invalid option: expected one of "coach"|"client"',
      }),
    ).toBe('The role must be “coach” or “client”.');
    expect(
      plainIssue({
        path: 'body.name',
        message: 'Too big: expected string to have <=120 characters',
      }),
    ).toBe('The name is too long: at most 120 characters.');
    expect(
      plainIssue({ path: 'body.entries.3.email', message: 'must be a valid email address' }),
    ).toBe('Entry 4: The email address is not a valid email address.');
    expect(plainIssue({ path: 'body.mystery', message: 'Invalid input' })).toBe(
      '“mystery” is not valid.',
    );
  });

  it('read an import row’s errors as the server writes them', () => {
    expect(plainRowError('email: must be a valid email address')).toBe(
      'The email address is not a valid email address.',
    );
    expect(plainRowError('role: Invalid option: expected one of "coach"|"client"')).toBe(
      'The role must be “coach” or “client”.',
    );
    expect(plainRowError('email: also on row 2')).toBe('The email is also on row 2.');
    expect(plainRowError('email: Invalid input: expected string, received undefined')).toBe(
      'The email address is missing.',
    );
  });

  it('find the words for a path', () => {
    expect(wordsForPath('querystring.pageSize')).toEqual({
      field: { name: 'the page size' },
      prefix: '',
    });
  });
});

describe('plainApiError', () => {
  const error = (status: number, message: string, issues?: { path: string; message: string }[]) =>
    new ApiRequestError({ status, code: 'x', message, requestId: 'req-1', issues });

  it('says a validation failure field by field, never quoting the validator', () => {
    const text = plainApiError(
      error(400, 'Invalid request: querystring.status: Invalid option: expected one of "a"|"b"', [
        { path: 'querystring.status', message: 'Invalid option: expected one of "a"|"b"' },
        { path: 'querystring.to', message: 'Too big: expected string to have <=254 characters' },
      ]),
    );
    expect(text).toBe(
      'The status must be “a” or “b”. The recipient is too long: at most 254 characters.',
    );
    expect(text).not.toMatch(RAW);
    expect(plainApiError(error(400, 'Invalid request: body: nope'))).not.toMatch(RAW);
  });

  it('keeps the server’s own sentences, with the request id when the server failed', () => {
    expect(plainApiError(error(409, 'ada@example.com is approved already.'))).toBe(
      'ada@example.com is approved already.',
    );
    expect(plainApiError(error(500, 'Something went wrong on our side.'))).toBe(
      'Something went wrong on our side. (request req-1)',
    );
    expect(plainApiError(new Error('Offline'))).toBe('Offline');
  });

  it('says more issues are there without listing them all', () => {
    const issues = Array.from({ length: 5 }, (_, index) => ({
      path: `body.users.${index}.email`,
      message: 'must be a valid email address',
    }));
    expect(plainApiError(error(400, 'Invalid request', issues))).toMatch(/And 2 more\.$/);
  });
});

describe('isRetryable', () => {
  it('offers another try only where one can help', () => {
    const error = (status: number) => new ApiRequestError({ status, code: 'x', message: 'm' });
    expect(isRetryable(error(0))).toBe(true);
    expect(isRetryable(error(503))).toBe(true);
    expect(isRetryable(error(429))).toBe(true);
    expect(isRetryable(error(400))).toBe(false);
    expect(isRetryable(error(403))).toBe(false);
    expect(isRetryable(new Error('x'))).toBe(true);
  });
});
