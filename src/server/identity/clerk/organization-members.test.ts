// The Clerk adapter's organization members and the invitee's side of an invitation. Clerk's servers
// cannot be reached from here: @clerk/backend talks to a local stand-in (test-support/) and each
// test checks the request our code sends and how Clerk's answer is mapped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityProvider } from '../port.ts';
import { createClerkIdentityProvider } from './adapter.ts';
import {
  clerkErrorJson,
  createdAt,
  membershipJson,
  organizationInvitationJson,
  organizationJson,
} from './test-support/clerk-json.ts';
import { type ClerkStandIn, startClerkStandIn } from './test-support/clerk-stand-in.ts';

let standIn: ClerkStandIn;
let identity: IdentityProvider;

beforeAll(async () => {
  standIn = await startClerkStandIn();
  identity = createClerkIdentityProvider({
    secretKey: 'sk_test_standInSecretKey0123456789',
    apiUrl: standIn.url,
    retry: { sleep: async () => undefined },
  });
});
afterAll(() => standIn.close());

function answerJson(body: unknown, status = 200) {
  standIn.answerWith(() => ({ status, body }));
}

const notFound = clerkErrorJson('not found', 'Resource not found', 'resource_not_found');

function onlyRequest() {
  expect(standIn.requests).toHaveLength(1);
  const [request] = standIn.requests;
  if (!request) throw new Error('no request');
  return request;
}

describe('organizations', () => {
  it('creates one with no creator (it starts with no member)', async () => {
    answerJson(organizationJson());
    await identity.organizations.create({ name: 'Legacy Co', slug: 'legacy-co' });
    const request = onlyRequest();
    expect(request).toMatchObject({ method: 'POST', path: '/v1/organizations' });
    expect(request.body).toEqual({ name: 'Legacy Co', slug: 'legacy-co' });
  });

  it('finds one by slug, and answers null for a slug Clerk does not know', async () => {
    answerJson(organizationJson({ slug: 'north-star' }));
    expect(await identity.organizations.findBySlug('north-star')).toMatchObject({
      id: 'org_1',
      slug: 'north-star',
    });
    // Clerk's "get organization" takes an id or a slug in the same place.
    expect(onlyRequest()).toMatchObject({ method: 'GET', path: '/v1/organizations/north-star' });

    answerJson(notFound, 404);
    expect(await identity.organizations.findBySlug('nobody')).toBeNull();
  });

  it('lists every page of members, oldest first, with what Clerk shows of each person', async () => {
    const members = Array.from({ length: 501 }, (_, index) =>
      membershipJson({
        user_id: `user_${index}`,
        role: index === 0 ? 'org:admin' : 'org:member',
      }),
    );
    standIn.answerWith((request) => {
      const offset = Number(request.query.get('offset') ?? 0);
      const limit = Number(request.query.get('limit'));
      return { body: { data: members.slice(offset, offset + limit), total_count: members.length } };
    });
    const listed = await identity.organizations.listMembers('org_1');
    expect(standIn.requests.map((request) => request.path)).toEqual([
      '/v1/organizations/org_1/memberships',
      '/v1/organizations/org_1/memberships',
    ]);
    expect(standIn.requests[0]?.query.get('order_by')).toBe('+created_at');
    expect(listed).toHaveLength(501);
    expect(listed[0]).toEqual({
      organizationId: 'org_1',
      userId: 'user_0',
      role: 'admin',
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      createdAt: new Date(createdAt),
    });
    expect(listed[500]?.role).toBe('member');
  });

  it("changes a member's role with Clerk's role key", async () => {
    answerJson(membershipJson({ user_id: 'user_2', role: 'org:admin' }));
    const member = await identity.organizations.updateMemberRole({
      organizationId: 'org_1',
      userId: 'user_2',
      role: 'admin',
    });
    expect(onlyRequest()).toMatchObject({
      method: 'PATCH',
      path: '/v1/organizations/org_1/memberships/user_2',
      body: { role: 'org:admin' },
    });
    expect(member).toMatchObject({ userId: 'user_2', role: 'admin' });
  });
});

describe("an invitation's invitee", () => {
  it('lists the invitations Clerk holds for the user, filtered by status', async () => {
    answerJson({
      data: [
        organizationInvitationJson({ id: 'orginv_live' }),
        organizationInvitationJson({ id: 'orginv_stale', expires_at: Date.now() - 1000 }),
      ],
      total_count: 2,
    });
    const pending = await identity.organizationInvitations.listForUser({
      userId: 'user_1',
      status: ['pending'],
    });
    const request = onlyRequest();
    expect(request.path).toBe('/v1/users/user_1/organization_invitations');
    expect(request.query.get('status')).toBe('pending');
    // Clerk still calls the stale one pending; the port calls it expired.
    expect(pending.map((invitation) => invitation.id)).toEqual(['orginv_live']);
  });

  it('refuses to accept a pending invitation (Clerk accepts in its own flow) with 409', async () => {
    answerJson({ data: [organizationInvitationJson()], total_count: 1 });
    await expect(
      identity.organizationInvitations.accept({ invitationId: 'orginv_1', userId: 'user_1' }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining('own flow') });
  });

  it('answers the membership for an invitation already accepted', async () => {
    standIn.answerWith((request) =>
      request.path.endsWith('/organization_invitations')
        ? {
            body: {
              data: [organizationInvitationJson({ status: 'accepted' })],
              total_count: 1,
            },
          }
        : { body: { data: [membershipJson({ role: 'org:member' })], total_count: 1 } },
    );
    const membership = await identity.organizationInvitations.accept({
      invitationId: 'orginv_1',
      userId: 'user_1',
    });
    expect(membership).toMatchObject({
      userId: 'user_1',
      role: 'member',
      organization: { id: 'org_1' },
    });
    expect(standIn.requests.map((request) => request.path)).toEqual([
      '/v1/users/user_1/organization_invitations',
      '/v1/users/user_1/organization_memberships',
    ]);
  });

  it('answers 404 for an invitation not addressed to the user', async () => {
    answerJson({ data: [organizationInvitationJson({ id: 'orginv_other' })], total_count: 1 });
    await expect(
      identity.organizationInvitations.accept({ invitationId: 'orginv_1', userId: 'user_1' }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      identity.organizationInvitations.decline({ invitationId: 'orginv_1', userId: 'user_1' }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('declines by revoking it; a revoked one cannot be declined again', async () => {
    standIn.answerWith((request) =>
      request.method === 'GET'
        ? { body: { data: [organizationInvitationJson()], total_count: 1 } }
        : { body: organizationInvitationJson({ status: 'revoked' }) },
    );
    const declined = await identity.organizationInvitations.decline({
      invitationId: 'orginv_1',
      userId: 'user_1',
    });
    expect(declined.status).toBe('revoked');
    expect(standIn.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/v1/organizations/org_1/invitations/orginv_1/revoke',
    });

    answerJson({
      data: [organizationInvitationJson({ status: 'revoked' })],
      total_count: 1,
    });
    await expect(
      identity.organizationInvitations.decline({ invitationId: 'orginv_1', userId: 'user_1' }),
    ).rejects.toMatchObject({ status: 422 });
  });
});
