import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  choosePassword,
  expectNoSidewaysScroll,
  fillSignIn,
  linkInMail,
  MAIL,
  PASSWORD_LINK,
  PHONE,
  signedInAdmin,
  uniqueEmail,
} from './support/accounts.ts';
import { watchForProblems } from './support/problems.ts';
import { answerTooManyRequests } from './support/rate-limit.ts';

// Runs against the open sign-up server (see playwright.config.ts): each journey makes an account
// of its own, so that ending its sessions touches no other journey's demo account.

/** A new account with a password, signed up and confirmed through its mailed link. */
async function newAccount(
  browser: Browser,
  admin: Page,
  name: string,
  password: string,
): Promise<{ email: string; page: Page }> {
  const email = uniqueEmail('reset');
  const page = await (await browser.newContext()).newPage();
  const answer = await page.request.post('/api/auth/sign-up/email', { data: { name, email } });
  expect(answer.status()).toBe(200);
  await page.goto(await linkInMail(admin, email, MAIL.choosePassword, PASSWORD_LINK));
  await choosePassword(page, password);
  await expect(page).toHaveURL('/account');
  await expect(page.getByRole('main').getByText(email)).toBeVisible();
  return { email, page };
}

test('a forgotten password is reset from another browser: every other session ends, the old password stops working, the link works once', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const name = 'Robin Reset';
  const oldPassword = 'the-first-password';
  const newPassword = 'a-brand-new-password';
  const { admin, problems: adminProblems } = await signedInAdmin(browser);

  // Browser one: signed in to the account.
  const { email, page: first } = await newAccount(browser, admin, name, oldPassword);
  const firstMenu = first.getByRole('banner').getByRole('button', { name: new RegExp(name) });
  await expect(firstMenu).toBeVisible();

  // Browser two, a phone: the sign-in page, "Forgot password?" with the email typed once.
  const phone = await (await browser.newContext(PHONE)).newPage();
  const phoneProblems = watchForProblems(phone);
  await phone.goto('/sign-in');
  const signInForm = phone.getByRole('form', { name: 'Sign in' });
  await signInForm.getByLabel('Email').fill(email);
  await expectNoSidewaysScroll(phone);
  await signInForm.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(phone).toHaveURL(`/forgot-password?email=${encodeURIComponent(email)}`);
  await expect(
    phone.getByRole('heading', { level: 1, name: 'Forgot your password?' }),
  ).toBeVisible();
  const askForm = phone.getByRole('form', { name: 'Ask for a new password link' });
  await expect(askForm.getByLabel('Email')).toHaveValue(email);
  await expectNoSidewaysScroll(phone);
  await askForm.getByRole('button', { name: 'Send the link' }).click();
  const confirmation = phone.getByRole('heading', {
    name: 'If an account uses this address, a link is on its way',
  });
  await expect(confirmation).toBeFocused();
  await expect(phone.getByText('it works for one hour, once')).toBeVisible();
  await expectNoSidewaysScroll(phone);

  // The link from the mail: choose a new password, and the phone is signed in with it.
  const link = await linkInMail(admin, email, MAIL.passwordReset, PASSWORD_LINK);
  await phone.goto(link);
  await expect(phone).toHaveURL(/\/set-password\?/);
  await expect(phone.getByText(`For ${email}.`)).toBeVisible();
  await expectNoSidewaysScroll(phone);
  await choosePassword(phone, newPassword);
  await expect(phone).toHaveURL('/account');
  await expect(phone.getByRole('main').getByText(email)).toBeVisible();

  // Browser one's session has ended: the server says so at once, and the open page notices by
  // itself (it reads the user again every few seconds) and asks to sign in.
  await expect
    .poll(async () => (await first.request.get('/api/auth/get-session')).json(), {
      timeout: 15_000,
    })
    .toBeNull();
  await expect(first).toHaveURL(/\/sign-in\?next=/, { timeout: 30_000 });

  // The old password no longer works; the new one does.
  await fillSignIn(first, email, oldPassword);
  await expect(first.getByRole('alert')).toContainText('Wrong email or password');
  await fillSignIn(first, email, newPassword);
  await expect(first).toHaveURL('/account');
  await expect(firstMenu).toBeVisible();

  // The link worked once: opened again, it says so and offers a new one.
  await phone.goto(link);
  await expect(phone).toHaveURL(/\/set-password\?.*error=INVALID_TOKEN/);
  await expect(
    phone.getByRole('heading', { level: 1, name: 'This link has expired or was already used' }),
  ).toBeVisible();
  await expect(phone.getByRole('button', { name: 'Get a new link' })).toBeVisible();
  await expectNoSidewaysScroll(phone);

  expect(phoneProblems).toEqual([]);
  expect(adminProblems).toEqual([]);
  await first.context().close();
  await phone.context().close();
  await admin.context().close();
});

test('the forgot-password page answers the same for an address with no account, and says how long to wait when limited', async ({
  page,
  baseURL,
}) => {
  const problems = watchForProblems(page);
  const nobody = uniqueEmail('nobody');
  await page.goto('/forgot-password');
  const form = page.getByRole('form', { name: 'Ask for a new password link' });
  await form.getByRole('button', { name: 'Send the link' }).click();
  await expect(form.getByLabel('Email')).toBeFocused();
  await expect(form.getByText('Enter your email address.')).toBeVisible();

  await form.getByLabel('Email').fill(nobody);
  await form.getByRole('button', { name: 'Send the link' }).click();
  await expect(
    page.getByRole('heading', { name: 'If an account uses this address, a link is on its way' }),
  ).toBeFocused();
  await expect(page.getByText(nobody)).toBeVisible();

  // Another address, and the server limits it (stood in for): the wait, in words.
  await page.getByRole('button', { name: 'Use another address' }).click();
  await answerTooManyRequests(page, '**/api/auth/request-password-reset', 30);
  await form.getByLabel('Email').fill(uniqueEmail('limited'));
  await form.getByRole('button', { name: 'Send the link' }).click();
  await expect(form.getByRole('alert')).toContainText(
    'Too many attempts, try again in 30 seconds.',
  );
  await expect(form.getByRole('button', { name: 'Send the link' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  // The refusal stood in for is the one answer that failed (Chromium logs it to the console too).
  expect(problems).toContain(`HTTP 429: ${baseURL}/api/auth/request-password-reset`);
  expect(problems.filter((problem) => !problem.includes('429'))).toEqual([]);
});

test('a set-password link that expired, or lost its token, says so and offers a new one', async ({
  page,
}) => {
  const problems = watchForProblems(page);
  const email = uniqueEmail('expired');
  await page.goto(`/set-password?email=${encodeURIComponent(email)}&error=INVALID_TOKEN`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'This link has expired or was already used' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Get a new link' }).click();
  await expect(page.getByRole('status').getByText(`If an account uses ${email}`)).toBeVisible();

  await page.goto('/set-password');
  await expect(
    page.getByRole('heading', { level: 1, name: 'This link is not complete' }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Get a new link' }).click();
  await expect(page).toHaveURL('/forgot-password');
  expect(problems).toEqual([]);
});
