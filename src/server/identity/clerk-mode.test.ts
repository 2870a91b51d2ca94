// The whole app in Clerk mode. Clerk's servers cannot be reached from here: its Backend API is a
// local stand-in server, and tokens are signed here with a key pair whose public half is the
// CLERK_JWT_KEY, exactly as Clerk's networkless verification works.
import { generateKeyPairSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createTestApp } from '../../../test/support/app.ts';
import {
  clerkSessionToken,
  createClerkTestApp,
  deliverClerkWebhook,
} from './clerk/test-support/clerk-app.ts';
import { userJson } from './clerk/test-support/clerk-json.ts';
import { type ClerkStandIn, startClerkStandIn } from './clerk/test-support/clerk-stand-in.ts';
import { identityEvents } from './schema.ts';

let clerk: ClerkStandIn;
let app: Awaited<ReturnType<typeof createTestApp>>;
let role = 'coach';

beforeAll(async () => {
  clerk = await startClerkStandIn();
  clerk.answerWith((request) =>
    request.path === '/v1/users/user_1'
      ? { body: userJson({ public_metadata: { primary_role: role } }) }
      : {
          status: 404,
          body: {
            errors: [
              { message: 'not found', long_message: 'not found', code: 'resource_not_found' },
            ],
          },
        },
  );
  app = await createClerkTestApp(clerk.url);
});
afterAll(async () => {
  await app.close();
  await clerk.close();
});

describe('Clerk mode', () => {
  it('tells the web app to use Clerk, and has no embedded sign-in', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/config' })).json()).toMatchObject({
      identityProvider: 'clerk',
      clerkPublishableKey: 'pk_test_stand_in',
      clerkProxyUrl: '/__clerk',
    });
    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: {} }))
        .statusCode,
    ).toBe(404);
  });

  it('accepts a Clerk session token and authorizes from the role Clerk holds now', async () => {
    role = 'coach';
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: {
        authorization: `Bearer ${await clerkSessionToken('user_1', { primary_role: 'coach' }, { kid: 'ins_test' })}`,
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: 'user_1',
      email: 'ada@example.com',
      role: 'coach',
      sessionId: 'sess_user_1',
    });
    expect(
      clerk.requests.some(
        (request) =>
          request.path === '/v1/users/user_1' &&
          request.authorization === 'Bearer sk_test_stand_in',
      ),
    ).toBe(true);
  });

  it('refuses a token signed with another key', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ sid: 'sess_1', metadata: { primary_role: 'admin' } })
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('user_1')
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(other.privateKey);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/v1/users/me',
          headers: { authorization: `Bearer ${forged}` },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('stores a signed webhook event once, however often Svix delivers it, and hands it to the worker', async () => {
    role = 'admin';
    const payload = {
      type: 'user.updated',
      object: 'event',
      timestamp: Date.now(),
      data: userJson({ public_metadata: { primary_role: 'admin' } }),
    };
    const first = await deliverClerkWebhook(app, 'msg_user_updated_1', payload);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ received: true, duplicate: false });
    const again = await deliverClerkWebhook(app, 'msg_user_updated_1', payload);
    expect(again.json()).toEqual({ received: true, duplicate: true });

    await app.identity.events.drain();
    const rows = await app.database.db
      .select()
      .from(identityEvents)
      .where(eq(identityEvents.id, 'msg_user_updated_1'));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.deliveredAt).toBeInstanceOf(Date);

    // The event invalidated the cached role, so the promotion shows at once, with the refresh header.
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: {
        authorization: `Bearer ${await clerkSessionToken('user_1', { primary_role: 'coach' }, { kid: 'ins_test' })}`,
      },
    });
    expect(response.json().role).toBe('admin');
    expect(response.headers['x-session-refresh-required']).toBe('true');
  });

  it('refuses a bad signature, a stale timestamp and missing headers, storing nothing', async () => {
    const payload = {
      type: 'user.deleted',
      object: 'event',
      data: { id: 'user_9', deleted: true, object: 'user' },
    };
    const tampered = await app.inject({
      method: 'POST',
      url: '/webhooks/clerk',
      headers: {
        'content-type': 'application/json',
        'svix-id': 'msg_bad',
        'svix-timestamp': String(Math.floor(Date.now() / 1000)),
        'svix-signature': 'v1,AAAA',
      },
      payload: JSON.stringify(payload),
    });
    expect(tampered.statusCode).toBe(400);
    const stale = await deliverClerkWebhook(
      app,
      'msg_stale',
      payload,
      new Date(Date.now() - 10 * 60_000),
    );
    expect(stale.statusCode).toBe(400);
    const bare = await app.inject({
      method: 'POST',
      url: '/webhooks/clerk',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });
    expect(bare.statusCode).toBe(400);
    for (const id of ['msg_bad', 'msg_stale']) {
      expect(
        await app.database.db.select().from(identityEvents).where(eq(identityEvents.id, id)),
      ).toEqual([]);
    }
  });

  it('acknowledges event types it does not handle', async () => {
    const response = await deliverClerkWebhook(app, 'msg_session', {
      type: 'session.created',
      object: 'event',
      data: { id: 'sess_2' },
    });
    expect(response.json()).toEqual({ received: true, duplicate: false });
  });
});
