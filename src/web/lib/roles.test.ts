import { describe, expect, it } from 'vitest';
import { displayName, safeNextPath } from './roles.ts';

describe('safeNextPath', () => {
  it('keeps a path of this app, with its query', () => {
    expect(safeNextPath('/admin/users?role=coach')).toBe('/admin/users?role=coach');
    expect(safeNextPath('/sign-ins-report')).toBe('/sign-ins-report');
  });

  it.each([
    null,
    '',
    'admin',
    'https://evil.example/',
    '//evil.example',
    '/\\evil.example',
    '/ok\nLocation: x',
    '/sign-in?next=/x',
    '/sign-up',
    '/set-password?email=a%40b.io&token=t',
    '/forgot-password',
  ])('refuses %j', (next) => {
    expect(safeNextPath(next)).toBeNull();
  });
});

describe('displayName', () => {
  it('joins first and last name, or falls back to the email', () => {
    expect(displayName({ firstName: 'Ada', lastName: 'Coach', email: 'a@x.io' })).toBe('Ada Coach');
    expect(displayName({ firstName: 'Ada', lastName: null, email: 'a@x.io' })).toBe('Ada');
    expect(displayName({ firstName: null, lastName: null, email: 'a@x.io' })).toBe('a@x.io');
  });
});
