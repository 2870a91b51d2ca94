import { expect, test } from '@playwright/test';
import { watchForProblems } from './support/problems.ts';

test('the landing page renders and reports the system ready', async ({ page, baseURL }) => {
  const problems = watchForProblems(page);
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));

  await page.goto('/');

  await expect(page).toHaveTitle(/Arete/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'API docs' })).toHaveAttribute('href', '/api/docs/');
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
  await expect(page.getByRole('status', { name: 'System status' })).toHaveText(/All systems ready/);

  // The fonts are self-hosted: they load, and from this server.
  const fontsLoaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return ['400 1em Inter', '600 1em "Playfair Display"', '400 1em "Roboto Mono"'].map((font) =>
      document.fonts.check(font),
    );
  });
  expect(fontsLoaded).toEqual([true, true, true]);
  expect(requested.filter((url) => !url.startsWith(`${baseURL}/`))).toEqual([]);
  expect(requested.some((url) => url.endsWith('.woff2'))).toBe(true);

  expect(problems).toEqual([]);
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
