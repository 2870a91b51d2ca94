// The whole app in Clerk mode, for tests: Clerk's Backend API is a local stand-in (its URL given),
// session tokens are signed here with a key pair whose public half is CLERK_JWT_KEY (as Clerk's
// networkless verification works), and webhooks are signed with the app's Svix secret.
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { Webhook } from 'svix';
import { createTestApp } from '../../../../../test/support/app.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

const signingSecret = `whsec_${Buffer.from('arete-webhook-signing-secret-32b').toString('base64')}`;
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });

/** A test app whose identity provider is Clerk at `apiUrl`. */
export function createClerkTestApp(apiUrl: string): Promise<TestApp> {
  return createTestApp({
    clerk: {
      secretKey: 'sk_test_stand_in',
      publishableKey: 'pk_test_stand_in',
      jwtKey: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      webhookSigningSecret: signingSecret,
      apiUrl,
      proxyUrl: '/__clerk',
      authorizedParties: [],
    },
  });
}

/** A Clerk session token for `userId` with that metadata, valid for a minute. */
export function clerkSessionToken(
  userId: string,
  metadata: Record<string, unknown>,
  header: { kid?: string } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sid: `sess_${userId}`, v: 2, metadata })
    .setProtectedHeader({ alg: 'RS256', ...header })
    .setSubject(userId)
    .setIssuer('https://clerk.stand-in.test')
    .setIssuedAt(now)
    .setNotBefore(now - 5)
    .setExpirationTime(now + 60)
    .sign(keys.privateKey);
}

/** Delivers a webhook as Clerk (through Svix) would: signed, with its id and timestamp. */
export function deliverClerkWebhook(
  app: TestApp,
  id: string,
  payload: unknown,
  timestamp = new Date(),
) {
  const body = JSON.stringify(payload);
  return app.inject({
    method: 'POST',
    url: '/webhooks/clerk',
    headers: {
      'content-type': 'application/json',
      'svix-id': id,
      'svix-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'svix-signature': new Webhook(signingSecret).sign(id, timestamp, body),
    },
    payload: body,
  });
}
