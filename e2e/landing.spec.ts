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
  await expect(page.getByRole('heading', { name: 'Coaches' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Clients' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Admins' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /waitlist/i })).toBeVisible();
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
