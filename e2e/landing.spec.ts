import { expect, test } from '@playwright/test';
import { COACH, signIn } from './support/accounts.ts';
import { watchForProblems } from './support/problems.ts';

test('the landing page renders, offers the waitlist and sign-in, and shows no internals', async ({
  page,
  baseURL,
}) => {
  const problems = watchForProblems(page);
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));

  await page.goto('/');

  await expect(page).toHaveTitle(/Arete/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Waitlist mode: the header's ways in are the waitlist and signing in, not a sign-up form.
  const account = page.getByRole('banner').getByRole('list', { name: 'Account' });
  await expect(account.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in');
  await expect(account.getByRole('link', { name: 'Join the waitlist' })).toBeVisible();
  await expect(account.getByRole('link', { name: 'Sign up' })).toHaveCount(0);
  const footer = page.getByRole('contentinfo');
  await expect(footer.getByRole('link', { name: 'API docs' })).toHaveAttribute(
    'href',
    '/api/docs/',
  );
  await expect(page.getByRole('heading', { name: 'Coaches', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Clients', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Admins', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Join the waitlist' })).toBeVisible();
  // One form per role, each labelled for what it does.
  for (const role of ['coach', 'client']) {
    const form = page.getByRole('form', { name: `Join the waitlist as a ${role}` });
    await expect(form.getByLabel('Name (optional)')).toBeVisible();
    await expect(form.getByLabel('Email')).toBeVisible();
    await expect(form.getByLabel('A short note (optional)')).toBeVisible();
    await expect(form.getByRole('button', { name: `Join as a ${role}` })).toBeEnabled();
  }
  // The server's internals are on the admin status page, not here.
  await expect(page.getByRole('status', { name: 'System status' })).toHaveCount(0);
  await expect(page.getByText(/migrations \d+\/\d+/)).toHaveCount(0);

  // The header's "Join the waitlist" leads to the waitlist forms.
  await account.getByRole('link', { name: 'Join the waitlist' }).click();
  await expect(page).toHaveURL('/#waitlist');
  await expect(page.getByRole('form', { name: 'Join the waitlist as a coach' })).toBeInViewport();

  // The fonts are self-hosted, WOFF2 only: they load, and from this server.
  const fontsLoaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return ['400 1em Inter', '600 1em "Playfair Display"'].map((font) =>
      document.fonts.check(font),
    );
  });
  expect(fontsLoaded).toEqual([true, true]);
  expect(requested.filter((url) => !url.startsWith(`${baseURL}/`))).toEqual([]);
  const fonts = requested.filter((url) => /\.(woff2?|ttf|otf)$/.test(url));
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.every((url) => url.endsWith('.woff2'))).toBe(true);
  // Monospace is for work pages: a first visit does not download it.
  expect(fonts.some((url) => url.includes('roboto-mono'))).toBe(false);

  expect(problems).toEqual([]);
});

test('the landing page loads only its own code, compressed', async ({ page, baseURL }) => {
  const scripts: { url: string; encoding: string | undefined }[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') {
      scripts.push({ url: response.url(), encoding: response.headers()['content-encoding'] });
    }
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(scripts.length).toBeGreaterThan(0);
  // No page of the signed-in areas, nor the menu library, nor the full app's router and TanStack
  // Query, on a visitor's first page.
  const names = scripts.map((script) => script.url.replace(`${baseURL}/assets/`, ''));
  expect(
    names.filter((name) => /admin|account|app-shell|user-menu|guards|app-|useQuery/.test(name)),
  ).toEqual([]);
  for (const script of scripts) expect(script.encoding, script.url).toBe('br');
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skipLink = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test('/readyz answers 200 with status ready', async ({ request }) => {
  const response = await request.get('/readyz');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({
    status: 'ready',
    database: { reachable: true },
  });
});

test('an unknown page shows the not-found page', async ({ page }) => {
  const problems = watchForProblems(page);

  const response = await page.goto('/no/such/page');

  // The server answers any page URL with the app (SPA fallback); the app says it is not found.
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page).toHaveTitle('Page not found · Arete');
  await expect(page.getByText('/no/such/page')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the home page' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(problems).toEqual([]);
});

test('a waitlist form checks its fields, sends with the keyboard and says how long to wait after too many requests', async ({
  page,
}) => {
  await page.goto('/waitlist/client');
  const form = page.getByRole('form', { name: 'Join the waitlist as a client' });
  const email = form.getByLabel('Email');

  // Checked when left, and again as it changes.
  await email.fill('not-an-address');
  await email.blur();
  await expect(form.getByText('Enter an email address like name@example.com.')).toBeVisible();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await email.fill('kim@example.com');
  await expect(form.getByText('Enter an email address like name@example.com.')).toHaveCount(0);

  // The server's rate limit, stood in for: the button waits meanwhile, then the wait is shown.
  let release: () => void = () => {};
  const answered = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/api/v1/waitlist', async (route) => {
    await answered;
    await route.fulfill({
      status: 429,
      headers: { 'Retry-After': '42' },
      json: { error: 'too_many_requests', message: 'Too many requests.', requestId: 'r1' },
    });
  });
  await email.press('Enter');
  await expect(form.getByRole('button', { name: 'Sending…' })).toBeDisabled();
  release();
  await expect(form.getByRole('alert')).toContainText(
    'Too many requests, try again in 42 seconds.',
  );
  await expect(page).toHaveURL('/waitlist/client');
  await expect(form.getByRole('button', { name: 'Join as a client' })).toBeEnabled();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the landing page shows as it was pre-rendered: heading, ways in and the forms', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Sign in' }).first()).toHaveAttribute(
      'href',
      '/sign-in',
    );
    await expect(page.getByRole('form', { name: 'Join the waitlist as a coach' })).toBeVisible();
  });
});

test('a signed-in person opening the landing page gets their own header', async ({ page }) => {
  await signIn(page, COACH);
  await expect(page.getByRole('banner').getByRole('button', { expanded: false })).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('link', { name: 'Home' })).toHaveAttribute('href', '/coach');
  await expect(banner.getByRole('list', { name: 'Account' })).toHaveCount(0);
  // Now in the full app: its links move without a page load.
  await banner.getByRole('link', { name: 'Home' }).click();
  await expect(page).toHaveURL('/coach');
});
