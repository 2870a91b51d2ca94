import { describe, expect, it } from 'vitest';
import { validateSignIn, validateSignUp } from './sign-up-validation.ts';

describe('validateSignUp', () => {
  it('accepts a complete form', () => {
    expect(
      validateSignUp({ name: 'Pat', email: 'pat@example.com', password: 'ten-chars!' }),
    ).toEqual({});
  });

  it('names every field that is wrong', () => {
    expect(validateSignUp({ name: ' ', email: 'pat@', password: 'short' })).toEqual({
      name: 'Enter your name.',
      email: 'Enter an email address like name@example.com.',
      password: 'Use at least 10 characters (5 so far).',
    });
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
