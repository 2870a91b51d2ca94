import { type Browser, expect, type Page } from '@playwright/test';
import {
  ADMIN,
  choosePassword,
  linkInMail,
  MAIL,
  PASSWORD_LINK,
  signIn,
  uniqueEmail,
} from './accounts.ts';
import { watchForProblems } from './problems.ts';

/*
 * New people in waitlist mode, as they arrive: the demo admin approves an address, its owner signs
 * up from the mailed link and chooses a password.
 */

/** The demo admin in a context of their own (signing in may be slow on a busy machine). */
export async function adminOnItsOwn(browser: Browser) {
  const admin = await (await browser.newContext()).newPage();
  const problems = watchForProblems(admin);
  await signIn(admin, ADMIN);
  await expect(admin).toHaveURL('/admin', { timeout: 30_000 });
  return { admin, problems };
}

export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The demo admin approves the address with that role (an invitation to sign up is mailed). */
export async function approve(admin: Page, email: string, role: 'coach' | 'client') {
  await admin.goto('/admin/approved-users');
  await admin.getByRole('button', { name: 'Add approved user' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Add an approved user' });
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Role').selectOption(role);
  await dialog.getByRole('button', { name: 'Add and invite' }).click();
  await expect(
    admin.getByRole('status').getByText(`${email} is approved as ${role}`),
  ).toBeVisible();
}

/** Signs up from the sign-up page (address filled in by `path`) and chooses the password. */
export async function signUpAndChoosePassword(
  page: Page,
  admin: Page,
  path: string,
  email: string,
  name: string,
) {
  await page.goto(path);
  const signUp = page.getByRole('form', { name: 'Sign up' });
  await expect(signUp.getByLabel('Email')).toHaveValue(email);
  await signUp.getByLabel('Name').fill(name);
  await signUp.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(`/check-your-email?email=${encodeURIComponent(email)}`);
  await page.goto(await linkInMail(admin, email, MAIL.choosePassword, PASSWORD_LINK));
  await choosePassword(page, 'a-long-enough-password');
}

/** A new person with that role, approved, signed up and signed in: on their onboarding. */
export async function newPerson(
  browser: Browser,
  admin: Page,
  role: 'coach' | 'client',
  name: string,
  options: object,
) {
  const email = uniqueEmail(role);
  await approve(admin, email, role);
  const page = await (await browser.newContext(options)).newPage();
  const problems = watchForProblems(page);
  const invitation = await linkInMail(admin, email, MAIL.invitation, /\/sign-up\?/);
  await signUpAndChoosePassword(page, admin, invitation, email, name);
  await expect(page).toHaveURL('/onboarding', { timeout: 30_000 });
  return { page, problems, email };
}
