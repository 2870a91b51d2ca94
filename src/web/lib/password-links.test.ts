import { describe, expect, it } from 'vitest';
import {
  checkYourEmailPath,
  forgotPasswordPath,
  markPasswordChosen,
  passwordChosenAt,
  pathAfterPasswordSet,
  pathAfterSignIn,
  readSetPasswordLink,
  secondsLeft,
  setPasswordRedirect,
} from './password-links.ts';

const params = (query: string) => new URLSearchParams(query);

describe('setPasswordRedirect', () => {
  it('keeps the address, encoded, for the page the link leads to', () => {
    expect(setPasswordRedirect(' pat+tag@example.com ')).toBe(
      '/set-password?email=pat%2Btag%40example.com',
    );
  });
});

describe('forgotPasswordPath and checkYourEmailPath', () => {
  it('carry an address only when it looks like one', () => {
    expect(forgotPasswordPath('pat@example.com')).toBe('/forgot-password?email=pat%40example.com');
    expect(forgotPasswordPath('pat@')).toBe('/forgot-password');
    expect(forgotPasswordPath()).toBe('/forgot-password');
    expect(checkYourEmailPath('a@b.io')).toBe('/check-your-email?email=a%40b.io');
  });
});

describe('readSetPasswordLink', () => {
  it('reads the email and token the server redirected with', () => {
    expect(readSetPasswordLink(params('email=pat%2Btag%40example.com&token=abc123'))).toEqual({
      email: 'pat+tag@example.com',
      token: 'abc123',
      problem: null,
    });
  });

  it('reads a token put first (`?token=…`) too', () => {
    expect(readSetPasswordLink(params('token=abc&email=a%40b.io'))).toMatchObject({
      email: 'a@b.io',
      token: 'abc',
    });
  });

  it('says when the link expired or was used, keeping the email for a new link', () => {
    expect(readSetPasswordLink(params('email=a%40b.io&error=INVALID_TOKEN'))).toEqual({
      email: 'a@b.io',
      token: null,
      problem: 'used-or-expired',
    });
    // Any error the server may add is a link that does not work, even with a token beside it.
    expect(readSetPasswordLink(params('error=SOMETHING_ELSE&token=t'))).toMatchObject({
      token: null,
      problem: 'used-or-expired',
    });
  });

  it('says when there is no token at all, and drops an address that is not one', () => {
    expect(readSetPasswordLink(params('email=not-an-address&token='))).toEqual({
      email: null,
      token: null,
      problem: 'incomplete',
    });
  });
});

describe('where a person goes once signed in', () => {
  it('after signing in: the page asked for, else the area of the role', () => {
    expect(pathAfterSignIn('coach')).toBe('/coach');
    expect(pathAfterSignIn('client', '/account')).toBe('/account');
    expect(pathAfterSignIn('pending')).toBe('/pending');
  });

  it('after choosing a password: the guide for a new coach or client, the account page while pending', () => {
    expect(pathAfterPasswordSet('coach', { offerOnboarding: true })).toBe('/onboarding');
    expect(pathAfterPasswordSet('client', { offerOnboarding: false })).toBe('/member');
    expect(pathAfterPasswordSet('admin', { offerOnboarding: false })).toBe('/admin');
    expect(pathAfterPasswordSet('pending', { offerOnboarding: false })).toBe('/account');
  });
});

describe('secondsLeft', () => {
  it('counts whole seconds up, never below zero', () => {
    expect(secondsLeft(10_000, 0)).toBe(10);
    expect(secondsLeft(10_000, 9_001)).toBe(1);
    expect(secondsLeft(10_000, 10_000)).toBe(0);
    expect(secondsLeft(10_000, 12_000)).toBe(0);
  });
});

describe('markPasswordChosen', () => {
  it('remembers when, per user, and copes with storage that refuses', () => {
    const items = new Map<string, string>();
    const storage = {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
    };
    expect(passwordChosenAt('u1', storage)).toBeNull();
    markPasswordChosen('u1', storage, 1_234);
    expect(passwordChosenAt('u1', storage)).toBe(1_234);
    expect(passwordChosenAt('u2', storage)).toBeNull();

    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(() => markPasswordChosen('u1', refusing)).not.toThrow();
    expect(passwordChosenAt('u1', refusing)).toBeNull();
    expect(passwordChosenAt('u1', null)).toBeNull();
  });
});
