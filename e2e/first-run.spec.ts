import { expect, type Page, test } from '@playwright/test';
import { ADMIN, CLIENT, COACH, DEMO_PASSWORD, fillSignIn, PHONE } from './support/accounts.ts';
import { checkPage } from './support/page-checks.ts';
import { watchForProblems } from './support/problems.ts';

/*
 * The README's first run, to the letter: the server started with `--demo` (playwright.config.ts
 * starts it so), a visitor on the home page signs in as each demo account and reaches every page of
 * their area from the navigation, at a desktop width and at a phone's. On every page: no sideways
 * scrolling, no validator's words, and nothing axe finds.
 */

type Area = {
  email: string;
  name: RegExp;
  home: string;
  /** The navigation's links, in order, with the page each opens and that page's heading. */
  pages: { link: string; path: string; heading: string | RegExp }[];
};

const AREAS: Record<'admin' | 'coach' | 'client', Area> = {
  admin: {
    email: ADMIN,
    name: /Avery Admin/,
    home: '/admin',
    pages: [
      { link: 'Overview', path: '/admin', heading: 'Overview' },
      { link: 'Waitlist', path: '/admin/waitlist', heading: 'Waitlist' },
      { link: 'Approved users', path: '/admin/approved-users', heading: 'Approved users' },
      { link: 'Users', path: '/admin/users', heading: 'Users' },
      { link: 'Audit log', path: '/admin/audit-log', heading: 'Audit log' },
      { link: 'Mail outbox', path: '/admin/outbox', heading: /outbox/i },
      { link: 'System status', path: '/admin/status', heading: 'System status' },
      { link: 'Account', path: '/account', heading: /Avery Admin/ },
    ],
  },
  coach: {
    email: COACH,
    name: /Ada/,
    home: '/coach',
    pages: [
      { link: 'Overview', path: '/coach', heading: /^Welcome, / },
      { link: 'Welcome guide', path: '/onboarding', heading: 'Set up your practice' },
      { link: 'Account', path: '/account', heading: /Ada/ },
    ],
  },
  client: {
    email: CLIENT,
    name: /Cleo/,
    home: '/member',
    pages: [
      { link: 'Overview', path: '/member', heading: /^Welcome, / },
      { link: 'Welcome guide', path: '/onboarding', heading: /./ },
      { link: 'Account', path: '/account', heading: /Cleo/ },
    ],
  },
};

const WIDTHS = [
  { label: 'desktop', options: { viewport: { width: 1280, height: 800 } }, phone: false },
  { label: 'phone', options: PHONE, phone: true },
] as const;

/** Follows a link of the area's navigation: the sidebar, or on a phone the menu above the page. */
async function followNavigation(page: Page, link: string, phone: boolean) {
  const nav = page.getByRole('navigation', { name: 'Workspace' });
  if (phone) {
    const menu = nav.getByRole('button', { name: /^Menu/ });
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
  }
  await nav.getByRole('link', { name: link, exact: true }).click();
}

for (const width of WIDTHS) {
  test.describe(`first run, ${width.label}`, () => {
    test.use(width.options);

    test('a visitor finds the way in: the home page, the waitlist and the sign-in page', async ({
      page,
    }) => {
      const problems = watchForProblems(page);
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await checkPage(page);

      await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
      await expect(page).toHaveURL('/sign-in');
      await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible();
      await checkPage(page);

      // Sign-up explains waitlist mode before it asks for anything.
      await page.goto('/sign-up');
      const explanation = page.getByText('Arete is invitation only for now');
      const firstField = page.getByRole('form', { name: 'Sign up' }).getByLabel('Name');
      await expect(explanation).toBeVisible();
      const [explained, asked] = await Promise.all([
        explanation.boundingBox(),
        firstField.boundingBox(),
      ]);
      expect(explained?.y ?? 0).toBeLessThan(asked?.y ?? 0);
      await checkPage(page);
      expect(problems).toEqual([]);
    });

    for (const [role, area] of Object.entries(AREAS)) {
      test(`the demo ${role} signs in and reaches every page of the ${role} area`, async ({
        page,
      }) => {
        // Each page is followed, settled and checked (axe, no sideways scroll): its budget grows
        // with the area, so the admin's eight pages do not fail a slow machine.
        test.setTimeout(60_000 + area.pages.length * 15_000);
        const problems = watchForProblems(page);

        // From the home page, as the README says: sign in with the demo password.
        await page.goto('/');
        await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
        await fillSignIn(page, area.email, DEMO_PASSWORD);
        await expect(page).toHaveURL(area.home);
        const menuButton = page.getByRole('banner').getByRole('button', { name: area.name });
        await expect(menuButton).toBeVisible();

        for (const target of area.pages) {
          await followNavigation(page, target.link, width.phone);
          await expect(page).toHaveURL(target.path);
          await expect(
            page.getByRole('main').getByRole('heading', { level: 1, name: target.heading }),
          ).toBeVisible();
          // The page has settled (its lists loaded) before it is looked at.
          await expect(page.getByRole('main').getByText('Loading…')).toHaveCount(0);
          await expect(page.getByRole('main').getByRole('status', { name: /Loading/ })).toHaveCount(
            0,
          );
          const current = page
            .getByRole('navigation', { name: 'Workspace' })
            .getByRole('link', { name: target.link, exact: true });
          if (!width.phone) await expect(current).toHaveAttribute('aria-current', 'page');
          await checkPage(page);
        }

        // "Home" is their own area, not the marketing page.
        await page.getByRole('banner').getByRole('link', { name: 'Home' }).click();
        await expect(page).toHaveURL(area.home);

        // The user menu answers the keyboard as a menu: arrows move, Escape closes.
        await menuButton.focus();
        await page.keyboard.press('Enter');
        const menu = page.getByRole('menu');
        await expect(menu).toBeVisible();
        await expect(menu.getByRole('menuitem').first()).toBeFocused();
        await page.keyboard.press('ArrowDown');
        await expect(menu.getByRole('menuitem').nth(1)).toBeFocused();
        await page.keyboard.press('End');
        await expect(menu.getByRole('menuitem', { name: 'Sign out' })).toBeFocused();
        await checkPage(page);
        await page.keyboard.press('Escape');
        await expect(menu).toBeHidden();
        await expect(menuButton).toBeFocused();

        // Signing out ends on the home page, signed out.
        await menuButton.click();
        await page.getByRole('menuitem', { name: 'Sign out' }).click();
        await expect(page).toHaveURL('/');
        await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
        expect(problems).toEqual([]);
      });
    }
  });
}
