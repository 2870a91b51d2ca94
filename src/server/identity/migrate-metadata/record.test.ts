import { describe, expect, it } from 'vitest';
import { checkLegacyUser } from './record.ts';

describe('a legacy user record', () => {
  it('keeps the three metadata fields, in the port’s shape, and ignores the rest', () => {
    expect(
      checkLegacyUser({
        _id: '65f0',
        clerk_user_id: ' user_2abc ',
        email: ' Ada@Example.COM ',
        primary_role: 'Coach',
        organization_roles: { org_1: 'org:admin', org_2: 'member' },
        session_auto_send_context: false,
        created_at: '2024-03-01T10:00:00.000Z',
      }),
    ).toEqual({
      ok: true,
      user: {
        clerkUserId: 'user_2abc',
        email: 'ada@example.com',
        metadata: {
          primary_role: 'coach',
          organization_roles: { org_1: 'admin', org_2: 'member' },
          session_auto_send_context: false,
        },
      },
    });
  });

  it('reads null, empty values and `pending` as “not set”: a migration never takes a role away', () => {
    expect(
      checkLegacyUser({
        clerk_user_id: null,
        email: 'ada@example.com',
        primary_role: 'pending',
        organization_roles: {},
        session_auto_send_context: '',
      }),
    ).toEqual({
      ok: true,
      user: { clerkUserId: undefined, email: 'ada@example.com', metadata: {} },
    });
  });

  it('names every bad field in its reason', () => {
    expect(
      checkLegacyUser({
        clerk_user_id: 'user/../1',
        email: 'not-an-email',
        primary_role: 'superuser',
        organization_roles: { 'org 1': 'admin', org_2: 42 },
        session_auto_send_context: 'yes',
      }),
    ).toEqual({
      ok: false,
      reason:
        'clerk_user_id must be an id: letters, digits, `_` or `-`; email must be a valid email address; ' +
        'primary_role must be admin, coach, client or pending; organization_roles.org 1 is not an organization id ' +
        '(letters, digits, `_` or `-`); organization_roles.org_2 must be a role name such as admin or member; ' +
        'session_auto_send_context must be true or false',
    });
  });

  it('refuses a record with nothing to match it by, one whose roles are not an object, and a non-object', () => {
    expect(checkLegacyUser({ primary_role: 'coach' })).toEqual({
      ok: false,
      reason: 'has neither clerk_user_id nor email: nothing to match it by',
    });
    expect(checkLegacyUser({ email: 'ada@example.com', organization_roles: ['admin'] })).toEqual({
      ok: false,
      reason:
        'organization_roles must be an object of organization id → role, e.g. {"org_1":"admin"}',
    });
    expect(checkLegacyUser('ada@example.com')).toEqual({ ok: false, reason: 'is not an object' });
    expect(checkLegacyUser(null)).toEqual({ ok: false, reason: 'is not an object' });
  });
});
