// Tenants with the whole app in Clerk mode. Clerk's servers cannot be reached from here: its
// Backend API is mocked by a local stand-in server (a tiny in-memory Clerk below), its webhooks are
// signed here with the same secret, and session tokens with a key pair whose public half is the
// CLERK_JWT_KEY, as Clerk's networkless verification works.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { createTestApp } from '../../../../test/support/app.ts';
import {
  clerkSessionToken,
  createClerkTestApp,
  deliverClerkWebhook,
} from '../../identity/clerk/test-support/clerk-app.ts';
import {
  clerkErrorJson,
  membershipJson,
  organizationInvitationJson,
  organizationJson,
  userJson,
} from '../../identity/clerk/test-support/clerk-json.ts';
import {
  type ClerkStandIn,
  type RecordedRequest,
  type StandInAnswer,
  startClerkStandIn,
} from '../../identity/clerk/test-support/clerk-stand-in.ts';
import { tenantMembers, tenants } from './schema.ts';
import { PROVIDER_DOWN_WARNING } from './service.ts';

let clerk: ClerkStandIn;
let app: Awaited<ReturnType<typeof createTestApp>>;

/** What the in-memory Clerk holds: user_1's organizations and their roles. */
let memberships: { orgId: string; name: string; role: 'org:admin' | 'org:member' }[];
let clerkDown: boolean;

function fakeClerk(request: RecordedRequest): StandInAnswer {
  if (clerkDown && request.path !== '/v1/users/user_1')
    return { status: 503, body: clerkErrorJson('down', 'Service unavailable', 'unavailable') };
  const organizations = () =>
    memberships.map((m) =>
      membershipJson({
        role: m.role,
        organization: organizationJson({
          id: m.orgId,
          name: m.name,
          slug: m.orgId.replace('_', '-'),
          public_metadata: { kind: 'client_company', industry: 'Software', size: '1-10' },
        }),
      }),
    );
  if (request.path === '/v1/users/user_1')
    return { body: userJson({ public_metadata: { primary_role: 'client' } }) };
  if (request.path === '/v1/users/user_1/metadata') return { body: userJson() };
  if (request.path === '/v1/users/user_1/organization_memberships')
    return { body: { data: organizations(), total_count: memberships.length } };
  if (request.path === '/v1/organizations' && request.method === 'POST') {
    const body = request.body as { name: string; public_metadata: unknown };
    memberships.push({ orgId: 'org_created', name: body.name, role: 'org:admin' });
    return {
      body: organizationJson({
        id: 'org_created',
        name: body.name,
        public_metadata: body.public_metadata,
      }),
    };
  }
  if (request.path === '/v1/users/user_1/organization_invitations')
    return { body: { data: [organizationInvitationJson({ id: 'orginv_1' })], total_count: 1 } };
  if (request.path === '/v1/organizations/org_1')
    return { body: organizationJson({ id: 'org_1', name: 'Inviting Co' }) };
  return {
    status: 404,
    body: clerkErrorJson('not found', 'Resource not found', 'resource_not_found'),
  };
}

beforeAll(async () => {
  clerk = await startClerkStandIn();
  app = await createClerkTestApp(clerk.url);
});
afterAll(async () => {
  await app.close();
  await clerk.close();
});
beforeEach(() => {
  memberships = [{ orgId: 'org_acme', name: 'Acme Ltd', role: 'org:admin' }];
  clerkDown = false;
  clerk.answerWith(fakeClerk);
});

async function headers() {
  return {
    authorization: `Bearer ${await clerkSessionToken('user_1', { primary_role: 'client' })}`,
  };
}

const list = async (sync: boolean) =>
  app.inject({
    method: 'GET',
    url: `/api/v1/tenants/me/get-tenants?sync_from_clerk=${sync}`,
    headers: await headers(),
  });

describe('tenants in Clerk mode', () => {
  it('syncs the list from Clerk, and answers from the database, flagged, when Clerk is down', async () => {
    const synced = await list(true);
    expect(synced.statusCode).toBe(200);
    expect(synced.json()).toMatchObject({
      source: 'provider',
      warning: null,
      data: [{ identityOrgId: 'org_acme', name: 'Acme Ltd', role: 'admin' }],
    });
    clerkDown = true;
    const fallback = await list(true);
    expect(fallback.statusCode).toBe(200);
    expect(fallback.json()).toMatchObject({
      source: 'database',
      warning: PROVIDER_DOWN_WARNING,
      data: [{ identityOrgId: 'org_acme' }],
    });
    expect((await list(false)).json()).toMatchObject({ source: 'database', warning: null });
  });

  it('creates an organization in Clerk first; when Clerk fails, writes nothing and answers 502', async () => {
    const body = {
      name: 'New Co',
      metadata: { kind: 'client_company', industry: 'Retail', size: '1-10' },
    };
    clerkDown = true;
    const before = await app.database.db.select().from(tenants);
    const failed = await app.inject({
      method: 'POST',
      url: '/api/v1/tenants/create',
      headers: await headers(),
      payload: body,
    });
    expect(failed.statusCode).toBe(502);
    expect(failed.json().message).toMatch(/^Clerk/);
    expect(await app.database.db.select().from(tenants)).toEqual(before);

    clerkDown = false;
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/tenants/create',
      headers: await headers(),
      payload: body,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ identityOrgId: 'org_created', role: 'admin' });
    expect(clerk.requests.find((r) => r.path === '/v1/organizations')?.body).toMatchObject({
      name: 'New Co',
      created_by: 'user_1',
      public_metadata: body.metadata,
    });
    expect(clerk.requests.find((r) => r.path === '/v1/users/user_1/metadata')?.body).toEqual({
      public_metadata: { organization_roles: { org_created: 'admin' } },
    });
  });

  it("mirrors Clerk's organizationMembership.updated (a role change) from its webhook", async () => {
    await list(true);
    memberships = [{ orgId: 'org_acme', name: 'Acme Ltd', role: 'org:member' }];
    const response = await deliverClerkWebhook(app, 'msg_membership_updated', {
      type: 'organizationMembership.updated',
      object: 'event',
      data: membershipJson({
        role: 'org:member',
        organization: organizationJson({ id: 'org_acme' }),
      }),
    });
    expect(response.statusCode).toBe(200);
    await app.identity.events.drain();
    const [row] = await app.database.db
      .select()
      .from(tenantMembers)
      .where(eq(tenantMembers.identityOrgId, 'org_acme'));
    expect(row?.role).toBe('member');
  });

  it('shows a received invitation, and sends acceptance to Clerk’s own flow (409)', async () => {
    const shown = await app.inject({
      method: 'GET',
      url: '/api/v1/invitations/orginv_1',
      headers: await headers(),
    });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      organization: { identityOrgId: 'org_1', name: 'Inviting Co' },
      acceptance: 'provider',
    });
    const accept = await app.inject({
      method: 'POST',
      url: '/api/v1/invitations/orginv_1/accept',
      headers: await headers(),
    });
    expect(accept.statusCode).toBe(409);
    expect(accept.json().message).toMatch(/own flow/);
  });
});
