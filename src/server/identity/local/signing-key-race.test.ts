import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import {
  bearer,
  fetchToken,
  latestMailTo,
  sessionCookie,
  setPasswordThroughLink,
  signedInAs,
  TEST_PASSWORD,
  uniqueClientAddress,
  uniqueEmail,
} from '../../../../test/support/identity.ts';
import { buildApp } from '../../app.ts';
import { testConfig } from '../../config.ts';
import { auth_jwks } from './schema.ts';
import { signingKeyStore } from './signing-keys.ts';
import { createLocalTokenVerifier } from './tokens.ts';

// The first API tokens on a fresh database, asked for at once: one signing key must come of it, and
// every token must pass the API at once (not only after the verifier's next scheduled key reload).

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

const CONCURRENCY = 6;
const opened: TestApp[] = [];
const closeFirst: FastifyInstance[] = [];

afterEach(async () => {
  for (const app of [...closeFirst.splice(0), ...opened.splice(0)]) await app.close();
});

/** A fresh app, as `createTestApp` gives it: the boot-time key check of `main.ts` has not run. */
async function freshApp(): Promise<TestApp> {
  const app = await createTestApp();
  opened.push(app);
  return app;
}

/** Signed up and signed in (a session cookie), without an API token yet: no signing key is made. */
async function personWithoutToken(app: TestApp): Promise<string> {
  const email = uniqueEmail('race');
  const signUp = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-up/email',
    remoteAddress: uniqueClientAddress(),
    payload: { email, name: 'Race Person' },
  });
  expect(signUp.statusCode).toBe(200);
  const { link } = await latestMailTo(app, email);
  if (!link) throw new Error('no link in the sign-up mail');
  expect((await setPasswordThroughLink(app, link, TEST_PASSWORD)).statusCode).toBe(200);
  return sessionCookie(app, email);
}

async function me(app: FastifyInstance, token: string) {
  const response = await app.inject({
    method: 'GET',
    url: '/api/v1/users/me',
    headers: bearer(token),
  });
  return { status: response.statusCode, body: response.body };
}

async function signingKeys(app: TestApp) {
  return app.database.db.select({ id: auth_jwks.id }).from(auth_jwks);
}

describe('the first signing key, under concurrent first token requests', () => {
  it('is made once, and every token issued at once is accepted at once', async () => {
    const app = await freshApp();
    const cookies: string[] = [];
    for (let i = 0; i < CONCURRENCY; i += 1) cookies.push(await personWithoutToken(app));
    expect(await signingKeys(app)).toHaveLength(0);

    const tokens = await Promise.all(cookies.map((cookie) => fetchToken(app, cookie)));
    expect(await signingKeys(app)).toHaveLength(1);

    const answers = await Promise.all(tokens.map((token) => me(app, token)));
    expect(answers).toEqual(tokens.map(() => expect.objectContaining({ status: 200 })));
  });

  it('is made once when two servers on one database ask at once', async () => {
    const app = await freshApp();
    // A second server on the first one's database (a pool of its own on PostgreSQL).
    const handle = app.database.another();
    const second = await buildApp({ config: testConfig(), database: handle });
    second.addHook('onClose', () => handle.close());
    closeFirst.push(second);

    const cookies = [await personWithoutToken(app), await personWithoutToken(app)];
    const tokens = await Promise.all([
      fetchToken(app, cookies[0] as string),
      fetchToken(second, cookies[1] as string),
      fetchToken(second, cookies[0] as string),
      fetchToken(app, cookies[1] as string),
    ]);
    expect(await signingKeys(app)).toHaveLength(1);
    const answers = await Promise.all([
      ...tokens.map((token) => me(app, token)),
      ...tokens.map((token) => me(second, token)),
    ]);
    expect(answers).toEqual(answers.map(() => expect.objectContaining({ status: 200 })));
  });

  it('is stored once when the stores of several servers make one at the same moment', async () => {
    const app = await freshApp();
    // A store each, as each server has (on PostgreSQL, transactions on connections of their own).
    const stores = Array.from({ length: CONCURRENCY }, () => signingKeyStore(app.database.db));
    const made = await Promise.all(
      stores.map((store, i) =>
        store.createJwk({
          publicKey: JSON.stringify({ n: i }),
          privateKey: JSON.stringify({ n: i }),
          alg: 'EdDSA',
          createdAt: new Date(),
        }),
      ),
    );
    const stored = await signingKeys(app);
    expect(stored).toHaveLength(1);
    expect(new Set(made.map((key) => key.id))).toEqual(new Set(stored.map((key) => key.id)));
  });

  it('with one key made already, accepts the first tokens the API sees at once', async () => {
    const app = await freshApp();
    const tokens: string[] = [];
    for (let i = 0; i < CONCURRENCY; i += 1) {
      tokens.push(await fetchToken(app, await personWithoutToken(app)));
    }
    expect(await signingKeys(app)).toHaveLength(1);
    // The verifier has loaded no key yet: all of these ask it for the one key at once.
    const answers = await Promise.all(tokens.map((token) => me(app, token)));
    expect(answers).toEqual(tokens.map(() => expect.objectContaining({ status: 200 })));
  });

  it('lets a verifier that has loaded no key yet verify several tokens at once', async () => {
    const app = await freshApp();
    const tokens: string[] = [];
    for (let i = 0; i < CONCURRENCY; i += 1) {
      tokens.push(await fetchToken(app, await personWithoutToken(app)));
    }
    // A verifier of its own, as another server has: all of these ask it for the one key at once.
    const verify = createLocalTokenVerifier(app.database.db, testConfig().publicUrl);
    const claims = await Promise.all(tokens.map((token) => verify(token)));
    expect(claims).toEqual(
      tokens.map(() => expect.objectContaining({ sessionId: expect.any(String) })),
    );
  });

  it('accepts the tokens of people signing up at once, each using the API at once', async () => {
    const app = await freshApp();
    const answers = await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        const person = await signedInAs(app, 'client');
        return me(app, person.token);
      }),
    );
    expect(answers).toEqual(answers.map(() => expect.objectContaining({ status: 200 })));
    expect(await signingKeys(app)).toHaveLength(1);
  });

  it('still refuses a token naming a key that does not exist', async () => {
    const app = await freshApp();
    const person = await signedInAs(app, 'client');
    expect((await me(app, person.token)).status).toBe(200);
    const [header, payload, signature] = person.token.split('.') as [string, string, string];
    const forgedHeader = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(header, 'base64url').toString()),
        kid: randomUUID(),
      }),
    ).toString('base64url');
    const forged = await Promise.all(
      Array.from({ length: 3 }, () => me(app, `${forgedHeader}.${payload}.${signature}`)),
    );
    for (const answer of forged) {
      expect(answer.status).toBe(401);
      expect(answer.body).toContain('the token was signed by an unknown key');
    }
    expect((await me(app, person.token)).status).toBe(200);
  });
});
