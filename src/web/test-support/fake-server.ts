// A stand-in for the server in the web app's unit tests: `fetch` answered by path.
import { vi } from 'vitest';

/** An unsigned JWT with these claims: the web app only reads them. */
export function jwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'EdDSA' })}.${encode(claims)}.signature`;
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
}

/** A stand-in server: answers by path and records what was asked. */
export function fakeServer(routes: Record<string, () => Response | Promise<Response>>) {
  const calls: {
    url: string;
    authorization: string | null;
    contentType: string | null;
    body: unknown;
  }[] = [];
  const fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    calls.push({
      url: input,
      authorization: headers.get('authorization'),
      contentType: headers.get('content-type'),
      body: init?.body,
    });
    const route = routes[input.split('?')[0] ?? ''];
    if (!route) return json({ message: 'no route' }, { status: 404 });
    return route();
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}
