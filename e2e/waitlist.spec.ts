import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import {
  choosePassword,
  countMails,
  linkInMail,
  MAIL,
  PASSWORD_LINK,
  signedInAdmin,
  signIn,
  uniqueEmail,
} from './support/accounts.ts';
import { watchForProblems } from './support/problems.ts';

// Runs against the server in waitlist mode (see playwright.config.ts), with the demo accounts.

/** Follows one of the admin pages in the app shell's sidebar. */
async function viaNavigation(admin: Page, link: string) {
  const sidebar = admin.getByRole('navigation', { name: 'Workspace' });
  await sidebar.getByRole('link', { name: link, exact: true }).click();
}

/** The waitlist page, searched for one email: the row of that entry. */
async function findOnWaitlist(admin: Page, email: string) {
  await admin.getByLabel('Search').fill(email);
  await admin.getByRole('button', { name: 'Search', exact: true }).click();
  const row = admin.getByRole('row').filter({ hasText: email });
  await expect(row).toHaveCount(1);
  return row;
}

test('a visitor joins as a coach, is approved, signs up from the invitation and lands on the coach guide', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const problems = watchForProblems(page);
  const email = uniqueEmail('coach');
  const name = 'Casey Practice';

  // The visitor asks for a place as a coach.
  await page.goto('/waitlist/coach');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Run your practice on Arete' }),
  ).toBeVisible();
  const join = page.getByRole('form', { name: 'Join the waitlist as a coach' });
  await join.getByRole('button', { name: 'Join as a coach' }).click();
  await expect(join.getByLabel('Email')).toBeFocused();
  await expect(join.getByText('Enter your email address.')).toBeVisible();
  await join.getByLabel('Name (optional)').fill(name);
  await join.getByLabel('Email').fill(email);
  await join.getByLabel('A short note (optional)').fill('A leadership practice, twelve clients.');
  await join.getByRole('button', { name: 'Join as a coach' }).click();
  await expect(page).toHaveURL('/waitlist/success?role=coach');
  await expect(page.getByRole('heading', { level: 1, name: 'You are on the list' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Next steps for your practice' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('your account is a coach account');

  // The admin finds the entry on the waitlist (from the admin area's home) and approves it.
  const { admin, problems: adminProblems } = await signedInAdmin(browser);
  await admin.getByRole('link', { name: /^Waitlist/ }).click();
  await expect(admin).toHaveURL('/admin/waitlist');
  const row = await findOnWaitlist(admin, email);
  await expect(row).toContainText(name);
  await expect(row.getByText('Status: Pending')).toBeVisible();
  await expect(row.getByText('Role: Coach')).toBeVisible();
  await row.getByRole('checkbox', { name: `Select ${email}` }).check();
  await expect(admin.getByRole('toolbar', { name: 'Selected entries' })).toContainText(
    '1 selected',
  );
  await admin.getByRole('button', { name: 'Approve…' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Approve 1 entry?' });
  await expect(dialog).toContainText(email);
  // The role they asked for is chosen already.
  await expect(dialog.getByLabel('Role')).toHaveValue('coach');
  await dialog.getByLabel('Notes (optional)').fill('Met at the coaching summit');
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(dialog).toBeHidden();
  const outcome = admin.getByRole('status').filter({ hasText: 'Approval: 1 approved' });
  await expect(outcome).toContainText(`${email}: approved, invitation sent`);
  await expect(row.getByText('Status: Approved')).toBeVisible();
  await expect(row).toContainText('Met at the coaching summit');

  // The invitation, read in the outbox, leads the visitor to sign-up with the address filled in.
  await viaNavigation(admin, 'Mail outbox');
  await expect(admin).toHaveURL('/admin/outbox');
  const invitation = await linkInMail(admin, email, MAIL.invitation, /\/sign-up\?/);
  expect(new URL(invitation, 'http://localhost').searchParams.get('email')).toBe(email);
  await page.goto(invitation);
  const signUp = page.getByRole('form', { name: 'Sign up' });
  await expect(signUp.getByLabel('Email')).toHaveValue(email);
  await expect(page.getByText('Sign-up needs an approved email address')).toBeVisible();
  await signUp.getByLabel('Name').fill(name);
  await signUp.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(`/check-your-email?email=${encodeURIComponent(email)}`);

  // The link in the mail, read by the admin, leads to "choose your password"; saving it confirms
  // the address and signs the visitor in: a coach, on the coach guide.
  const link = await linkInMail(admin, email, MAIL.choosePassword, PASSWORD_LINK);
  await page.goto(link);
  await choosePassword(page, 'a-long-enough-password');
  await expect(page).toHaveURL('/onboarding', { timeout: 30_000 });
  const userMenuButton = page.getByRole('banner').getByRole('button', { name: new RegExp(name) });
  await expect(userMenuButton).toContainText('Coach');
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your practice' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Role: Coach');
  // Their practice is set up in a few steps (organizations.spec.ts goes through them).
  await expect(
    page.getByRole('form', { name: 'Set up your practice' }).getByRole('heading', {
      name: 'Your practice',
    }),
  ).toBeVisible();

  // Later: the coach area; the guide is not offered again from the account page.
  await page.getByRole('button', { name: 'Set up later' }).click();
  await expect(page).toHaveURL('/coach');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Casey' })).toBeVisible();
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page).toHaveURL('/account');

  // The registry knows they joined.
  await admin.goto('/admin/waitlist');
  await expect((await findOnWaitlist(admin, email)).getByText('Status: Joined')).toBeVisible();

  expect(problems).toEqual([]);
  expect(adminProblems).toEqual([]);
  await admin.context().close();
});

test('an email that is not approved gets the same answer as any other, and a mail that points to the waitlist', async ({
  page,
  browser,
}) => {
  const problems = watchForProblems(page);
  const email = uniqueEmail('refused');

  await page.goto('/sign-up');
  await expect(page.getByText('Sign-up needs an approved email address')).toBeVisible();
  const form = page.getByRole('form', { name: 'Sign up' });
  await form.getByLabel('Name').fill('Rene Refused');
  await form.getByLabel('Email').fill(email);
  await form.getByRole('button', { name: 'Create account' }).click();

  // Nothing on the page tells an approved address from another one.
  await expect(page).toHaveURL(`/check-your-email?email=${encodeURIComponent(email)}`);
  await expect(
    page.getByText('If the address is not approved yet, the mail says so'),
  ).toBeVisible();

  // The mail, though, says it is not approved, with the two ways onto the waitlist.
  const { admin, problems: adminProblems } = await signedInAdmin(browser);
  const waitlistLink = await linkInMail(admin, email, MAIL.notApproved, /\/waitlist\/client/);
  expect(await countMails(admin, email, MAIL.choosePassword)).toBe(0);
  await page.goto(waitlistLink);
  await expect(page).toHaveURL('/waitlist/client');
  await expect(
    page.getByRole('form', { name: 'Join the waitlist as a client' }).getByLabel('Email'),
  ).toBeVisible();

  expect(problems).toEqual([]);
  expect(adminProblems).toEqual([]);
  await admin.context().close();
});

test('a sign-up of an address that is not approved creates no account', async ({
  page,
  browser,
}) => {
  const email = uniqueEmail('refused-twice');
  const answer = await page.request.post('/api/auth/sign-up/email', {
    data: { name: 'Not Approved', email },
  });
  expect(answer.status()).toBe(200);
  expect(await answer.json()).toMatchObject({ status: 'check_your_email' });

  const { admin } = await signedInAdmin(browser);
  expect(await countMails(admin, email, MAIL.notApproved)).toBe(1);
  expect(await countMails(admin, email, MAIL.choosePassword)).toBe(0);
  await admin.goto('/admin/users');
  await admin.getByLabel('Search').fill(email);
  await admin.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(admin.getByText('No users match.')).toBeVisible();
  await admin.context().close();
});

test('someone who signs up an approved address first gets nothing: its owner chooses the password and has the approved role', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const problems = watchForProblems(page);
  const email = uniqueEmail('claimed');
  const name = 'Olive Owner';

  // An admin approves the address as a coach (and the owner is invited).
  const { admin, problems: adminProblems } = await signedInAdmin(browser);
  await admin.goto('/admin/approved-users');
  await admin.getByRole('button', { name: 'Add approved user' }).click();
  const addDialog = admin.getByRole('dialog', { name: 'Add an approved user' });
  await addDialog.getByLabel('Email').fill(email);
  await addDialog.getByLabel('Role').selectOption('coach');
  await addDialog.getByRole('button', { name: 'Add and invite' }).click();
  await expect(admin.getByRole('status').getByText(`${email} is approved as coach`)).toBeVisible();

  // Someone else signs the address up first, in a browser of their own. There is no password to
  // give any more, and what they see is what everyone sees.
  const attacker = await (await browser.newContext()).newPage();
  await attacker.goto(`/sign-up?email=${encodeURIComponent(email)}`);
  const attackerForm = attacker.getByRole('form', { name: 'Sign up' });
  await attackerForm.getByLabel('Name').fill('Mallory First');
  await attackerForm.getByRole('button', { name: 'Create account' }).click();
  await expect(attacker).toHaveURL(`/check-your-email?email=${encodeURIComponent(email)}`);
  // Whatever password they try, the account cannot be entered.
  await signIn(attacker, email, 'mallory-guessed-password');
  await expect(attacker.getByRole('alert')).toContainText('Wrong email or password');

  // The owner signs up too, from the invitation, and opens the newest link in their mailbox.
  const invitation = await linkInMail(admin, email, MAIL.invitation, /\/sign-up\?/);
  await page.goto(invitation);
  const signUp = page.getByRole('form', { name: 'Sign up' });
  await expect(signUp.getByLabel('Email')).toHaveValue(email);
  await signUp.getByLabel('Name').fill(name);
  await signUp.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(`/check-your-email?email=${encodeURIComponent(email)}`);
  expect(await countMails(admin, email, MAIL.choosePassword)).toBe(2);
  const link = await linkInMail(admin, email, MAIL.choosePassword, PASSWORD_LINK);
  await page.goto(link);
  await choosePassword(page, 'the-owners-own-password');

  // Signed in with the approved role, under the owner's name, on the coach guide.
  await expect(page).toHaveURL('/onboarding', { timeout: 30_000 });
  const userMenuButton = page.getByRole('banner').getByRole('button', { name: new RegExp(name) });
  await expect(userMenuButton).toContainText('Coach');
  await expect(page.getByRole('main')).toContainText('Role: Coach');

  // The first sign-up still cannot get in, with its guess or the owner's name.
  await signIn(attacker, email, 'mallory-guessed-password');
  await expect(attacker.getByRole('alert')).toContainText('Wrong email or password');

  expect(problems).toEqual([]);
  expect(adminProblems).toEqual([]);
  await attacker.context().close();
  await admin.context().close();
});

test('a client joins from the home page and an admin rejects them', async ({ page, browser }) => {
  const problems = watchForProblems(page);
  const email = uniqueEmail('client');

  await page.goto('/');
  const join = page.getByRole('form', { name: 'Join the waitlist as a client' });
  await join.getByLabel('Email').fill(email);
  await join.getByLabel('A short note (optional)').fill('Northwind, through HR.');
  await join.getByRole('button', { name: 'Join as a client' }).click();
  await expect(page).toHaveURL('/waitlist/success?role=client');
  await expect(page.getByRole('heading', { name: 'Next steps to get coached' })).toBeVisible();

  const { admin, problems: adminProblems } = await signedInAdmin(browser);
  await viaNavigation(admin, 'Waitlist');
  await expect(admin).toHaveURL('/admin/waitlist');
  await admin.getByLabel('Status', { exact: true }).selectOption('pending');
  await expect(admin).toHaveURL('/admin/waitlist?status=pending');
  const row = await findOnWaitlist(admin, email);
  await expect(row.getByText('Role: Client')).toBeVisible();
  await row.getByRole('checkbox', { name: `Select ${email}` }).check();
  await admin.getByRole('button', { name: 'Reject…' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Reject 1 entry?' });
  await dialog.getByLabel('Notes (optional)').fill('Not a fit for now');
  await dialog.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(
    admin.getByRole('status').filter({ hasText: 'Rejection: 1 rejected' }),
  ).toContainText(`${email}: rejected`);
  // Gone from the pending entries; listed, as rejected, under that status.
  await expect(row).toHaveCount(0);
  await admin.getByLabel('Status', { exact: true }).selectOption('rejected');
  const rejected = admin.getByRole('row').filter({ hasText: email });
  await expect(rejected.getByText('Status: Rejected')).toBeVisible();
  await expect(rejected).toContainText('Not a fit for now');

  expect(problems).toEqual([]);
  expect(adminProblems).toEqual([]);
  await admin.context().close();
});

test('an import with a bad row is previewed with its error, and all or nothing will not import it', async ({
  browser,
}) => {
  const { admin, problems } = await signedInAdmin(browser);
  const good = uniqueEmail('import');
  await admin.getByRole('link', { name: /^Approved users/ }).click();
  await expect(admin).toHaveURL('/admin/approved-users');

  const importer = admin.getByRole('region', { name: 'Import', exact: true });
  await importer.getByLabel('Choose a CSV or JSON file').setInputFiles({
    name: 'approved.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `email,role,notes\n${good},coach,From the partner list\nnot-an-email,client,\n`,
    ),
  });
  await expect(importer).toContainText('Using approved.csv');
  await expect(importer.getByRole('radio', { name: /All or nothing/ })).toBeChecked();
  await expect(importer.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await importer.getByRole('button', { name: 'Check (dry run)' }).click();

  const preview = importer.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('2 rows: 1 would be added, 1 with errors.');
  await expect(preview.getByRole('row').filter({ hasText: good })).toContainText('Would be added');
  await expect(preview.getByRole('row').filter({ hasText: 'not-an-email' })).toContainText(
    'The email address is not a valid email address.',
  );

  // All or nothing: Import stays off while a row has an error, and says why.
  const importButton = importer.getByRole('button', { name: 'Import', exact: true });
  await expect(importButton).toBeDisabled();
  await expect(importButton).toHaveAccessibleDescription(
    /Import is off: 1 row has errors, and all or nothing imports no row while one has an error/,
  );
  await admin.getByLabel('Search').fill(good);
  await admin.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(admin.getByText('No approved users match.')).toBeVisible();

  // Valid rows only: checked again, then the good row is imported.
  await importer.getByRole('radio', { name: /Valid rows only/ }).check();
  await expect(importer.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await importer.getByRole('button', { name: 'Check (dry run)' }).click();
  await expect(importer.getByRole('region', { name: 'Preview' })).toBeVisible();
  await importer.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importer.getByRole('region', { name: 'Import report' })).toContainText(
    '2 rows: 1 added, 1 error.',
  );
  await expect(importer.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
  await expect(importer).not.toContainText('Nothing was imported');
  const row = admin
    .getByRole('region', { name: 'Approved users', exact: true })
    .getByRole('row')
    .filter({ hasText: good });
  await expect(row.getByText('Role: Coach')).toBeVisible();
  await expect(row).toContainText('From the partner list');

  expect(problems).toEqual([]);
  await admin.context().close();
});

test('an admin adds an approved user, edits it, exports the list and removes it', async ({
  browser,
  baseURL,
}) => {
  // Four dialogs, a download and two list reloads: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const { admin, problems } = await signedInAdmin(browser);
  const email = uniqueEmail('added');
  await viaNavigation(admin, 'Approved users');

  // Added from the page's primary action: the form checks what the server checks, in words.
  const addButton = admin.getByRole('button', { name: 'Add approved user' });
  await addButton.click();
  const addDialog = admin.getByRole('dialog', { name: 'Add an approved user' });
  const add = addDialog.getByRole('form', { name: 'Add an approved user' });
  await addDialog.getByRole('button', { name: 'Add and invite' }).click();
  await expect(add.getByText('Enter the email address.')).toBeVisible();
  await expect(add.getByText('Choose the role their account gets.')).toBeVisible();
  await add.getByLabel('Email').fill(`${'x'.repeat(250)}@example.com`);
  await add.getByLabel('Name (optional)').fill('n'.repeat(121));
  await addDialog.getByRole('button', { name: 'Add and invite' }).click();
  await expect(add.getByText('Use at most 254 characters.')).toBeVisible();
  await expect(add.getByText('Use at most 120 characters.')).toBeVisible();
  await add.getByLabel('Email').fill(email);
  await add.getByLabel('Role').selectOption('client');
  await add.getByLabel('Name (optional)').fill('Dana Direct');
  await addDialog.getByRole('button', { name: 'Add and invite' }).click();
  await expect(admin.getByRole('status').getByText(`${email} is approved as client`)).toBeVisible();
  await expect(addDialog).toBeHidden();
  await expect(addButton).toBeFocused();

  await admin.getByLabel('Search').fill(email);
  await admin.getByRole('button', { name: 'Search', exact: true }).click();
  const row = admin.getByRole('row').filter({ hasText: email });
  await expect(row.getByText('Role: Client')).toBeVisible();

  // Role and notes, edited in a dialog that gives focus back to the row's button.
  const editButton = row.getByRole('button', { name: `Edit ${email}` });
  await editButton.click();
  const editDialog = admin.getByRole('dialog', { name: `Edit ${email}` });
  const edit = editDialog.getByRole('form', { name: `Edit ${email}` });
  await edit.getByLabel('Role').selectOption('coach');
  await edit.getByLabel('Notes').fill('Moved to the coach pilot');
  await editDialog.getByRole('button', { name: 'Save' }).click();
  await expect(editDialog).toBeHidden();
  await expect(editButton).toBeFocused();
  await expect(row.getByText('Role: Coach')).toBeVisible();
  await expect(row).toContainText('Moved to the coach pilot');

  // Export: a CSV download holding the change.
  const downloading = admin.waitForEvent('download');
  await admin.getByRole('button', { name: 'Export' }).click();
  await admin.getByRole('menuitem', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('approved-users.csv');
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.split('\n')[0]).toBe('email,role,status,name,notes,approved_at,approved_by,joined_at');
  expect(csv).toContain(`${email},coach,approved,Dana Direct,Moved to the coach pilot`);

  // A restore upload that is not a backup changes nothing and says why.
  await admin.getByLabel('Choose a backup file (.json)').setInputFiles({
    name: 'not-a-backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'something-else' })),
  });
  const confirmRestore = admin.getByRole('dialog', { name: 'Replace the registry?' });
  await expect(confirmRestore).toContainText('not-a-backup.json');
  await confirmRestore.getByRole('button', { name: 'Restore' }).click();
  const refused = admin.getByRole('alert').filter({ hasText: 'Nothing was restored' });
  await expect(refused).toContainText('not-a-backup.json is not a registry backup made by Arete.');
  await expect(refused).toContainText('The file’s format must be “arete.waitlist-registry”.');
  await expect(row.getByText('Role: Coach')).toBeVisible();

  // Remove, after confirming.
  await row.getByRole('button', { name: `Remove ${email}` }).click();
  const confirmRemove = admin.getByRole('dialog', { name: 'Remove this approval?' });
  await expect(confirmRemove).toContainText(email);
  await confirmRemove.getByRole('button', { name: 'Remove' }).click();
  await expect(admin.getByRole('status').getByText(`${email} is no longer approved`)).toBeVisible();
  await expect(row).toHaveCount(0);

  // The refused restore is the one answer that failed, on purpose.
  expect(problems).toContain(`HTTP 400: ${baseURL}/api/v1/admin/approved-users/restore`);
  expect(problems.filter((problem) => !problem.includes('400'))).toEqual([]);
  await admin.context().close();
});

test('the audit log shows an approval, before and after', async ({ page, browser }) => {
  const email = uniqueEmail('audited');
  const joined = await page.request.post('/api/v1/waitlist', { data: { email, role: 'client' } });
  expect(joined.status()).toBe(202);

  const { admin, problems } = await signedInAdmin(browser);
  await admin.goto('/admin/waitlist');
  const row = await findOnWaitlist(admin, email);
  await row.getByRole('checkbox', { name: `Select ${email}` }).check();
  await admin.getByRole('button', { name: 'Approve…' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Approve 1 entry?' });
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(row.getByText('Status: Approved')).toBeVisible();

  await viaNavigation(admin, 'Audit log');
  await expect(admin).toHaveURL('/admin/audit-log');
  await admin.getByLabel('Action').selectOption('waitlist.approve');
  await expect(admin).toHaveURL('/admin/audit-log?action=waitlist.approve');
  // What was changed is found by the address it is about.
  await admin.getByLabel('Target').fill(email);
  await admin.getByRole('button', { name: 'Filter' }).click();
  const entry = admin.getByRole('row').filter({ hasText: email });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Waitlist: approved');
  await expect(entry).toContainText(`Registry entry ${email}`);
  // Who did it: "You" here (another admin by name and email).
  await expect(entry).toContainText('You');
  // Read as "pending → approved" (a screen reader hears "changed to" for the arrow).
  await expect(entry).toContainText(/status\s*pending\s*→.*approved/);
  await expect(entry).toContainText('client (unchanged)');

  // Newest first: the approval is on the first page of the whole log too.
  await admin.getByRole('link', { name: 'Clear filters' }).click();
  await expect(admin).toHaveURL('/admin/audit-log');
  await expect(admin.getByRole('row').filter({ hasText: email })).toHaveCount(1);

  expect(problems).toEqual([]);
  await admin.context().close();
});
