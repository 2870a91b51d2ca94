import { describe, expect, it } from 'vitest';
import {
  toAppInvitation,
  toOrganizationInvitation,
  toOrganizationRole,
  toUser,
} from './mapping.ts';
import { invitationJson, organizationInvitationJson, userJson } from './test-support/clerk-json.ts';

describe('toUser', () => {
  it('takes the email, and whether it is verified, from the primary address', () => {
    const user = toUser(userJson({ primary_email_address_id: 'idn_other' }));
    expect(user).toMatchObject({ email: 'ada@old.example', emailVerified: false });
  });

  it('copes with a user who has no email address, name or metadata', () => {
    const user = toUser(
      userJson({
        email_addresses: [],
        primary_email_address_id: null,
        first_name: null,
        last_name: '',
        public_metadata: undefined,
      }),
    );
    expect(user).toMatchObject({
      email: '',
      emailVerified: false,
      firstName: null,
      lastName: null,
      publicMetadata: {},
    });
  });
});

describe('roles and statuses', () => {
  it('reads org:admin as admin and every other role as member', () => {
    expect(toOrganizationRole('org:admin')).toBe('admin');
    expect(toOrganizationRole('admin')).toBe('admin');
    expect(toOrganizationRole('org:member')).toBe('member');
    expect(toOrganizationRole('org:billing')).toBe('member');
  });

  it('calls a pending invitation past its expiry expired, and leaves the others be', () => {
    const now = Date.UTC(2026, 5, 1);
    const stale = { expires_at: now - 1 };
    expect(toOrganizationInvitation(organizationInvitationJson(stale), { now }).status).toBe(
      'expired',
    );
    expect(
      toOrganizationInvitation(organizationInvitationJson({ ...stale, status: 'accepted' }), {
        now,
      }).status,
    ).toBe('accepted');
    expect(toAppInvitation(invitationJson(stale), now).status).toBe('expired');
    expect(toAppInvitation(invitationJson({ expires_at: null }), now)).toMatchObject({
      status: 'pending',
      expiresAt: null,
    });
  });
});
