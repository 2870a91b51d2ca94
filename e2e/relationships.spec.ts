import { type Browser, expect, type Page, test } from '@playwright/test';
import { CLIENT, linkInMail, PHONE, signedInPage, uniqueEmail } from './support/accounts.ts';
import { checkPage } from './support/page-checks.ts';
import { adminOnItsOwn, newPerson, signUpAndChoosePassword, unique } from './support/people.ts';
import { watchForProblems } from './support/problems.ts';

/*
 * Coaching relationships, as people do it (waitlist mode): a coach invites a new email, whose owner
 * signs up from the mail's link, accepts, and finds the coach on their coaching page, and the demo
 * client asks the same coach from the directory, who accepts on their clients page; a member with
 * no coach asks for one, an admin matches them with a listed coach, and the member accepts. At a
 * desktop width and at a phone's; every page checked (no sideways scrolling, no validator's words,
 * nothing axe finds).
 */

const WIDTHS = [
  { label: 'desktop', options: { viewport: { width: 1280, height: 800 } } },
  { label: 'phone', options: PHONE },
] as const;

const COACH_INVITATION = 'You are invited to join';
const SHARE_CONTEXT = 'Share my context with my coach before sessions';

/**
 * The coach's practice, made through the API with the browser's own session (the onboarding
 * wizard has a journey of its own in organizations.spec.ts).
 */
async function setUpPractice(page: Page, practice: string) {
  const token = await page.request.get('/api/auth/token');
  expect(token.ok()).toBe(true);
  const { token: bearer } = (await token.json()) as { token: string };
  const created = await page.request.post('/api/v1/profiles/coach', {
    headers: { authorization: `Bearer ${bearer}` },
    data: {
      profile: { firstName: 'Casey', lastName: 'Coach', headline: 'Leadership coach' },
      practice: {
        name: practice,
        specialties: ['Leadership', 'Career change'],
        experience_years: 12,
        philosophy: 'Clients find their own answers; I ask the questions that help.',
        listed: true,
      },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
}

/** The demo admin, and a new coach with a listed practice. */
async function aCoach(browser: Browser, options: object) {
  const { admin, problems: adminProblems } = await adminOnItsOwn(browser);
  const { page: coach, problems: coachProblems } = await newPerson(
    browser,
    admin,
    'coach',
    'Casey Coach',
    options,
  );
  const practice = `North Star ${unique()}`;
  await setUpPractice(coach, practice);
  return { admin, adminProblems, coach, coachProblems, practice };
}

for (const width of WIDTHS) {
  test.describe(`relationships, ${width.label}`, () => {
    test.use(width.options);

    test('a coach invites a new email, whose owner accepts; a client asks from the directory', async ({
      browser,
    }) => {
      test.setTimeout(200_000);
      const { admin, adminProblems, coach, coachProblems, practice } = await aCoach(
        browser,
        width.options,
      );

      // The coach invites an address nobody approved: the invitation vouches for it.
      const clientEmail = uniqueEmail('invited');
      await coach.goto('/coach/clients');
      await expect(coach.getByRole('heading', { level: 1, name: 'My clients' })).toBeVisible();
      await checkPage(coach);
      await coach.getByRole('button', { name: 'Invite a client' }).click();
      const dialog = coach.getByRole('dialog', { name: 'Invite a client' });
      await dialog.getByLabel('Email').fill('not-an-address');
      await dialog.getByRole('button', { name: 'Send invitation' }).click();
      await expect(dialog.getByText('Enter an email address like name@example.com.')).toBeVisible();
      await checkPage(coach);
      await dialog.getByLabel('Email').fill(clientEmail);
      await dialog.getByLabel('Message (optional)').fill('Looking forward to working with you.');
      await dialog.getByRole('button', { name: 'Send invitation' }).click();
      await expect(coach.getByRole('status').getByText(`${clientEmail} is invited`)).toBeVisible();
      const clients = coach.getByRole('table', { name: 'Clients' });
      await expect(clients.getByRole('row').filter({ hasText: clientEmail })).toContainText(
        'Pending',
      );
      await checkPage(coach);

      // The invitee follows the mail's link, signs up, and accepts.
      const client = await (await browser.newContext(width.options)).newPage();
      const clientProblems = watchForProblems(client);
      const link = await linkInMail(admin, clientEmail, COACH_INVITATION, /\/invitations\//);
      await client.goto(link);
      await client.getByRole('link', { name: 'Create an account' }).click();
      await expect(client).toHaveURL(/\/sign-up\?email=/);
      await signUpAndChoosePassword(
        client,
        admin,
        client.url().replace(/^https?:\/\/[^/]+/, ''),
        clientEmail,
        'Robin Client',
      );
      await expect(client).toHaveURL('/onboarding', { timeout: 30_000 });
      await client.goto(link);
      await expect(
        client.getByRole('heading', { level: 1, name: `Join ${practice}` }),
      ).toBeVisible();
      await checkPage(client);
      await client.getByRole('button', { name: 'Accept and join' }).click();
      await expect(client).toHaveURL('/member/coaching', { timeout: 30_000 });

      // Their coaching page shows the coach; the session setting survives a reload.
      const card = client.getByRole('article').filter({ hasText: 'Casey Coach' });
      await expect(card).toContainText(practice);
      await expect(card).toContainText('Active');
      await expect(card).toContainText('Leadership');
      const share = client.getByRole('switch', { name: SHARE_CONTEXT });
      await expect(share).toHaveAttribute('aria-checked', 'false');
      await share.click();
      await expect(client.getByRole('status').getByText('Saved.')).toBeVisible();
      await checkPage(client);
      await client.reload();
      await expect(client.getByRole('switch', { name: SHARE_CONTEXT })).toHaveAttribute(
        'aria-checked',
        'true',
      );

      // The coach sees an active client.
      await coach.reload();
      await expect(clients.getByRole('row').filter({ hasText: clientEmail })).toContainText(
        'Active',
      );
      await checkPage(coach);

      // The demo client finds the coach in the directory and asks; the coach accepts.
      const { page: asker, problems: askerProblems } = await signedInPage(
        browser,
        CLIENT,
        undefined,
        width.options,
      );
      await asker.goto('/coaches');
      await expect(asker.getByRole('heading', { level: 1, name: 'Find a coach' })).toBeVisible();
      const find = asker.getByRole('search', { name: 'Find coaches' });
      await find.getByLabel('Search').fill(practice);
      await find.getByRole('button', { name: 'Search', exact: true }).click();
      const listing = asker.getByRole('table', { name: 'Coaches' }).getByRole('row', {
        name: new RegExp(practice),
      });
      await expect(listing).toContainText('Leadership');
      await checkPage(asker);
      await listing.getByRole('button', { name: /Ask to work with this coach/ }).click();
      const ask = asker.getByRole('dialog', { name: 'Ask Casey Coach to work with you' });
      await ask.getByLabel('Message (optional)').fill('I would like help with a new role.');
      await ask.getByRole('button', { name: 'Send request' }).click();
      await expect(
        asker.getByRole('status').getByText('Your request is on its way to Casey Coach'),
      ).toBeVisible();
      await expect(listing).toContainText('Waiting for an answer');

      await coach.reload();
      const requests = coach.getByRole('table', { name: 'Requests to answer' });
      const request = requests.getByRole('row').filter({ hasText: 'I would like help' });
      await expect(request).toBeVisible();
      await checkPage(coach);
      await request.getByRole('button', { name: /^Accept/ }).click();
      await expect(request).toHaveCount(0);
      await expect(
        clients.getByRole('row').filter({ hasText: 'client.cleo@arete.local' }),
      ).toContainText('Active');
      await asker.reload();
      await expect(listing).toContainText('Your coach');

      expect(askerProblems).toEqual([]);
      expect(clientProblems).toEqual([]);
      expect(coachProblems).toEqual([]);
      expect(adminProblems).toEqual([]);
      await asker.context().close();
      await client.context().close();
      await coach.context().close();
      await admin.context().close();
    });

    test('a member asks for a coach; an admin matches them; the member accepts', async ({
      browser,
    }) => {
      test.setTimeout(200_000);
      const { admin, adminProblems, coach, coachProblems, practice } = await aCoach(
        browser,
        width.options,
      );
      const { page: member, problems: memberProblems } = await newPerson(
        browser,
        admin,
        'client',
        'Sam Member',
        width.options,
      );

      // No coach yet: the interest form, which says what each field needs in plain words.
      await member.goto('/member/coaching');
      await expect(member.getByRole('heading', { name: 'You have no coach yet' })).toBeVisible();
      const form = member.getByRole('form', { name: 'Ask for a coach' });
      await form.getByRole('button', { name: 'Send my interest' }).click();
      await checkPage(member);
      await form.getByLabel('What do you want from coaching?').fill('Lead my new team well.');
      await form.getByLabel('Focus areas').fill('Leadership, Confidence');
      await form.getByLabel('How would you like to meet?').selectOption('video');
      await form.getByRole('button', { name: 'Send my interest' }).click();
      await expect(member.getByText('Thank you: your interest is sent')).toBeVisible();
      await checkPage(member);

      // The admin opens the submission and matches it with the listed coach.
      await admin.goto('/admin/coaching-interest');
      await admin.getByRole('link', { name: 'Open the submission of Sam Member' }).first().click();
      await expect(admin.getByRole('heading', { level: 1, name: 'Sam Member' })).toBeVisible();
      await expect(admin.getByRole('main')).toContainText('Lead my new team well.');
      await checkPage(admin);
      const choose = admin.getByRole('form', { name: 'Choose a coach' });
      await choose.getByRole('radio', { name: new RegExp(practice) }).check();
      await choose.getByRole('button', { name: 'Match…' }).click();
      await admin.getByRole('button', { name: 'Match and invite' }).click();
      await expect(admin.getByRole('main')).toContainText('Pending');
      await checkPage(admin);

      // The member finds the coach's invitation on their coaching page and accepts it.
      await expect(async () => {
        await member.goto('/member/coaching');
        await expect(member.getByRole('button', { name: 'Accept Casey Coach' })).toBeVisible({
          timeout: 2_000,
        });
      }).toPass({ timeout: 30_000 });
      await checkPage(member);
      await member.getByRole('button', { name: 'Accept Casey Coach' }).click();
      const card = member.getByRole('article').filter({ hasText: 'Casey Coach' });
      await expect(card).toContainText('Active', { timeout: 30_000 });
      await expect(card).toContainText(practice);
      await checkPage(member);

      expect(memberProblems).toEqual([]);
      expect(coachProblems).toEqual([]);
      expect(adminProblems).toEqual([]);
      await member.context().close();
      await coach.context().close();
      await admin.context().close();
    });
  });
}
