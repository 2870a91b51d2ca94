// Clerk mode, offline: the built app with clerk-js and Clerk's UI bundled, against our stub of
// Clerk (e2e/support/clerk-fapi, one process started by playwright.config.ts). The browser's
// Frontend API calls (`/__clerk/*`, CLERK_PROXY_URL) are forwarded to the stub here; the server
// calls the stub's Backend API itself (CLERK_API_URL). Any request to another host fails the test.
import { type BrowserContext, expect, type Page, type Route, test } from '@playwright/test';
import { Webhook } from 'svix';
import { expectNoSidewaysScroll, uniqueEmail } from './support/accounts.ts';

declare global {
  interface Window {
    /** Set before something that must not reload the page; a reload clears it. */
    __noReload?: boolean;
  }
}

const STUB = process.env.ARETE_E2E_CLERK_STUB_URL ?? '';
const WEBHOOK_SECRET = process.env.ARETE_E2E_CLERK_WEBHOOK_SECRET ?? '';
const PASSWORD = 'correct horse battery staple';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

async function control<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${STUB}/__control${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.ok, `control ${path}: ${response.status}`).toBe(true);
  return (await response.json()) as T;
}

/** The request as the browser sent it, to the stub, and its answer back, cookies included. */
async function forwardToStub(route: Route, url: URL) {
  const request = route.request();
  const sent = await request.allHeaders();
  const headers: Record<string, string> = {};
  for (const name of ['cookie', 'content-type', 'accept', 'origin']) {
    if (sent[name]) headers[name] = sent[name];
  }
  const response = await fetch(`${STUB}${url.pathname}${url.search}`, {
    method: request.method(),
    headers,
    body: request.postData() ?? undefined,
  });
  const answer: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (
      !['content-length', 'content-encoding', 'connection', 'keep-alive', 'set-cookie'].includes(
        name,
      )
    )
      answer[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) answer['set-cookie'] = cookies.join('\n');
  await route.fulfill({
    status: response.status,
    headers: answer,
    body: Buffer.from(await response.arrayBuffer()),
  });
}

/** Every request: `/__clerk/*` to the stub, localhost through, anything else aborted and kept. */
async function offline(context: BrowserContext): Promise<string[]> {
  const outbound: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (!LOCAL_HOSTS.has(url.hostname)) {
      outbound.push(url.href);
      await route.abort('blockedbyclient');
      return;
    }
    if (url.pathname.startsWith('/__clerk/')) {
      await forwardToStub(route, url);
      return;
    }
    await route.fallback();
  });
  return outbound;
}

/** The app's own next `/api/v1/users/me` answer that satisfies `wanted`. */
function nextMe(page: Page, wanted: (body: Record<string, unknown>) => boolean = () => true) {
  return page.waitForResponse(async (response) => {
    if (!response.url().endsWith('/api/v1/users/me') || response.status() !== 200) return false;
    return wanted((await response.json()) as Record<string, unknown>);
  });
}

/** A Clerk event, signed with the webhook secret as Svix signs it. */
async function deliverWebhook(page: Page, type: string, data: unknown) {
  const id = `msg_${Date.now()}${Math.random().toString(36).slice(2, 8)}`;
  const payload = JSON.stringify({ object: 'event', type, data, timestamp: Date.now() });
  const now = new Date();
  const signature = new Webhook(WEBHOOK_SECRET).sign(id, now, payload);
  const response = await page.request.post('/webhooks/clerk', {
    headers: {
      'content-type': 'application/json',
      'svix-id': id,
      'svix-timestamp': String(Math.floor(now.getTime() / 1000)),
      'svix-signature': signature,
    },
    data: payload,
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ received: true, duplicate: false });
}

test('Clerk mode: sign up with the emailed code, sign in, switch organization, a role changed by webhook, sign out', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  expect(STUB, 'playwright.config.ts sets ARETE_E2E_CLERK_STUB_URL').not.toBe('');
  const outbound = await offline(context);
  const email = uniqueEmail('clerk');
  const header = page.getByRole('banner');

  // The landing page carries no Clerk code and asks nothing of Clerk.
  const clerkCalls: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/__clerk/')) clerkCalls.push(request.url());
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(clerkCalls).toEqual([]);

  // Sign up: Clerk's form, then the code "mailed" by the stub.
  await page.goto('/sign-up');
  await expect(page.getByLabel('Email address')).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-up\/verify-email-address/);
  let code: string | null = null;
  await expect
    .poll(async () => {
      code = (
        await control<{ code: string | null }>(`/email-code?email=${encodeURIComponent(email)}`)
      ).code;
      return code;
    })
    .toMatch(/^\d{6}$/);
  const signedUp = nextMe(page);
  await page
    .getByRole('textbox', { name: 'Enter verification code' })
    .pressSequentially(code ?? '');
  // A new account has no role yet: the app reads it with Clerk's token and shows its approval page.
  expect(await (await signedUp).json()).toMatchObject({ email, role: 'pending' });
  await expect(page).toHaveURL('/pending');
  await expect(header.getByRole('button', { name: /Pending/ })).toBeVisible();

  // An admin gives the account the client role (in Clerk's dashboard: here, the stub's control).
  const user = await control<{ id: string }>(`/users?email=${encodeURIComponent(email)}`);
  const approved = await control<Record<string, unknown>>(`/users/${user.id}/metadata`, {
    public_metadata: { primary_role: 'client' },
  });
  await deliverWebhook(page, 'user.updated', approved);

  // And two organizations (made in Clerk), North Star as admin and Southern Cross as member.
  const north = await control<{ id: string }>('/organizations', { name: 'North Star Coaching' });
  const south = await control<{ id: string }>('/organizations', { name: 'Southern Cross Ltd' });
  await control('/memberships', { userId: user.id, orgId: north.id, role: 'admin' });
  await control('/memberships', { userId: user.id, orgId: south.id, role: 'member' });

  // Sign out, then sign in with the password.
  await header.getByRole('button', { name: /Pending/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL('/');
  await expect(header.getByRole('link', { name: 'Sign in' })).toBeVisible();

  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  const signedIn = nextMe(page);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  // The API answers 200 with the role from Clerk's metadata.
  expect(await (await signedIn).json()).toMatchObject({
    id: user.id,
    role: 'client',
    activeOrganizationId: null,
  });
  await expect(page).toHaveURL('/member');
  const menu = header.getByRole('button', { name: /Client/ });
  await expect(menu).toBeVisible();
  await expectNoSidewaysScroll(page);

  // The session's organization is Clerk's to choose (its switcher, below).
  await page.evaluate(() => {
    window.__noReload = true;
  });
  const switched = nextMe(page, (me) => me.activeOrganizationId === south.id);
  await page.locator('.cl-organizationSwitcherTrigger').click();
  await page.getByText('Southern Cross Ltd').click();
  expect(await (await switched).json()).toMatchObject({
    role: 'client',
    activeOrganizationId: south.id,
  });

  // The role changes in Clerk and arrives by a signed webhook. The next answer to the old token
  // says it is stale; the app asks Clerk for a new token and shows the new role, without a reload.
  const updated = await control<Record<string, unknown>>(`/users/${user.id}/metadata`, {
    public_metadata: { primary_role: 'coach' },
  });
  const stale = page.waitForResponse(
    (response) =>
      response.url().includes('/api/v1/') &&
      response.headers()['x-session-refresh-required'] === 'true',
    { timeout: 40_000 },
  );
  const renewed = page.waitForRequest(
    (request) => /\/__clerk\/v1\/client\/sessions\/[^/]+\/tokens/.test(request.url()),
    { timeout: 40_000 },
  );
  const promoted = nextMe(page, (me) => me.role === 'coach');
  await deliverWebhook(page, 'user.updated', updated);
  await stale;
  await renewed;
  expect(await (await promoted).json()).toMatchObject({
    role: 'coach',
    activeOrganizationId: south.id,
  });
  await expect(page.getByText('Your access was updated')).toBeVisible();
  await expect(header.getByRole('button', { name: /Coach/ })).toBeVisible();
  expect(await page.evaluate(() => window.__noReload)).toBe(true);

  // Sign out: Clerk ends the session, and the API refuses what the page can still send.
  await header.getByRole('button', { name: /Coach/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL('/');
  await expect(header.getByRole('link', { name: 'Sign in' })).toBeVisible();
  expect(await control<string[]>('/sessions')).toEqual([]);
  const afterSignOut = await page.evaluate(async () => {
    const token = (await window.Clerk?.session?.getToken()) ?? null;
    const response = await fetch('/api/v1/users/me', {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { token, status: response.status };
  });
  expect(afterSignOut).toEqual({ token: null, status: 401 });

  expect(await control<string[]>('/unhandled')).toEqual([]);
  expect(outbound).toEqual([]);
});
