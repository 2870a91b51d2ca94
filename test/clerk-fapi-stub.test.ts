// The e2e Frontend API stub must mint tokens the server really accepts: checked here with
// @clerk/backend's own verifyToken, the way src/server/identity/clerk/session-token.ts calls it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClerkClient, verifyToken } from '@clerk/backend';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createFapiStub,
  type FapiServer,
  type FapiStub,
  generatePrivateKeyPem,
} from '../e2e/support/clerk-fapi/index.ts';

const ORIGIN = 'http://127.0.0.1:3199';

/** A cookie jar of one: the `__client` cookie, as a browser would keep it. */
function browser(server: FapiServer) {
  let cookie = '';
  return async (method: string, path: string, form?: Record<string, string>) => {
    const response = await fetch(`${server.url}/__clerk${path}`, {
      method,
      headers: {
        cookie,
        ...(form && { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      body: form && new URLSearchParams(form).toString(),
    });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    // biome-ignore lint/suspicious/noExplicitAny: a test reading loosely shaped JSON.
    return { status: response.status, body: (await response.json()) as any };
  };
}

let stub: FapiStub;
let server: FapiServer;

beforeEach(async () => {
  stub = createFapiStub({ origin: ORIGIN });
  server = await stub.listen();
});

afterEach(async () => {
  await server.close();
  expect(stub.unhandled).toEqual([]);
});

const verify = (token: string) =>
  verifyToken(token, { jwtKey: stub.publicKeyPem, authorizedParties: [ORIGIN] });

async function signUp(call: ReturnType<typeof browser>, email: string) {
  const created = await call('POST', '/v1/client/sign_ups', {
    email_address: email,
    password: 'correct horse battery',
  });
  expect(created.status).toBe(200);
  const id = created.body.response.id as string;
  await call('POST', `/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' });
  return id;
}

describe('the Clerk Frontend API stub', () => {
  it('signs up with the emailed code and mints tokens verifyToken accepts', async () => {
    const call = browser(server);
    const id = await signUp(call, 'ada@example.com');
    const code = stub.lastEmailCode('ada@example.com');
    expect(code).toMatch(/^\d{6}$/);

    const done = await call('POST', `/v1/client/sign_ups/${id}/attempt_verification`, {
      strategy: 'email_code',
      code: code ?? '',
    });
    expect(done.body.response.status).toBe('complete');
    const sessionId = done.body.response.created_session_id as string;
    const userId = done.body.response.created_user_id as string;
    expect(done.body.client.last_active_session_id).toBe(sessionId);

    const token = await call('POST', `/v1/client/sessions/${sessionId}/tokens`);
    const claims = await verify(token.body.jwt);
    expect(claims).toMatchObject({ sub: userId, sid: sessionId, azp: ORIGIN, v: 2 });
    expect(claims.o).toBeUndefined();
  });

  it('carries the active organization as `o` and the public metadata as `metadata`', async () => {
    const userId = stub.createUser({ email: 'cleo@example.com', password: 'correct horse 1' });
    const practice = stub.createOrganization({ name: 'North Practice' });
    stub.addMembership(userId, practice.id, 'admin');
    stub.setPublicMetadata(userId, { primary_role: 'client' });

    const call = browser(server);
    const signIn = await call('POST', '/v1/client/sign_ins', { identifier: 'cleo@example.com' });
    expect(signIn.body.response.status).toBe('needs_first_factor');
    const attempt = await call(
      'POST',
      `/v1/client/sign_ins/${signIn.body.response.id}/attempt_first_factor`,
      { strategy: 'password', password: 'correct horse 1' },
    );
    const sessionId = attempt.body.response.created_session_id as string;

    await call('POST', `/v1/client/sessions/${sessionId}/touch`, {
      active_organization_id: practice.id,
    });
    const token = await call('POST', `/v1/client/sessions/${sessionId}/tokens`);
    const claims = await verify(token.body.jwt);
    expect(claims.o).toEqual({ id: practice.id, slg: practice.slug, rol: 'admin', per: '' });
    expect(claims.metadata).toEqual({ primary_role: 'client' });

    stub.setPublicMetadata(userId, { primary_role: 'coach' });
    const next = await call('POST', `/v1/client/sessions/${sessionId}/tokens`);
    expect((await verify(next.body.jwt)).metadata).toEqual({ primary_role: 'coach' });

    const memberships = await call('GET', '/v1/me/organization_memberships?limit=10&offset=0');
    expect(memberships.body.response.total_count).toBe(1);
    expect(memberships.body.response.data[0].organization.id).toBe(practice.id);
  });

  it('signs in with a code emailed to the address', async () => {
    stub.createUser({ email: 'fay@example.com', password: 'correct horse 3' });
    const call = browser(server);
    const signIn = await call('POST', '/v1/client/sign_ins', { identifier: 'fay@example.com' });
    const id = signIn.body.response.id as string;
    const factor = signIn.body.response.supported_first_factors.find(
      (f: { strategy: string }) => f.strategy === 'email_code',
    );
    await call('POST', `/v1/client/sign_ins/${id}/prepare_first_factor`, {
      strategy: 'email_code',
      email_address_id: factor.email_address_id,
    });
    const done = await call('POST', `/v1/client/sign_ins/${id}/attempt_first_factor`, {
      strategy: 'email_code',
      code: stub.lastEmailCode('fay@example.com') ?? '',
    });
    expect(done.body.response.status).toBe('complete');
    expect(done.body.client.sessions).toHaveLength(1);
  });

  it('refuses a token for another origin and one signed by another stub', async () => {
    const call = browser(server);
    const id = await signUp(call, 'bob@example.com');
    const done = await call('POST', `/v1/client/sign_ups/${id}/attempt_verification`, {
      strategy: 'email_code',
      code: stub.lastEmailCode('bob@example.com') ?? '',
    });
    const token = await call(
      'POST',
      `/v1/client/sessions/${done.body.response.created_session_id}/tokens`,
    );
    await expect(
      verifyToken(token.body.jwt, {
        jwtKey: stub.publicKeyPem,
        authorizedParties: ['http://elsewhere.test'],
      }),
    ).rejects.toThrow();
    const other = createFapiStub({ origin: ORIGIN });
    await expect(
      verifyToken(token.body.jwt, { jwtKey: other.publicKeyPem, authorizedParties: [ORIGIN] }),
    ).rejects.toThrow();
  });

  it('signs with a given key, so a server started first can hold the public half', async () => {
    const privateKeyPem = generatePrivateKeyPem();
    const first = createFapiStub({ origin: ORIGIN, privateKeyPem });
    const second = createFapiStub({ origin: ORIGIN, privateKeyPem });
    expect(second.publicKeyPem).toBe(first.publicKeyPem);
    second.createUser({ email: 'gus@example.com', password: 'correct horse 4' });
    const answer = second.handle({
      method: 'POST',
      path: '/v1/client/sign_ins',
      body: { identifier: 'gus@example.com', strategy: 'password', password: 'correct horse 4' },
    });
    // biome-ignore lint/suspicious/noExplicitAny: a test reading loosely shaped JSON.
    const session = (answer.body as any).client.sessions[0];
    const claims = await verifyToken(session.last_active_token.jwt, {
      jwtKey: first.publicKeyPem,
      authorizedParties: [ORIGIN],
    });
    expect(claims.sid).toBe(session.id);
  });

  it('refuses a wrong sign-up code with a 422 form error on `code`', async () => {
    const call = browser(server);
    const id = await signUp(call, 'eve@example.com');
    const wrong = stub.lastEmailCode('eve@example.com') === '000000' ? '111111' : '000000';
    const refused = await call('POST', `/v1/client/sign_ups/${id}/attempt_verification`, {
      strategy: 'email_code',
      code: wrong,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({
      code: 'form_code_incorrect',
      meta: { param_name: 'code' },
    });
    expect(stub.userIdByEmail('eve@example.com')).toBeUndefined();
  });

  it('ends the session on sign-out and mints no token for it afterwards', async () => {
    stub.createUser({ email: 'dan@example.com', password: 'correct horse 2' });
    const call = browser(server);
    const signIn = await call('POST', '/v1/client/sign_ins', {
      identifier: 'dan@example.com',
      strategy: 'password',
      password: 'correct horse 2',
    });
    const sessionId = signIn.body.response.created_session_id as string;
    expect((await call('POST', `/v1/client/sessions/${sessionId}/tokens`)).status).toBe(200);

    // clerk-js sends DELETE as POST with `_method`.
    const out = await call('POST', '/v1/client/sessions?_method=DELETE');
    expect(out.body.client.sessions).toEqual([]);
    expect(stub.activeSessionIds()).not.toContain(sessionId);
    const refused = await call('POST', `/v1/client/sessions/${sessionId}/tokens`);
    expect(refused.status).toBe(401);
  });

  it('records routes it does not know and answers them 404', async () => {
    const call = browser(server);
    const unknown = await call('GET', '/v1/not_a_route');
    expect(unknown.status).toBe(404);
    expect(stub.unhandled).toEqual(['GET /v1/not_a_route']);
    stub.unhandled.length = 0;
  });
});

describe("the stub's Backend API", () => {
  /** The Backend API handler over HTTP, as the server reaches it at CLERK_API_URL. */
  async function listenBackend() {
    const server = createServer(async (incoming, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of incoming) chunks.push(chunk as Buffer);
      const url = new URL(incoming.url ?? '/', 'http://stub');
      const answer = stub.handleBackend({
        method: incoming.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(answer.status, answer.headers);
      response.end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
  }

  it('shows @clerk/backend the users, metadata and memberships the Frontend API made', async () => {
    const backend = await listenBackend();
    try {
      const call = browser(server);
      const id = await signUp(call, 'grace@example.com');
      await call('POST', `/v1/client/sign_ups/${id}/attempt_verification`, {
        strategy: 'email_code',
        code: stub.lastEmailCode('grace@example.com') ?? '',
      });
      const userId = stub.userIdByEmail('grace@example.com') ?? '';
      const org = stub.createOrganization({ name: 'North Star' });
      stub.addMembership(userId, org.id, 'admin');

      const clerk = createClerkClient({
        secretKey: 'sk_live_stub',
        apiUrl: backend.url,
        telemetry: { disabled: true },
      });
      const user = await clerk.users.getUser(userId);
      expect(user.primaryEmailAddress?.emailAddress).toBe('grace@example.com');

      const found = await clerk.users.getUserList({ emailAddress: ['grace@example.com'] });
      expect(found.data.map((each) => each.id)).toEqual([userId]);
      expect(found.totalCount).toBe(1);

      await clerk.users.updateUserMetadata(userId, {
        publicMetadata: { primary_role: 'coach', organization_roles: { [org.id]: 'admin' } },
      });
      const updated = await clerk.users.updateUserMetadata(userId, {
        publicMetadata: { organization_roles: null },
      });
      expect(updated.publicMetadata).toEqual({ primary_role: 'coach' });

      const memberships = await clerk.users.getOrganizationMembershipList({ userId });
      expect(memberships.data.map((each) => [each.organization.id, each.role])).toEqual([
        [org.id, 'org:admin'],
      ]);
      expect((await clerk.organizations.getOrganization({ slug: 'north-star' })).id).toBe(org.id);

      await expect(clerk.users.getUser('user_missing')).rejects.toMatchObject({ status: 404 });
    } finally {
      backend.close();
    }
  });
});
