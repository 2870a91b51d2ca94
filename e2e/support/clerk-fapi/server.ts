// The stub over plain HTTP, for tests without a browser (and as a dev-time proxy target).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FapiRequest, FapiResponse } from './http.ts';
import { PROXY_PATH } from './playwright.ts';

export type FapiServer = { url: string; close(): Promise<void> };

/** Serves the stub at `<url>/v1/...` and at `<url>/__clerk/v1/...`. */
export async function listenFapiStub(
  stub: { handle(request: FapiRequest): FapiResponse },
  port = 0,
): Promise<FapiServer> {
  const server = createServer(async (incoming, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const url = new URL(incoming.url ?? '/', 'http://stub');
    const path = url.pathname.startsWith(`${PROXY_PATH}/`)
      ? url.pathname.slice(PROXY_PATH.length)
      : url.pathname;
    const answer = stub.handle({
      method: incoming.method ?? 'GET',
      path,
      query: url.searchParams,
      headers: Object.fromEntries(
        Object.entries(incoming.headers).map(([key, value]) => [key, value?.toString()]),
      ),
      body: Buffer.concat(chunks).toString('utf8'),
    });
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
