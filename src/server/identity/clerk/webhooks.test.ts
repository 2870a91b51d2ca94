// Clerk webhook deliveries signed here with the svix package, as Svix signs them for Clerk.
import { randomBytes } from 'node:crypto';
import { Webhook } from 'svix';
import { describe, expect, it } from 'vitest';
import {
  createdAt,
  mappedUser,
  membershipJson,
  organizationInvitationJson,
  organizationJson,
  updatedAt,
  userJson,
} from './test-support/clerk-json.ts';
import { type SvixHeaders, verifyClerkWebhook, WebhookVerificationError } from './webhooks.ts';

const signingSecret = `whsec_${randomBytes(24).toString('base64')}`;
const eventTime = Date.UTC(2026, 2, 1, 12, 0, 0);

function clerkEvent(type: string, data: object) {
  return JSON.stringify({
    type,
    object: 'event',
    data,
    timestamp: eventTime,
    instance_id: 'ins_1',
    event_attributes: { http_request: { client_ip: '192.0.2.1', user_agent: 'test' } },
  });
}

function signed(body: string, options: { at?: Date; secret?: string; id?: string } = {}) {
  const { at = new Date(), secret = signingSecret, id = 'msg_1' } = options;
  const headers: SvixHeaders = {
    'svix-id': id,
    'svix-timestamp': Math.floor(at.getTime() / 1000).toString(),
    'svix-signature': new Webhook(secret).sign(id, at, body),
  };
  return { body, headers };
}

function verificationFailure(body: string, headers: SvixHeaders): string {
  try {
    verifyClerkWebhook(body, headers, signingSecret);
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return (error as Error).message;
  }
  throw new Error('the delivery was accepted');
}

describe('verifyClerkWebhook', () => {
  it('maps user.created to an event carrying the mapped user', () => {
    const { body, headers } = signed(clerkEvent('user.created', userJson()), { id: 'msg_user' });

    expect(verifyClerkWebhook(body, headers, signingSecret)).toEqual({
      id: 'msg_user',
      type: 'user.created',
      occurredAt: new Date(eventTime).toISOString(),
      data: {
        user: mappedUser,
      },
    });
  });

  it('dates the event from the Svix timestamp when the payload has none', () => {
    const at = new Date(Math.floor(Date.now() / 1000) * 1000);
    const body = JSON.stringify({ type: 'user.deleted', data: { id: 'user_1', deleted: true } });
    const event = verifyClerkWebhook(body, signed(body, { at }).headers, signingSecret);
    expect(event).toMatchObject({ type: 'user.deleted', occurredAt: at.toISOString() });
  });

  it('maps deletions to the deleted id', () => {
    const user = signed(
      clerkEvent('user.deleted', { object: 'user', id: 'user_9', deleted: true }),
    );
    expect(verifyClerkWebhook(user.body, user.headers, signingSecret)).toMatchObject({
      type: 'user.deleted',
      data: { userId: 'user_9' },
    });
    const organization = signed(
      clerkEvent('organization.deleted', { object: 'organization', id: 'org_9', deleted: true }),
    );
    expect(
      verifyClerkWebhook(organization.body, organization.headers, signingSecret),
    ).toMatchObject({ type: 'organization.deleted', data: { organizationId: 'org_9' } });
  });

  it('maps organization and membership events', () => {
    const organization = signed(clerkEvent('organization.updated', organizationJson()));
    expect(
      verifyClerkWebhook(organization.body, organization.headers, signingSecret),
    ).toMatchObject({
      type: 'organization.updated',
      data: { organization: { id: 'org_1', slug: 'north-star', publicMetadata: { plan: 'team' } } },
    });

    const membership = signed(
      clerkEvent('organizationMembership.created', membershipJson({ user_id: 'user_2' })),
    );
    expect(verifyClerkWebhook(membership.body, membership.headers, signingSecret)).toMatchObject({
      type: 'organizationMembership.created',
      data: { organizationId: 'org_1', userId: 'user_2', role: 'admin' },
    });

    // A role change (Clerk's `organizationMembership.updated`) carries the new role.
    const changed = signed(
      clerkEvent(
        'organizationMembership.updated',
        membershipJson({ user_id: 'user_2', role: 'org:member' }),
      ),
    );
    expect(verifyClerkWebhook(changed.body, changed.headers, signingSecret)).toMatchObject({
      type: 'organizationMembership.updated',
      data: { organizationId: 'org_1', userId: 'user_2', role: 'member' },
    });
  });

  it('maps an accepted organization invitation with the user who accepted it', () => {
    const { body, headers } = signed(
      clerkEvent(
        'organizationInvitation.accepted',
        organizationInvitationJson({ status: 'accepted', user_id: 'user_3' }),
      ),
    );
    expect(verifyClerkWebhook(body, headers, signingSecret)).toMatchObject({
      type: 'organizationInvitation.accepted',
      data: {
        invitation: { id: 'orginv_1', organizationId: 'org_1', status: 'accepted', role: 'member' },
        userId: 'user_3',
      },
    });
  });

  it('maps waitlist entries', () => {
    const { body, headers } = signed(
      clerkEvent('waitlistEntry.updated', {
        object: 'waitlist_entry',
        id: 'wle_1',
        email_address: 'hopeful@example.com',
        status: 'invited',
        invitation: null,
        is_locked: false,
        created_at: createdAt,
        updated_at: updatedAt,
      }),
    );
    expect(verifyClerkWebhook(body, headers, signingSecret)).toMatchObject({
      type: 'waitlistEntry.updated',
      data: { id: 'wle_1', emailAddress: 'hopeful@example.com', status: 'invited' },
    });
  });

  it('answers null for an event type the domain does not handle', () => {
    const { body, headers } = signed(clerkEvent('session.created', { id: 'sess_1' }));
    expect(verifyClerkWebhook(body, headers, signingSecret)).toBeNull();
  });

  it('refuses a tampered body', () => {
    const { body, headers } = signed(clerkEvent('user.created', userJson()));
    const tampered = body.replace('"coach"', '"admin"');
    expect(verificationFailure(tampered, headers)).toBe('bad signature');
  });

  it('refuses a delivery signed with another secret', () => {
    const other = `whsec_${randomBytes(24).toString('base64')}`;
    const { body, headers } = signed(clerkEvent('user.created', userJson()), { secret: other });
    expect(verificationFailure(body, headers)).toBe('bad signature');
  });

  it('refuses a delivery signed ten minutes ago', () => {
    const at = new Date(Date.now() - 10 * 60_000);
    const { body, headers } = signed(clerkEvent('user.created', userJson()), { at });
    expect(verificationFailure(body, headers)).toBe('timestamp too old');
  });

  it('refuses a delivery without its Svix headers', () => {
    const { body, headers } = signed(clerkEvent('user.created', userJson()));
    expect(verificationFailure(body, {})).toBe('missing svix headers');
    expect(verificationFailure(body, { ...headers, 'svix-signature': undefined })).toBe(
      'missing svix headers',
    );
    expect(verificationFailure(body, { ...headers, 'svix-id': ['msg_1', 'msg_2'] })).toBe(
      'missing svix headers',
    );
  });
});
