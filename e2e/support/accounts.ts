import { type Browser, type BrowserContextOptions, expect, type Page } from '@playwright/test';
import { watchForProblems } from './problems.ts';

// The demo accounts the servers add when started with `--demo` (see playwright.config.ts).
export const DEMO_PASSWORD = 'arete-demo-2026';
export const ADMIN = 'admin@arete.local';
export const COACH = 'coach.ada@arete.local';
export const CLIENT = 'client.cleo@arete.local';

/** The subjects of the mails the journeys open. */
export const MAIL = {
  /** After sign-up (and "send the link again" before the address is confirmed). */
  choosePassword: 'Confirm your email address for Arete',
  passwordReset: 'Reset your Arete password',
  /** Sign-up of an address that is not approved (waitlist mode). */
  notApproved: 'Your Arete sign-up',
  invitation: 'You are invited to Arete',
} as const;

/** The link in a "choose your password" mail: `/api/auth/reset-password/<token>?callbackURL=…`. */
export const PASSWORD_LINK = /\/api\/auth\/reset-password\//;

export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 } };

export function uniqueEmail(kind = 'user'): string {
  return `e2e.${kind}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@example.com`;
}

export async function fillSignIn(page: Page, email: string, password: string) {
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Sign in', exact: true }).click();
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await fillSignIn(page, email, password);
}

/** A browser context of its own, signed in (with its problems recorded). */
export async function signedInPage(
  browser: Browser,
  email: string,
  password = DEMO_PASSWORD,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await signIn(page, email, password);
  await expect(page.getByRole('banner').getByRole('button', { expanded: false })).toBeVisible();
  return { page, problems };
}

/** The demo admin in a browser context of their own, on the admin home page. */
export async function signedInAdmin(
  browser: Browser,
): Promise<{ admin: Page; problems: string[] }> {
  const { page: admin, problems } = await signedInPage(browser, ADMIN);
  await expect(admin).toHaveURL('/admin');
  return { admin, problems };
}

/**
 * The link of the newest mail of that subject to that address, as this app's path (the admin reads
 * the outbox). Read again until it is there: a mail may be kept a moment after the answer.
 */
export async function linkInMail(
  admin: Page,
  to: string,
  subject: string,
  link: RegExp,
): Promise<string> {
  let path = '';
  await expect(async () => {
    await admin.goto(`/admin/outbox?to=${encodeURIComponent(to)}`);
    const mail = admin.getByRole('article').filter({ hasText: subject }).first();
    const href = await mail.getByRole('link', { name: link }).first().getAttribute('href', {
      timeout: 2_000,
    });
    expect(href).toBeTruthy();
    const url = new URL(href ?? '');
    path = `${url.pathname}${url.search}`;
  }).toPass({ timeout: 20_000 });
  return path;
}

/** How many mails of that subject the outbox holds for that address. */
export async function countMails(admin: Page, to: string, subject: string): Promise<number> {
  await admin.goto(`/admin/outbox?to=${encodeURIComponent(to)}`);
  const mails = admin.getByRole('article');
  await expect(mails.first().or(admin.getByText(`No mail to ${to} yet.`))).toBeVisible();
  return mails.filter({ hasText: subject }).count();
}

/** Nothing on the page is wider than the window (no sideways scrolling). */
export async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
  expect(overflow, `${page.url()} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

/** Chooses a password on the set-password page the mailed link led to. */
export async function choosePassword(page: Page, password: string) {
  await expect(page.getByRole('heading', { level: 1, name: 'Choose your password' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Choose your password' });
  await form.getByLabel('New password', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Save and sign in' }).click();
}
