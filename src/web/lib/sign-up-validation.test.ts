import { describe, expect, it } from 'vitest';
import {
  emailOrNull,
  validateNewPassword,
  validateSignIn,
  validateSignUp,
} from './sign-up-validation.ts';

describe('validateSignUp', () => {
  it('accepts a name and an email: no password any more', () => {
    expect(validateSignUp({ name: 'Pat', email: 'pat@example.com' })).toEqual({});
  });

  it('names every field that is wrong', () => {
    expect(validateSignUp({ name: ' ', email: 'pat@' })).toEqual({
      name: 'Enter your name.',
      email: 'Enter an email address like name@example.com.',
    });
  });

  it('allows names of up to 120 characters, as the server does', () => {
    expect(validateSignUp({ name: 'a'.repeat(120), email: 'pat@example.com' })).toEqual({});
    expect(validateSignUp({ name: 'a'.repeat(121), email: 'pat@example.com' })).toEqual({
      name: 'Use at most 120 characters.',
    });
  });
});

describe('validateNewPassword', () => {
  it('asks for 10 to 128 characters, counting what was typed', () => {
    expect(validateNewPassword('')).toBe('Choose a password.');
    expect(validateNewPassword('short')).toBe('Use at least 10 characters (5 so far).');
    expect(validateNewPassword('ten-chars!')).toBeUndefined();
    expect(validateNewPassword('x'.repeat(128))).toBeUndefined();
    expect(validateNewPassword('x'.repeat(129))).toBe('Use at most 128 characters (129 now).');
  });
});

describe('emailOrNull', () => {
  it('keeps an address read from a URL only if it looks like one', () => {
    expect(emailOrNull(' pat@example.com ')).toBe('pat@example.com');
    expect(emailOrNull('pat@')).toBeNull();
    expect(emailOrNull('')).toBeNull();
    expect(emailOrNull(null)).toBeNull();
  });
});

describe('validateSignIn', () => {
  it('asks for both fields', () => {
    expect(validateSignIn({ email: '', password: '' })).toEqual({
      email: 'Enter your email address.',
      password: 'Enter your password.',
    });
  });
});
