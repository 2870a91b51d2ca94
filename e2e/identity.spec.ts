import { type Browser, expect, type Page, test } from '@playwright/test';
import { watchForProblems } from './support/problems.ts';

// The demo accounts the server adds when started with `--demo` (see playwright.config.ts).
const DEMO_PASSWORD = 'arete-demo-2026';
const ADMIN = 'admin@arete.local';
const COACH = 'coach.ada@arete.local';
const CLIENT = 'client.cleo@arete.local';

declare global {
  interface Window {
    /** Set by a journey before something that must not reload the page; a reload clears it. */
    __noReload?: boolean;
  }
}

function uniqueEmail(): string {
  return `e2e.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@example.com`;
}

async function fillSignIn(page: Page, email: string, password: string) {
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await fillSignIn(page, email, password);
}

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page.getByRole('banner').getByRole('button', { expanded: false })).toBeVisible();
  return page;
}

test('a new person signs up, verifies, waits for approval and becomes a coach without a reload', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const problems = watchForProblems(page);
  const email = uniqueEmail();
  const name = 'Pat Journey';
  const header = page.getByRole('banner');
  const userMenuButton = header.getByRole('button', { name: new RegExp(name) });

  // Sign up.
  await page.goto('/');
  await header.getByRole('link', { name: 'Sign up' }).click();
  await expect(page).toHaveURL('/sign-up');
  const form = page.getByRole('form', { name: 'Sign up' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password', { exact: true }).fill('a-long-enough-password');
  await form.getByRole('button', { name: 'Create account' }).click();

  await expect(page).toHaveURL(`/check-your-email?email=${encodeURIComponent(email)}`);
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByText('This server keeps mail in its outbox')).toBeVisible();

  // An admin, in a browser context of their own, finds the verification mail in the outbox.
  const admin = await signedInPage(browser, ADMIN);
  const adminProblems = watchForProblems(admin);
  await expect(admin).toHaveURL('/admin');
  await admin.getByRole('link', { name: /Mail outbox/ }).click();
  await expect(admin).toHaveURL('/admin/outbox');
  await admin.getByLabel('Recipient').fill(email);
  await admin.getByRole('button', { name: 'Filter' }).click();
  await expect(admin).toHaveURL(`/admin/outbox?to=${encodeURIComponent(email)}`);
  const mail = admin.getByRole('article').filter({ hasText: email });
  await expect(mail).toHaveCount(1);
  const verifyLink = mail.getByRole('link', { name: /verify-email/ });
  const href = await verifyLink.getAttribute('href');
  expect(href).toBeTruthy();
  const link = new URL(href ?? '');

  // The person opens the link: verified, signed in, on their account page as `pending`.
  await page.goto(`${link.pathname}${link.search}`);
  await expect(page).toHaveURL('/account');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(main.getByText(email)).toBeVisible();
  await expect(main.getByText('Role: Pending')).toBeVisible();
  await expect(userMenuButton).toContainText('Pending');

  // Pending: kept out of the coach area.
  await page.goto('/coach');
  await expect(page).toHaveURL('/pending');
  await expect(page.getByRole('heading', { level: 1, name: 'Waiting for approval' })).toBeVisible();
  await page.evaluate(() => {
    window.__noReload = true;
  });

  // The admin makes them a coach.
  await admin.goto('/admin/users');
  await admin.getByLabel('Search').fill(email);
  await admin.getByRole('button', { name: 'Search', exact: true }).click();
  const row = admin.getByRole('row').filter({ hasText: email });
  await expect(row).toHaveCount(1);
  await expect(row.getByText('Role: Pending')).toBeVisible();
  await row.getByLabel(`New role for ${email}`).selectOption('coach');
  await row.getByRole('button', { name: `Change role of ${email}` }).click();
  const dialog = admin.getByRole('dialog', { name: 'Change role?' });
  await expect(dialog).toContainText('Pending');
  await dialog.getByRole('button', { name: 'Make coach' }).click();
  await expect(dialog).toBeHidden();
  await expect(admin.getByRole('status').getByText(`${name} is now a coach`)).toBeVisible();
  await expect(row.getByText('Role: Coach')).toBeVisible();

  // The person's open page learns it by itself (polling, then the refresh header): no reload.
  await expect(userMenuButton).toContainText('Coach', { timeout: 30_000 });
  await expect(page.getByRole('status').getByText('Your access was updated')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'You are in' })).toBeVisible();
  expect(await page.evaluate(() => window.__noReload)).toBe(true);

  // The coach area opens now, from the user menu.
  await userMenuButton.click();
  await header.getByRole('link', { name: 'Coach area' }).click();
  await expect(page).toHaveURL('/coach');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Pat' })).toBeVisible();
  expect(await page.evaluate(() => window.__noReload)).toBe(true);

  // Sign out: back to the home page, signed out, and the coach area asks to sign in again.
  await userMenuButton.click();
  await header.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL('/');
  await expect(header.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.goto('/coach');
  await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent('/coach')}`);

  // Nothing failed along the way: no console errors, no 4xx or 5xx answers, no broken requests.
  expect(problems).toEqual([]);
  expect(adminProblems).toEqual([]);
  await admin.context().close();
});

test('a wrong password shows an error next to the form', async ({ page }) => {
  await signIn(page, CLIENT, 'not-the-password-at-all');
  await expect(page.getByRole('alert')).toContainText('Wrong email or password');
  await expect(page).toHaveURL('/sign-in');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
});

test('the sign-up form checks its fields and shows what the server says', async ({ page }) => {
  await page.goto('/sign-up');
  const form = page.getByRole('form', { name: 'Sign up' });
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(form.getByLabel('Name')).toBeFocused();
  await expect(form.getByText('Enter your name.')).toBeVisible();
  await expect(form.getByText('Enter your email address.')).toBeVisible();

  await form.getByLabel('Name').fill('Cleo Again');
  await form.getByLabel('Email').fill(CLIENT);
  await form.getByLabel('Password', { exact: true }).fill('short');
  await expect(form.getByText(/Use at least 10 characters/)).toBeVisible();
  await expect(form.getByLabel('Password', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );

  // A refusal from the server (here a rate limit, stood in for) is shown above the fields.
  await form.getByLabel('Password', { exact: true }).fill('long-enough-password');
  await page.route('**/api/auth/sign-up/email', (route) =>
    route.fulfill({ status: 429, json: { message: 'Too many requests. Try again later.' } }),
  );
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(form.getByRole('alert')).toContainText('Too many attempts');
  await expect(page).toHaveURL('/sign-up');

  // The real server does not say whether an address already has an account (no enumeration):
  // signing up with a taken one ends on the same page as a new one.
  await page.unroute('**/api/auth/sign-up/email');
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(`/check-your-email?email=${encodeURIComponent(CLIENT)}`);
});

test('a signed-out visit to an admin page goes to sign-in, and back after signing in', async ({
  page,
}) => {
  await page.goto('/admin/users');
  await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent('/admin/users')}`);
  await fillSignIn(page, ADMIN, DEMO_PASSWORD);
  await expect(page).toHaveURL('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: COACH })).toHaveCount(1);
});

test('a coach visiting the admin users page is told it is not allowed', async ({ page }) => {
  await signIn(page, COACH);
  await expect(page).toHaveURL('/coach');
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('This page is for the admin role');
  await expect(page.getByRole('row')).toHaveCount(0);
});
