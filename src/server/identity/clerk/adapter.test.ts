// The adapter's Backend API calls, made for real by @clerk/backend against a local HTTP server
// that stands in for Clerk (test-support/clerk-stand-in.ts): Clerk's servers cannot be reached
// from here. Each test checks the request our code sends and how Clerk's answer is mapped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IdentityProvider, IdentityProviderError } from '../port.ts';
import { createClerkIdentityProvider } from './adapter.ts';
import {
  clerkErrorJson,
  createdAt,
  invitationJson,
  mappedUser,
  membershipJson,
  organizationInvitationJson,
  organizationJson,
  updatedAt,
  userJson,
} from './test-support/clerk-json.ts';
import { type ClerkStandIn, startClerkStandIn } from './test-support/clerk-stand-in.ts';

const secretKey = 'sk_test_standInSecretKey0123456789';

let standIn: ClerkStandIn;
let identity: IdentityProvider;
/** What the adapter asked to wait between retries; nothing actually waits. */
let sleeps: number[];

beforeAll(async () => {
  standIn = await startClerkStandIn();
  identity = createClerkIdentityProvider({
    secretKey,
    apiUrl: standIn.url,
    retry: {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
  });
});

afterAll(() => standIn.close());

function answerJson(body: unknown, status = 200) {
  standIn.answerWith(() => ({ status, body }));
  sleeps = [];
}

function onlyRequest() {
  expect(standIn.requests).toHaveLength(1);
  const [request] = standIn.requests;
  if (!request) throw new Error('no request');
  return request;
}

async function rejection(promise: Promise<unknown>): Promise<IdentityProviderError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(IdentityProviderError);
  return error as IdentityProviderError;
}

describe('users', () => {
  it('reads a user, with the secret key as bearer, and maps Clerk JSON to the port', async () => {
    answerJson(userJson());
    const user = await identity.users.get('user_1');

    const request = onlyRequest();
    expect(request).toMatchObject({ method: 'GET', path: '/v1/users/user_1' });
    expect(request.authorization).toBe(`Bearer ${secretKey}`);
    expect(user).toEqual(mappedUser);
  });

  it('answers null for a user Clerk does not know', async () => {
    answerJson(clerkErrorJson('not found', 'Resource not found', 'resource_not_found'), 404);
    expect(await identity.users.get('user_missing')).toBeNull();
  });

  it('finds a user by email address', async () => {
    standIn.answerWith((request) =>
      request.path === '/v1/users/count'
        ? { body: { object: 'total_count', total_count: 1 } }
        : { body: [userJson()] },
    );
    const user = await identity.users.findByEmail('ada@example.com');

    const list = standIn.requests.find((request) => request.path === '/v1/users');
    expect(list?.query.getAll('email_address')).toEqual(['ada@example.com']);
    expect(user?.id).toBe('user_1');
  });

  it('lists users matching a query, newest first, with Clerk’s total', async () => {
    standIn.answerWith((request) =>
      request.path === '/v1/users/count'
        ? { body: { object: 'total_count', total_count: 41 } }
        : { body: [userJson({ id: 'user_41' })] },
    );
    const page = await identity.users.list({ query: 'ada', limit: 20, offset: 40 });

    const list = standIn.requests.find((request) => request.path === '/v1/users');
    const count = standIn.requests.find((request) => request.path === '/v1/users/count');
    expect(Object.fromEntries(list?.query ?? [])).toEqual({
      query: 'ada',
      limit: '20',
      offset: '40',
      order_by: '-created_at',
    });
    expect(count?.query.get('query')).toBe('ada');
    expect(page.totalCount).toBe(41);
    expect(page.data.map((user) => user.id)).toEqual(['user_41']);
  });

  it('filters by role across every page, since Clerk cannot filter on metadata', async () => {
    // 501 users: every third one a client.
    const everyone = Array.from({ length: 501 }, (_, index) =>
      userJson({
        id: `user_${index}`,
        public_metadata: index % 3 === 0 ? { primary_role: 'client' } : {},
      }),
    );
    standIn.answerWith((request) => {
      if (request.path === '/v1/users/count') {
        return { body: { object: 'total_count', total_count: everyone.length } };
      }
      const offset = Number(request.query.get('offset') ?? 0);
      const limit = Number(request.query.get('limit'));
      return { body: everyone.slice(offset, offset + limit) };
    });

    const clients = await identity.users.list({ role: 'client', limit: 10, offset: 160 });
    const pending = await identity.users.list({ role: 'pending', limit: 5, offset: 0 });

    // The SDK leaves out a zero offset.
    const lists = standIn.requests.filter((request) => request.path === '/v1/users');
    expect(lists.map((request) => request.query.get('offset'))).toEqual([null, '500', null, '500']);
    expect(clients.totalCount).toBe(167);
    expect(clients.data.map((user) => user.id)).toEqual(
      Array.from({ length: 7 }, (_, index) => `user_${(160 + index) * 3}`),
    );
    expect(pending.totalCount).toBe(334);
    expect(pending.data.map((user) => user.id)).toEqual([
      'user_1',
      'user_2',
      'user_4',
      'user_5',
      'user_7',
    ]);
  });

  it('patches public metadata, which Clerk deep-merges, leaving nested keys as they are', async () => {
    answerJson(userJson({ public_metadata: { primary_role: 'admin' } }));
    const user = await identity.users.updatePublicMetadata('user_1', {
      primary_role: 'admin',
      organization_roles: { org_1: 'member' },
      session_auto_send_context: null,
    });

    expect(onlyRequest()).toMatchObject({
      method: 'PATCH',
      path: '/v1/users/user_1/metadata',
      body: {
        public_metadata: {
          primary_role: 'admin',
          organization_roles: { org_1: 'member' },
          session_auto_send_context: null,
        },
      },
    });
    expect(user.publicMetadata).toEqual({ primary_role: 'admin' });
  });

  it('bans, unbans and deletes', async () => {
    answerJson(userJson({ banned: true }));
    expect((await identity.users.ban('user_1')).banned).toBe(true);
    expect(onlyRequest()).toMatchObject({ method: 'POST', path: '/v1/users/user_1/ban' });

    answerJson(userJson());
    expect((await identity.users.unban('user_1')).banned).toBe(false);
    expect(onlyRequest()).toMatchObject({ method: 'POST', path: '/v1/users/user_1/unban' });

    answerJson({ object: 'user', id: 'user_1', deleted: true });
    await identity.users.delete('user_1');
    expect(onlyRequest()).toMatchObject({ method: 'DELETE', path: '/v1/users/user_1' });
  });
});

describe('organizations', () => {
  it('creates an organization with its creator and metadata', async () => {
    answerJson(organizationJson());
    const organization = await identity.organizations.create({
      name: 'North Star Coaching',
      slug: 'north-star',
      createdBy: 'user_1',
      publicMetadata: { plan: 'team' },
    });

    expect(onlyRequest()).toMatchObject({
      method: 'POST',
      path: '/v1/organizations',
      body: {
        name: 'North Star Coaching',
        slug: 'north-star',
        created_by: 'user_1',
        public_metadata: { plan: 'team' },
      },
    });
    expect(organization).toEqual({
      id: 'org_1',
      name: 'North Star Coaching',
      slug: 'north-star',
      publicMetadata: { plan: 'team' },
      createdAt: new Date(createdAt),
      updatedAt: new Date(updatedAt),
    });
  });

  it('answers null for an organization Clerk does not know', async () => {
    answerJson(clerkErrorJson('not found', 'Resource not found', 'resource_not_found'), 404);
    expect(await identity.organizations.get('org_missing')).toBeNull();
    expect(onlyRequest().path).toBe('/v1/organizations/org_missing');
  });

  it('patches organization metadata', async () => {
    answerJson(organizationJson({ public_metadata: { plan: 'solo' } }));
    const organization = await identity.organizations.updatePublicMetadata('org_1', {
      plan: 'solo',
    });
    expect(onlyRequest()).toMatchObject({
      method: 'PATCH',
      path: '/v1/organizations/org_1/metadata',
      body: { public_metadata: { plan: 'solo' } },
    });
    expect(organization.publicMetadata).toEqual({ plan: 'solo' });
  });

  it('reads every page of a user’s memberships', async () => {
    const memberships = Array.from({ length: 501 }, (_, index) =>
      membershipJson({
        id: `orgmem_${index}`,
        role: index === 0 ? 'org:admin' : 'org:member',
        organization: organizationJson({ id: `org_${index}` }),
      }),
    );
    standIn.answerWith((request) => {
      const offset = Number(request.query.get('offset') ?? 0);
      const limit = Number(request.query.get('limit'));
      return {
        body: { data: memberships.slice(offset, offset + limit), total_count: memberships.length },
      };
    });

    const result = await identity.organizations.listMemberships('user_1');

    // The SDK leaves out a zero offset.
    expect(
      standIn.requests.map((request) => [request.path, Object.fromEntries(request.query)]),
    ).toEqual([
      ['/v1/users/user_1/organization_memberships', { limit: '500' }],
      ['/v1/users/user_1/organization_memberships', { limit: '500', offset: '500' }],
    ]);
    expect(result).toHaveLength(501);
    expect(result[0]).toEqual({
      organization: expect.objectContaining({ id: 'org_0', name: 'North Star Coaching' }),
      userId: 'user_1',
      role: 'admin',
      createdAt: new Date(createdAt),
    });
    expect(result[500]?.role).toBe('member');
  });

  it('adds and removes members with Clerk’s role keys', async () => {
    answerJson(membershipJson({ user_id: 'user_2', role: 'org:member' }));
    const membership = await identity.organizations.addMember({
      organizationId: 'org_1',
      userId: 'user_2',
      role: 'member',
    });
    expect(onlyRequest()).toMatchObject({
      method: 'POST',
      path: '/v1/organizations/org_1/memberships',
      body: { user_id: 'user_2', role: 'org:member' },
    });
    expect(membership).toMatchObject({ userId: 'user_2', role: 'member' });

    answerJson(membershipJson({ user_id: 'user_2' }));
    await identity.organizations.removeMember({ organizationId: 'org_1', userId: 'user_2' });
    expect(onlyRequest()).toMatchObject({
      method: 'DELETE',
      path: '/v1/organizations/org_1/memberships/user_2',
    });
  });
});

describe('organization invitations', () => {
  it('creates one with every option and keeps the inviter Clerk does not echo', async () => {
    const expiresAt = Date.now() + 7 * 86_400_000;
    answerJson(organizationInvitationJson({ expires_at: expiresAt }));
    const invitation = await identity.organizationInvitations.create({
      organizationId: 'org_1',
      emailAddress: 'grace@example.com',
      role: 'member',
      inviterUserId: 'user_1',
      publicMetadata: { invited_as: 'client' },
      redirectUrl: 'https://app.example.test/accept',
      expiresInDays: 7,
    });

    expect(onlyRequest()).toMatchObject({
      method: 'POST',
      path: '/v1/organizations/org_1/invitations',
      body: {
        email_address: 'grace@example.com',
        role: 'org:member',
        inviter_user_id: 'user_1',
        public_metadata: { invited_as: 'client' },
        redirect_url: 'https://app.example.test/accept',
        expires_in_days: 7,
      },
    });
    expect(invitation).toEqual({
      id: 'orginv_1',
      organizationId: 'org_1',
      emailAddress: 'grace@example.com',
      role: 'member',
      status: 'pending',
      inviterUserId: 'user_1',
      publicMetadata: { invited_as: 'client' },
      createdAt: new Date(createdAt),
      expiresAt: new Date(expiresAt),
    });
  });

  it('reads one, and null when Clerk does not know it', async () => {
    answerJson(organizationInvitationJson());
    const invitation = await identity.organizationInvitations.get({
      organizationId: 'org_1',
      invitationId: 'orginv_1',
    });
    expect(onlyRequest().path).toBe('/v1/organizations/org_1/invitations/orginv_1');
    expect(invitation?.id).toBe('orginv_1');

    answerJson(clerkErrorJson('not found', 'Resource not found', 'resource_not_found'), 404);
    expect(
      await identity.organizationInvitations.get({ organizationId: 'org_1', invitationId: 'x' }),
    ).toBeNull();
  });

  it('lists by status, reading a pending invitation past its expiry as expired', async () => {
    answerJson({
      data: [
        organizationInvitationJson({ id: 'orginv_live' }),
        organizationInvitationJson({ id: 'orginv_stale', expires_at: Date.now() - 1000 }),
        organizationInvitationJson({ id: 'orginv_old', status: 'expired' }),
      ],
      total_count: 3,
    });
    const expired = await identity.organizationInvitations.list({
      organizationId: 'org_1',
      status: ['expired'],
    });

    const request = onlyRequest();
    expect(request.path).toBe('/v1/organizations/org_1/invitations');
    expect(request.query.getAll('status')).toEqual(['expired', 'pending']);
    expect(expired.map((invitation) => [invitation.id, invitation.status])).toEqual([
      ['orginv_stale', 'expired'],
      ['orginv_old', 'expired'],
    ]);
  });

  it('revokes one on behalf of a user', async () => {
    answerJson(organizationInvitationJson({ status: 'revoked' }));
    const invitation = await identity.organizationInvitations.revoke({
      organizationId: 'org_1',
      invitationId: 'orginv_1',
      requestingUserId: 'user_1',
    });
    expect(onlyRequest()).toMatchObject({
      method: 'POST',
      path: '/v1/organizations/org_1/invitations/orginv_1/revoke',
      body: { requesting_user_id: 'user_1' },
    });
    expect(invitation.status).toBe('revoked');
  });
});

describe('app invitations', () => {
  it('creates one that notifies and ignores an existing invitation', async () => {
    const expiresAt = Date.now() + 14 * 86_400_000;
    answerJson(invitationJson({ expires_at: expiresAt }));
    const invitation = await identity.invitations.create({
      emailAddress: 'grace@example.com',
      publicMetadata: { primary_role: 'client' },
      redirectUrl: 'https://app.example.test/sign-up',
      expiresInDays: 14,
    });

    expect(onlyRequest()).toMatchObject({
      method: 'POST',
      path: '/v1/invitations',
      body: {
        email_address: 'grace@example.com',
        public_metadata: { primary_role: 'client' },
        redirect_url: 'https://app.example.test/sign-up',
        expires_in_days: 14,
        notify: true,
        ignore_existing: true,
      },
    });
    expect(invitation).toEqual({
      id: 'inv_1',
      emailAddress: 'grace@example.com',
      publicMetadata: { primary_role: 'client' },
      status: 'pending',
      createdAt: new Date(createdAt),
      expiresAt: new Date(expiresAt),
    });
  });

  it('revokes one', async () => {
    answerJson(invitationJson({ status: 'revoked', revoked: true, expires_at: null }));
    const invitation = await identity.invitations.revoke('inv_1');
    expect(onlyRequest()).toMatchObject({ method: 'POST', path: '/v1/invitations/inv_1/revoke' });
    expect(invitation).toMatchObject({ status: 'revoked', expiresAt: null });
  });
});

describe('waitlist', () => {
  it("adds an email to Clerk's waitlist without Clerk mailing it", async () => {
    answerJson({
      object: 'waitlist_entry',
      id: 'wle_1',
      email_address: 'grace@example.com',
      status: 'pending',
      created_at: createdAt,
      updated_at: createdAt,
    });
    await identity.waitlist?.createEntry('grace@example.com');
    expect(onlyRequest()).toMatchObject({
      method: 'POST',
      path: '/v1/waitlist_entries',
      body: { email_address: 'grace@example.com', notify: false },
    });
  });
});

describe('Clerk failures', () => {
  it('retries a 429 after the Retry-After Clerk asks for', async () => {
    let calls = 0;
    standIn.answerWith(() =>
      ++calls === 1
        ? {
            status: 429,
            headers: { 'retry-after': '1' },
            body: clerkErrorJson('Too many requests', 'Too many requests', 'too_many_requests'),
          }
        : { body: userJson() },
    );
    sleeps = [];

    const user = await identity.users.get('user_1');

    expect(user?.id).toBe('user_1');
    expect(standIn.requests).toHaveLength(2);
    expect(sleeps).toEqual([1000]);
  });

  it('gives up after three retries of a 429 that does not stop', async () => {
    standIn.answerWith(() => ({
      status: 429,
      headers: { 'retry-after': '1' },
      body: clerkErrorJson('Too many requests', 'Too many requests', 'too_many_requests'),
    }));
    sleeps = [];

    const error = await rejection(identity.users.updatePublicMetadata('user_1', { a: 1 }));

    expect(error.status).toBe(503);
    expect(error.message).toMatch(/update the user's metadata/);
    expect(standIn.requests).toHaveLength(4);
    expect(sleeps).toEqual([1000, 1000, 1000]);
  });

  it('does not wait past 10 s in all', async () => {
    standIn.answerWith(() => ({
      status: 429,
      headers: { 'retry-after': '6' },
      body: clerkErrorJson('Too many requests', 'Too many requests', 'too_many_requests'),
    }));
    sleeps = [];

    await rejection(identity.users.get('user_1'));

    expect(standIn.requests).toHaveLength(2);
    expect(sleeps).toEqual([6000]);
  });

  it('reports refused input as 422 with Clerk’s message and the operation', async () => {
    answerJson(
      clerkErrorJson(
        'is invalid',
        'email_address must be a valid email address.',
        'form_param_format_invalid',
      ),
      422,
    );
    const error = await rejection(
      identity.invitations.create({ emailAddress: 'not-an-email', publicMetadata: {} }),
    );
    expect(error.status).toBe(422);
    expect(error.message).toBe(
      'Clerk refused to create the invitation: email_address must be a valid email address.',
    );
  });

  it('reports a 400 as refused input too', async () => {
    answerJson(clerkErrorJson('bad request', 'Slug is taken.', 'form_identifier_exists'), 400);
    const error = await rejection(
      identity.organizations.create({ name: 'x', slug: 'taken', createdBy: 'user_1' }),
    );
    expect(error.status).toBe(422);
    expect(error.message).toBe('Clerk refused to create the organization: Slug is taken.');
  });

  it('reports a 404 where the port has no null as a 404', async () => {
    answerJson(clerkErrorJson('not found', 'Resource not found', 'resource_not_found'), 404);
    const error = await rejection(identity.users.ban('user_missing'));
    expect(error.status).toBe(404);
    expect(error.message).toBe('Clerk refused to ban the user: Resource not found');
  });

  it('reports Clerk’s own failures as 502', async () => {
    answerJson(clerkErrorJson('Internal error', 'Something went wrong', 'internal_error'), 500);
    const error = await rejection(identity.organizations.get('org_1'));
    expect(error.status).toBe(502);
    expect(error.message).toBe('Clerk failed to read the organization: Something went wrong');
  });

  it('never shows the secret key, even when Clerk quotes it', async () => {
    answerJson(
      clerkErrorJson('Unauthorized', `The secret key ${secretKey} is invalid.`, 'unauthorized'),
      401,
    );
    const error = await rejection(identity.users.get('user_1'));
    expect(error.status).toBe(502);
    expect(error.message).not.toContain(secretKey);
    expect(error.message).toContain('[redacted]');
  });

  it('reports an unreachable Clerk as 502 without the secret key', async () => {
    const closed = await startClerkStandIn();
    await closed.close();
    const unreachable = createClerkIdentityProvider({ secretKey, apiUrl: closed.url });

    const error = await rejection(unreachable.users.get('user_1'));

    expect(error.status).toBe(502);
    expect(error.message).toMatch(/^Clerk failed to read the user: /);
    expect(error.message).not.toContain(secretKey);
  });
});
