// The stub as one process for the `clerk` Playwright project (started by playwright.config.ts
// before the Arete server): one memory behind three doors on 127.0.0.1.
// - `/__clerk/v1/...`: the Frontend API. The browser's `/__clerk/*` requests (CLERK_PROXY_URL) are
//   forwarded here by the test (e2e/clerk.spec.ts), Cookie and Set-Cookie passed through.
// - `/v1/...`: the Backend API the Arete server calls (CLERK_API_URL), see backend.ts.
// - `/__control/...`: what a test needs that only Clerk's dashboard or mailbox would give it.
// Environment: CLERK_STUB_PORT, CLERK_STUB_ORIGIN (the app's origin: the tokens' `azp`) and
// CLERK_STUB_PRIVATE_KEY (PKCS#8 PEM, so the server's CLERK_JWT_KEY is known before this starts).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { backendUserJson } from './backend.ts';
import type { FapiResponse } from './http.ts';
import { PROXY_PATH } from './playwright.ts';
import { createFapiStub } from './stub.ts';

const port = Number(process.env.CLERK_STUB_PORT ?? 0);
const origin = process.env.CLERK_STUB_ORIGIN;
const privateKeyPem = process.env.CLERK_STUB_PRIVATE_KEY;
if (!origin || !privateKeyPem) {
  throw new Error('CLERK_STUB_ORIGIN and CLERK_STUB_PRIVATE_KEY must be set');
}

const stub = createFapiStub({ origin, privateKeyPem });

type Control = (input: {
  query: URLSearchParams;
  body: Record<string, unknown>;
  params: string[];
}) => { status?: number; body: unknown };

const controls: { method: string; pattern: RegExp; run: Control }[] = [
  { method: 'GET', pattern: /^\/health$/, run: () => ({ body: { ok: true } }) },
  {
    method: 'GET',
    pattern: /^\/email-code$/,
    run: ({ query }) => ({ body: { code: stub.lastEmailCode(query.get('email') ?? '') ?? null } }),
  },
  {
    method: 'GET',
    pattern: /^\/users$/,
    run: ({ query }) => {
      const id = stub.userIdByEmail(query.get('email') ?? '');
      const user = id ? stub.store.users.get(id) : undefined;
      return user ? { body: backendUserJson(user) } : { status: 404, body: null };
    },
  },
  {
    // Replaces the user's public metadata (as an admin in Clerk's dashboard would); answers the
    // user as the Backend API and a `user.updated` webhook show it.
    method: 'POST',
    pattern: /^\/users\/([^/]+)\/metadata$/,
    run: ({ params, body }) => {
      const userId = params[0] ?? '';
      stub.setPublicMetadata(userId, (body.public_metadata ?? {}) as Record<string, unknown>);
      const user = stub.store.users.get(userId);
      return { body: user && backendUserJson(user) };
    },
  },
  {
    method: 'POST',
    pattern: /^\/organizations$/,
    run: ({ body }) => ({ body: stub.createOrganization({ name: String(body.name) }) }),
  },
  {
    method: 'POST',
    pattern: /^\/memberships$/,
    run: ({ body }) => ({
      body: {
        id: stub.addMembership(String(body.userId), String(body.orgId), String(body.role)),
      },
    }),
  },
  { method: 'GET', pattern: /^\/sessions$/, run: () => ({ body: stub.activeSessionIds() }) },
  { method: 'GET', pattern: /^\/unhandled$/, run: () => ({ body: stub.unhandled }) },
];

async function readBody(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, answer: FapiResponse) {
  response.writeHead(answer.status, answer.headers);
  response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
}

const CONTROL_PATH = '/__control';

const server = createServer(async (incoming, response) => {
  try {
    const text = await readBody(incoming);
    const url = new URL(incoming.url ?? '/', 'http://stub');
    const method = incoming.method ?? 'GET';
    const headers = Object.fromEntries(
      Object.entries(incoming.headers).map(([key, value]) => [key, value?.toString()]),
    );
    const json = { 'content-type': 'application/json' };

    if (url.pathname.startsWith(`${PROXY_PATH}/`)) {
      send(
        response,
        stub.handle({
          method,
          path: url.pathname.slice(PROXY_PATH.length),
          query: url.searchParams,
          headers,
          body: text,
        }),
      );
      return;
    }
    if (url.pathname.startsWith(`${CONTROL_PATH}/`)) {
      const path = url.pathname.slice(CONTROL_PATH.length);
      for (const control of controls) {
        const found = control.pattern.exec(path);
        if (!found || control.method !== method) continue;
        const answer = control.run({
          query: url.searchParams,
          body: text ? JSON.parse(text) : {},
          params: found.slice(1),
        });
        send(response, { status: answer.status ?? 200, headers: json, body: answer.body });
        return;
      }
      send(response, { status: 404, headers: json, body: { error: `no control ${path}` } });
      return;
    }
    send(
      response,
      stub.handleBackend({
        method,
        path: url.pathname,
        query: url.searchParams,
        headers,
        body: text,
      }),
    );
  } catch (error) {
    stub.unhandled.push(`${incoming.method} ${incoming.url}: ${String(error)}`);
    send(response, {
      status: 500,
      headers: { 'content-type': 'application/json' },
      body: { error: String(error) },
    });
  }
});

server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`Clerk stub on http://127.0.0.1:${port} for ${origin}\n`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
