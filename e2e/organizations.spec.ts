import { expect, type Page, test } from '@playwright/test';
import { linkInMail, PHONE, uniqueEmail } from './support/accounts.ts';
import { checkPage } from './support/page-checks.ts';
import {
  adminOnItsOwn,
  approve,
  newPerson,
  signUpAndChoosePassword,
  unique,
} from './support/people.ts';
import { watchForProblems } from './support/problems.ts';

/*
 * Organizations and profiles, as people do it (waitlist mode, so the demo admin approves each new
 * person first): a new coach sets up their practice, a new client sets up their company, and a
 * company admin invites a colleague, who signs up and accepts through the mail's link. At a
 * desktop width and at a phone's; every page checked (no sideways scrolling, no validator's words,
 * nothing axe finds).
 */

const WIDTHS = [
  { label: 'desktop', options: { viewport: { width: 1280, height: 800 } } },
  { label: 'phone', options: PHONE },
] as const;

const ORG_INVITATION = 'You are invited to join';

/** A new client's onboarding with a new company; ends on the company's page. */
async function onboardWithNewCompany(page: Page, company: string) {
  await expect(
    page.getByRole('heading', { level: 1, name: 'Get ready for coaching' }),
  ).toBeVisible();
  const form = page.getByRole('form', { name: 'Get ready for coaching' });
  await expect(form.getByRole('heading', { name: 'Your profile' })).toBeVisible();
  await checkPage(page);
  await form.getByLabel('Job title (optional)').fill('Head of Operations');
  await form.getByRole('button', { name: 'Next' }).click();

  await expect(form.getByRole('heading', { name: 'Your company' })).toBeFocused();
  // Nothing filled in: each field says what it needs, in plain words.
  await form.getByRole('button', { name: 'Create my company' }).click();
  await expect(form.getByText('Enter your company’s name.')).toBeVisible();
  await expect(form.getByText('Choose how many people work there.')).toBeVisible();
  await checkPage(page);
  await form.getByLabel('Company name').fill(company);
  await form.getByLabel('Industry').fill('Logistics');
  await form.getByLabel('Size').selectOption('51-200');
  await form.getByRole('button', { name: 'Create my company' }).click();

  await expect(page).toHaveURL(/\/organizations\/[^/]+$/, { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: company })).toBeVisible();
}

for (const width of WIDTHS) {
  test.describe(`organizations, ${width.label}`, () => {
    test.use(width.options);

    test('a new coach completes onboarding and sees their practice', async ({ browser }) => {
      test.setTimeout(150_000);
      const { admin, problems: adminProblems } = await adminOnItsOwn(browser);
      const { page, problems } = await newPerson(
        browser,
        admin,
        'coach',
        'Casey Practice',
        width.options,
      );
      const practice = `North Star Coaching ${unique()}`;

      await expect(
        page.getByRole('heading', { level: 1, name: 'Set up your practice' }),
      ).toBeVisible();
      await expect(page.getByRole('main')).toContainText('Role: Coach');
      const form = page.getByRole('form', { name: 'Set up your practice' });
      await expect(form.getByRole('heading', { name: 'Your practice' })).toBeVisible();
      await checkPage(page);

      // Step 1: the name is needed before going on.
      await form.getByRole('button', { name: 'Next' }).click();
      await expect(form.getByText('Enter your practice’s name.')).toBeVisible();
      await expect(form.getByLabel('Practice name')).toBeFocused();
      await form.getByLabel('Website (optional)').fill('not a website');
      await form.getByRole('button', { name: 'Next' }).click();
      await expect(form.getByText(/Check the website address/)).toBeVisible();
      await checkPage(page);
      await form.getByLabel('Practice name').fill(practice);
      await form.getByLabel('Website (optional)').fill('https://north-star.example');
      await form.getByRole('button', { name: 'Next' }).click();

      // Step 2: what they offer.
      await expect(form.getByRole('heading', { name: 'What you offer' })).toBeFocused();
      await form.getByLabel('Specialties').fill('Leadership, Career change');
      await form.getByLabel('Years of experience').fill('12');
      await form.getByLabel('Languages you coach in (optional)').fill('English, French');
      await checkPage(page);
      await form.getByRole('button', { name: 'Next' }).click();

      // Step 3: how they coach; Back keeps what was typed.
      await expect(form.getByRole('heading', { name: 'How you coach' })).toBeFocused();
      await form.getByRole('button', { name: 'Back' }).click();
      await expect(form.getByLabel('Specialties')).toHaveValue('Leadership, Career change');
      await form.getByRole('button', { name: 'Next' }).click();
      await form
        .getByLabel('Coaching philosophy')
        .fill('Clients find their own answers; I ask the questions that help.');
      await form.getByRole('button', { name: 'Next' }).click();

      // Step 4: the profile, names from the account.
      await expect(form.getByRole('heading', { name: 'Your profile' })).toBeFocused();
      await expect(form.getByLabel('First name')).toHaveValue('Casey');
      await expect(form.getByLabel('Last name')).toHaveValue('Practice');
      await form.getByLabel('Headline (optional)').fill('Leadership coach for new managers');
      await checkPage(page);
      await form.getByRole('button', { name: 'Create my practice' }).click();

      // Their practice: its details, and them as its admin.
      await expect(page).toHaveURL(/\/organizations\/[^/]+$/, { timeout: 30_000 });
      await expect(page.getByRole('heading', { level: 1, name: practice })).toBeVisible();
      await expect(page.getByRole('main')).toContainText('Coach practice');
      const details = page.getByRole('form', { name: 'Practice details' });
      await expect(details.getByLabel('Specialties')).toHaveValue('Leadership, Career change');
      await expect(details.getByLabel('Years of experience')).toHaveValue('12');
      const members = page.getByRole('table', { name: 'Members' });
      await expect(members.getByRole('row').filter({ hasText: 'Casey Practice' })).toContainText(
        'Admin',
      );
      await expect(
        page
          .getByRole('table', { name: 'Pending invitations' })
          .or(page.getByText('No pending invitations.')),
      ).toBeVisible();
      await checkPage(page);

      // An admin of the practice changes its details.
      await details.getByLabel('Years of experience').fill('13');
      await details.getByRole('button', { name: 'Save details' }).click();
      await expect(page.getByRole('status').getByText('The details are saved')).toBeVisible();

      // The coach area shows the practice; the profile page has what they wrote.
      await page.goto('/coach');
      const card = page.getByRole('region', { name: 'Your practice' });
      await expect(card).toContainText(practice);
      await checkPage(page);
      await page.goto('/profile');
      await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
      const profile = page.getByRole('form', { name: 'Your profile' });
      await expect(profile.getByLabel('Headline (optional)')).toHaveValue(
        'Leadership coach for new managers',
      );
      await expect(profile.getByLabel('Years of experience (optional)')).toHaveValue('12');
      await checkPage(page);

      // The onboarding page is now their guide.
      await page.goto('/onboarding');
      await expect(page.getByRole('main').getByRole('link', { name: practice })).toBeVisible();
      await checkPage(page);

      expect(problems).toEqual([]);
      expect(adminProblems).toEqual([]);
      await page.context().close();
      await admin.context().close();
    });

    test('a new client completes onboarding with a new company', async ({ browser }) => {
      test.setTimeout(150_000);
      const { admin, problems: adminProblems } = await adminOnItsOwn(browser);
      const { page, problems } = await newPerson(
        browser,
        admin,
        'client',
        'Morgan Client',
        width.options,
      );
      const company = `Acme Freight ${unique()}`;

      await onboardWithNewCompany(page, company);
      await expect(page.getByRole('main')).toContainText('Client company');
      const details = page.getByRole('form', { name: 'Company details' });
      await expect(details.getByLabel('Industry')).toHaveValue('Logistics');
      await expect(details.getByLabel('Size')).toHaveValue('51-200');
      await expect(
        page
          .getByRole('table', { name: 'Members' })
          .getByRole('row')
          .filter({ hasText: 'Morgan Client' }),
      ).toContainText('Admin');
      await checkPage(page);

      await page.goto('/member');
      await expect(page.getByRole('region', { name: 'Your company' })).toContainText(company);
      await page.goto('/organizations');
      await expect(page.getByRole('table', { name: 'Your organizations' })).toContainText(company);
      await checkPage(page);

      expect(problems).toEqual([]);
      expect(adminProblems).toEqual([]);
      await page.context().close();
      await admin.context().close();
    });

    test('a company admin invites a colleague who accepts through the mail link', async ({
      browser,
    }) => {
      test.setTimeout(200_000);
      const { admin, problems: adminProblems } = await adminOnItsOwn(browser);
      const { page: owner, problems: ownerProblems } = await newPerson(
        browser,
        admin,
        'client',
        'Riley Owner',
        width.options,
      );
      const company = `Blue Harbor ${unique()}`;
      await onboardWithNewCompany(owner, company);

      // The colleague's address is approved for Arete; the company admin invites it.
      const colleagueEmail = uniqueEmail('colleague');
      await approve(admin, colleagueEmail, 'client');
      await owner.getByRole('button', { name: 'Invite someone' }).click();
      const dialog = owner.getByRole('dialog', { name: `Invite someone to ${company}` });
      await dialog.getByLabel('Email').fill('not-an-address');
      await dialog.getByRole('button', { name: 'Send invitation' }).click();
      await expect(dialog.getByText('Enter an email address like name@example.com.')).toBeVisible();
      await checkPage(owner);
      await dialog.getByLabel('Email').fill(colleagueEmail);
      await dialog.getByRole('button', { name: 'Send invitation' }).click();
      await expect(dialog).toBeHidden();
      await expect(
        owner.getByRole('status').getByText(`${colleagueEmail} is invited`),
      ).toBeVisible();
      const pending = owner.getByRole('table', { name: 'Pending invitations' });
      await expect(pending.getByRole('row').filter({ hasText: colleagueEmail })).toContainText(
        'Member',
      );
      await checkPage(owner);

      // The colleague opens the mail's link, signed out: sign in or sign up first.
      const colleague = await (await browser.newContext(width.options)).newPage();
      const colleagueProblems = watchForProblems(colleague);
      const link = await linkInMail(admin, colleagueEmail, ORG_INVITATION, /\/invitations\//);
      await colleague.goto(link);
      await expect(
        colleague.getByRole('heading', { level: 1, name: 'You are invited to an organization' }),
      ).toBeVisible();
      await checkPage(colleague);
      await colleague.getByRole('link', { name: 'Create an account' }).click();
      await expect(colleague).toHaveURL(/\/sign-up\?email=/);
      await signUpAndChoosePassword(
        colleague,
        admin,
        colleague.url().replace(/^https?:\/\/[^/]+/, ''),
        colleagueEmail,
        'Jamie Colleague',
      );
      // Their onboarding offers the company that invited them.
      await expect(colleague).toHaveURL('/onboarding', { timeout: 30_000 });
      const onboarding = colleague.getByRole('form', { name: 'Get ready for coaching' });
      await onboarding.getByRole('button', { name: 'Next' }).click();
      await expect(onboarding.getByRole('radio', { name: `Join ${company}` })).toBeChecked();

      // The mail's link again, signed in: the invitation, to accept.
      await colleague.goto(link);
      await expect(
        colleague.getByRole('heading', { level: 1, name: `Join ${company}` }),
      ).toBeVisible();
      await expect(colleague.getByRole('main')).toContainText('Client company');
      await checkPage(colleague);
      await colleague.getByRole('button', { name: 'Accept and join' }).click();
      await expect(colleague).toHaveURL(/\/organizations\/[^/]+$/, { timeout: 30_000 });
      await expect(colleague.getByRole('heading', { level: 1, name: company })).toBeVisible();
      await expect(colleague.getByRole('main')).toContainText('You are a member');
      // A member sees the details and the members, and cannot change them.
      await expect(colleague.getByRole('form', { name: 'Company details' })).toHaveCount(0);
      await expect(colleague.getByRole('button', { name: 'Invite someone' })).toHaveCount(0);
      await checkPage(colleague);

      // The company admin sees the colleague among the members, and makes them an admin.
      await owner.reload();
      const row = owner
        .getByRole('table', { name: 'Members' })
        .getByRole('row')
        .filter({ hasText: colleagueEmail });
      await expect(row).toContainText('Member');
      await expect(owner.getByText('No pending invitations.')).toBeVisible();
      await row.getByRole('combobox', { name: `Role of ${colleagueEmail}` }).selectOption('admin');
      await row.getByRole('button', { name: `Change role of ${colleagueEmail}` }).click();
      await expect(
        owner.getByRole('status').getByText('Jamie Colleague is now an admin'),
      ).toBeVisible();
      await expect(row).toContainText('Admin');
      await checkPage(owner);

      expect(colleagueProblems).toEqual([]);
      expect(ownerProblems).toEqual([]);
      expect(adminProblems).toEqual([]);
      await colleague.context().close();
      await owner.context().close();
      await admin.context().close();
    });
  });
}
