// Coaching relationships with the whole app in Clerk mode. Clerk's Backend API is the local stand-in
// (a tiny in-memory Clerk below: two users, one practice, its invitations), its webhooks are signed
// here with the same secret, and session tokens with a key pair whose public half is CLERK_JWT_KEY.
// Clerk sends the invitation mail and accepts in its own flow: acceptance arrives as the
// `organizationInvitation.accepted` webhook.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { createTestApp } from '../../../../test/support/app.ts';
import { relationshipRow } from '../../../../test/support/relationships.ts';
import { practiceMetadata } from '../../../../test/support/tenants.ts';
import { testConfig } from '../../config.ts';
import {
  clerkSessionToken,
  createClerkTestApp,
  deliverClerkWebhook,
} from '../../identity/clerk/test-support/clerk-app.ts';
import {
  clerkErrorJson,
  organizationInvitationJson,
  userJson,
} from '../../identity/clerk/test-support/clerk-json.ts';
import {
  type ClerkStandIn,
  type RecordedRequest,
  type StandInAnswer,
  startClerkStandIn,
} from '../../identity/clerk/test-support/clerk-stand-in.ts';
import { mailOutbox } from '../../mail/schema.ts';
import { tenantMembers, tenants } from '../tenants/schema.ts';

const PRACTICE = 'org_practice';
const COACH_EMAIL = 'coach@north-star.example';
const CLIENT_EMAIL = 'grace@example.com';
let clerk: ClerkStandIn;
let app: Awaited<ReturnType<typeof createTestApp>>;

const users: Record<string, { email: string; role: string }> = {
  user_coach: { email: COACH_EMAIL, role: 'coach' },
  user_client: { email: CLIENT_EMAIL, role: 'client' },
};

function clerkUser(id: string) {
  const user = users[id];
  if (!user) return undefined;
  return userJson({
    id,
    primary_email_address_id: 'idn_primary',
    email_addresses: [
      {
        object: 'email_address',
        id: 'idn_primary',
        email_address: user.email,
        verification: { status: 'verified', strategy: 'email_code' },
        linked_to: [],
      },
    ],
    public_metadata: { primary_role: user.role },
  });
}

type InvitationJson = ReturnType<typeof organizationInvitationJson>;
/** The practice's invitations as the in-memory Clerk holds them, by id. */
let invitations: Map<string, InvitationJson>;

const notFound = () => ({
  status: 404,
  body: clerkErrorJson('not found', 'Resource not found', 'resource_not_found'),
});

function fakeClerk(request: RecordedRequest): StandInAnswer {
  const { path, method } = request;
  if (path === '/v1/users/count') return { body: { object: 'total_count', total_count: 1 } };
  const userPath = path.match(/^\/v1\/users\/([^/]+)(\/.*)?$/);
  if (userPath && !userPath[2] && method === 'GET') {
    const user = clerkUser(userPath[1] as string);
    return user ? { body: user } : notFound();
  }
  if (path === '/v1/users') {
    const email = request.query.get('email_address');
    const id = Object.keys(users).find((key) => users[key]?.email === email);
    return { body: id ? [clerkUser(id)] : [] };
  }
  if (path === '/v1/users/user_client/organization_invitations') {
    const mine = [...invitations.values()].filter((i) => i.email_address === CLIENT_EMAIL);
    return { body: { data: mine, total_count: mine.length } };
  }
  if (path === `/v1/organizations/${PRACTICE}/invitations` && method === 'GET') {
    const statuses = request.query.getAll('status');
    const listed = [...invitations.values()].filter(
      (i) => statuses.length === 0 || statuses.includes(String(i.status)),
    );
    return { body: { data: listed, total_count: listed.length } };
  }
  if (path === `/v1/organizations/${PRACTICE}/invitations` && method === 'POST') {
    const body = request.body as {
      email_address: string;
      role: string;
      public_metadata: Record<string, unknown>;
    };
    const id = `orginv_${invitations.size + 1}`;
    const invitation = organizationInvitationJson({
      id,
      organization_id: PRACTICE,
      email_address: body.email_address,
      role: body.role,
      public_metadata: body.public_metadata,
    });
    invitations.set(id, invitation);
    return { body: invitation };
  }
  const revoke = path.match(
    new RegExp(`^/v1/organizations/${PRACTICE}/invitations/(\\w+)/revoke$`),
  );
  if (revoke && method === 'POST') {
    const invitation = invitations.get(revoke[1] as string);
    if (!invitation) return notFound();
    const revoked = { ...invitation, status: 'revoked' as const };
    invitations.set(invitation.id, revoked);
    return { body: revoked };
  }
  return notFound();
}

beforeAll(async () => {
  clerk = await startClerkStandIn();
  app = await createClerkTestApp(clerk.url);
  // The coach's practice, as the organization sync mirrors it from Clerk.
  await app.database.db.insert(tenants).values({
    identityOrgId: PRACTICE,
    name: 'North Star Coaching',
    slug: 'north-star',
    kind: 'coach_practice',
    metadata: practiceMetadata,
    syncedAt: new Date(),
  });
  await app.database.db
    .insert(tenantMembers)
    .values({ identityOrgId: PRACTICE, identityUserId: 'user_coach', role: 'admin' });
});
afterAll(async () => {
  await app.close();
  await clerk.close();
});
beforeEach(() => {
  invitations = new Map();
  clerk.answerWith(fakeClerk);
});

async function headers(userId: keyof typeof users) {
  const token = await clerkSessionToken(userId, { primary_role: users[userId]?.role });
  return { authorization: `Bearer ${token}` };
}

async function send(
  userId: keyof typeof users,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
) {
  return app.inject({
    method,
    url,
    headers: await headers(userId),
    ...(payload ? { payload } : {}),
  });
}

/** The coach invites the client; the job creates the invitation in Clerk. */
async function invite(email = CLIENT_EMAIL) {
  const invited = await send('user_coach', 'POST', '/api/v1/relationships/invite', {
    email,
    message: 'Welcome aboard.',
  });
  expect(invited.statusCode, invited.body).toBe(201);
  await app.jobs.drain();
  return invited.json().id as string;
}

describe('relationships in Clerk mode', () => {
  it('sends the invitation through Clerk, and its accepted webhook makes the relationship active', async () => {
    const id = await invite();
    const created = clerk.requests.filter(
      (r) => r.path === `/v1/organizations/${PRACTICE}/invitations` && r.method === 'POST',
    );
    expect(created).toHaveLength(1);
    expect(created[0]?.body).toEqual({
      email_address: CLIENT_EMAIL,
      role: 'org:member',
      inviter_user_id: 'user_coach',
      public_metadata: { relationship_id: id },
      redirect_url: `${testConfig().publicUrl}/member/coaching`,
    });
    const row = await relationshipRow(app, id);
    expect(row).toMatchObject({ status: 'pending', invitationId: 'orginv_1' });
    // Clerk sends the invitation mail, not us.
    const ours = await app.database.db.select().from(mailOutbox);
    expect(ours.filter((mail) => mail.to === CLIENT_EMAIL)).toEqual([]);

    // The invitee sees it; accepting here sends them to Clerk's own flow.
    const mine = await send('user_client', 'GET', '/api/v1/relationships/client');
    expect(mine.json().data).toEqual([expect.objectContaining({ id, status: 'pending' })]);
    const here = await send('user_client', 'POST', `/api/v1/relationships/${id}/respond`, {
      accept: true,
    });
    expect(here.statusCode).toBe(409);
    expect(here.json().message).toMatch(/own flow/);

    // Clerk's flow accepted it: the webhook (without the user's id) arrives, twice.
    const sent = invitations.get('orginv_1') as InvitationJson;
    invitations.set('orginv_1', { ...sent, status: 'accepted' });
    const event = {
      type: 'organizationInvitation.accepted',
      object: 'event',
      data: invitations.get('orginv_1'),
    };
    expect((await deliverClerkWebhook(app, 'msg_accepted', event)).statusCode).toBe(200);
    await app.jobs.drain();
    expect((await deliverClerkWebhook(app, 'msg_accepted_again', event)).statusCode).toBe(200);
    await app.jobs.drain();

    expect(await relationshipRow(app, id)).toMatchObject({
      status: 'active',
      clientUserId: 'user_client',
      updatedBy: 'user_client',
    });
    const toCoach = (await app.database.db.select().from(mailOutbox)).filter(
      (mail) => mail.to === COACH_EMAIL,
    );
    expect(toCoach.map((mail) => mail.subject)).toEqual(['Your coaching invitation was accepted']);
    const shown = await send('user_coach', 'GET', `/api/v1/relationships/${id}`);
    expect(shown.json()).toMatchObject({
      status: 'active',
      client: { identityUserId: 'user_client', email: CLIENT_EMAIL },
    });
  });

  it('revokes the invitation in Clerk when the coach withdraws it', async () => {
    const id = await invite('someone@example.com');
    const [invitationId] = [...invitations.keys()];
    const revoked = await send('user_coach', 'POST', `/api/v1/relationships/${id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().status).toBe('revoked');
    await app.jobs.drain();
    expect(
      clerk.requests.filter(
        (r) => r.path === `/v1/organizations/${PRACTICE}/invitations/${invitationId}/revoke`,
      ),
    ).toHaveLength(1);
    expect(invitations.get(invitationId as string)?.status).toBe('revoked');

    // Clerk's revoked webhook follows: it changes nothing more.
    await deliverClerkWebhook(app, 'msg_revoked', {
      type: 'organizationInvitation.revoked',
      object: 'event',
      data: invitations.get(invitationId as string),
    });
    await app.jobs.drain();
    expect(await relationshipRow(app, id)).toMatchObject({
      status: 'revoked',
      updatedBy: 'user_coach',
    });
  });
});
