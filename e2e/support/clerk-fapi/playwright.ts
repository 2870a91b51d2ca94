// Mounts the stub in a browser context: requests to `<origin>/__clerk/...` never reach a server.
import type { BrowserContext, Route } from '@playwright/test';
import type { FapiRequest, FapiResponse } from './http.ts';

type Handles = { handle(request: FapiRequest): FapiResponse };

export const PROXY_PATH = '/__clerk';

export async function routeFapiStub(stub: Handles, context: BrowserContext): Promise<void> {
  await context.route(`**${PROXY_PATH}/**`, (route) => fulfil(stub, route));
}

async function fulfil(stub: Handles, route: Route) {
  const request = route.request();
  const url = new URL(request.url());
  const answer = stub.handle({
    method: request.method(),
    path: url.pathname.slice(url.pathname.indexOf(PROXY_PATH) + PROXY_PATH.length),
    query: url.searchParams,
    // allHeaders(), unlike headers(), includes the Cookie header Chromium attached.
    headers: await request.allHeaders(),
    body: request.postData(),
  });
  await route.fulfill({
    status: answer.status,
    headers: answer.headers,
    body: answer.body === undefined ? '' : JSON.stringify(answer.body),
  });
}
