// A local HTTP server standing in for Clerk's Backend API in tests: Clerk's servers cannot be
// reached from here. It records what the SDK sends and answers what each test tells it to.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedRequest = {
  method: string;
  /** Without the query, e.g. `/v1/users/user_1/metadata`. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  authorization: string | undefined;
};

export type StandInAnswer = {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
};

export type ClerkStandIn = {
  /** Pass as `apiUrl`; the SDK adds `/v1`. */
  url: string;
  requests: RecordedRequest[];
  /** Replaces the answering function and forgets earlier requests. */
  answerWith(answer: (request: RecordedRequest) => StandInAnswer): void;
  close(): Promise<void>;
};

export async function startClerkStandIn(): Promise<ClerkStandIn> {
  const requests: RecordedRequest[] = [];
  let answer = (_request: RecordedRequest): StandInAnswer => ({ status: 500 });

  const server = createServer(async (incoming, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(incoming.url ?? '/', 'http://stand-in');
    const request: RecordedRequest = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body: text ? JSON.parse(text) : undefined,
      authorization: incoming.headers.authorization,
    };
    requests.push(request);
    const { status = 200, body = {}, headers = {} } = answer(request);
    // The SDK parses the body as JSON only for exactly this content type.
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answerWith(next) {
      answer = next;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
