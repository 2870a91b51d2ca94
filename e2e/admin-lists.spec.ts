import { type BrowserContextOptions, expect, type Page, test } from '@playwright/test';
import { ADMIN, PHONE, signedInPage } from './support/accounts.ts';
import { checkPage } from './support/page-checks.ts';

/*
 * The admin lists, walked as the demo admin at a desktop width and at a phone's: each list is
 * filtered, sorted and paged; a bad filter in the address is explained instead of failing; a page
 * past the end says so and links to the last one; waitlist entries are approved and rejected one
 * row at a time. Every page state is checked: no sideways scrolling, no validator's words, nothing
 * axe finds. Runs against the server in waitlist mode, with the demo accounts.
 */

const WIDTHS: { label: string; options: BrowserContextOptions }[] = [
  { label: 'desktop', options: { viewport: { width: 1280, height: 900 } } },
  { label: 'phone', options: PHONE },
];

/** 23 emails of one run (two pages of 20), and what the import is given. */
function seed(tag: string) {
  const emails = Array.from(
    { length: 23 },
    (_, index) => `lists.${tag}.${String(index + 1).padStart(2, '0')}@example.com`,
  );
  const csv = [
    'email,role,notes,name',
    ...emails.map(
      (email, index) =>
        `${email},${index % 2 === 0 ? 'coach' : 'client'},Imported for the list journey,Lister ${index + 1}`,
    ),
    'not-an-email,coach,,',
  ].join('\n');
  return { emails, csv };
}

const rowOf = (page: Page, email: string) => page.getByRole('row').filter({ hasText: email });

for (const width of WIDTHS) {
  test.describe(`admin lists, ${width.label}`, () => {
    test('import, then filter, sort and page the lists, and decide entries one row at a time', async ({
      browser,
    }) => {
      test.setTimeout(180_000);
      const tag = `${width.label}${Date.now().toString(36)}`;
      const { emails, csv } = seed(tag);
      const [first, second] = emails as [string, string];
      const { page: admin, problems } = await signedInPage(
        browser,
        ADMIN,
        undefined,
        width.options,
      );
      await expect(admin).toHaveURL('/admin');

      // Approved users: an all-or-nothing import with a bad row is off, and says why.
      await admin.goto('/admin/approved-users');
      await expect(admin.getByRole('heading', { level: 1, name: 'Approved users' })).toBeVisible();
      await checkPage(admin);
      const importer = admin.getByRole('region', { name: 'Import', exact: true });
      await importer.getByLabel('…or paste CSV').fill(csv);
      await importer.getByLabel('Send sign-up invitations to newly approved emails').uncheck();
      const importButton = importer.getByRole('button', { name: 'Import', exact: true });
      await expect(importButton).toBeDisabled();
      await importer.getByRole('button', { name: 'Check (dry run)' }).click();
      const preview = importer.getByRole('region', { name: 'Preview' });
      await expect(preview).toContainText('24 rows: 23 would be added, 1 with errors.');
      await expect(preview.getByRole('row').filter({ hasText: first })).toContainText(
        'Would be added',
      );
      await expect(preview.getByRole('row').filter({ hasText: 'not-an-email' })).toContainText(
        'The email address is not a valid email address.',
      );
      await expect(importButton).toBeDisabled();
      await expect(importButton).toHaveAccessibleDescription(/Import is off: 1 row has errors/);
      await checkPage(admin);

      // Valid rows only: checked again, then imported; said once, in the page.
      await importer.getByRole('radio', { name: /Valid rows only/ }).check();
      await importer.getByRole('button', { name: 'Check (dry run)' }).click();
      await expect(importer).toContainText('1 row has errors and will be skipped');
      await importButton.click();
      const report = importer.getByRole('region', { name: 'Import report' });
      await expect(report).toContainText('24 rows: 23 added, 1 error.');
      await expect(importer.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
      await expect(importer).not.toContainText('Nothing was imported');
      await expect(admin.getByRole('region', { name: 'Notifications' })).not.toContainText(
        'Import',
      );

      // Filtered to this run: two pages, the second reached by Next.
      const approvedFilters = admin.getByRole('search', { name: 'Find approved users' });
      await approvedFilters.getByLabel('Search').fill(`lists.${tag}`);
      await approvedFilters.getByRole('button', { name: 'Search', exact: true }).click();
      await expect(admin).toHaveURL(`/admin/approved-users?query=lists.${tag}`);
      const approvedPages = admin.getByRole('navigation', { name: 'Approved users pages' });
      await expect(approvedPages).toContainText('Showing 1–20 of 23 · page 1 of 2');
      await approvedPages.getByRole('link', { name: 'Next' }).click();
      await expect(admin).toHaveURL(`/admin/approved-users?query=lists.${tag}&page=2`);
      await expect(approvedPages).toContainText('Showing 21–23 of 23 · page 2 of 2');
      await approvedFilters.getByLabel('Role').selectOption('client');
      await expect(admin).toHaveURL(`/admin/approved-users?query=lists.${tag}&role=client`);
      await expect(approvedPages).toContainText('Showing 1–11 of 11');
      await checkPage(admin);

      // The waitlist, asked for a status it does not know: explained, and the list shown anyway.
      await admin.goto(`/admin/waitlist?query=lists.${tag}&status=bogus`);
      const notice = admin.getByRole('status').filter({ hasText: 'Part of this address' });
      await expect(notice).toContainText(
        '“bogus” is not a status this list knows, so the list shows every status.',
      );
      const waitlistPages = admin.getByRole('navigation', { name: 'Waitlist pages' });
      await expect(waitlistPages).toContainText('Showing 1–20 of 23');
      await checkPage(admin);
      await notice.getByRole('link', { name: 'Remove it from the address' }).click();
      await expect(admin).toHaveURL(`/admin/waitlist?query=lists.${tag}`);
      await expect(notice).toHaveCount(0);

      // Sorted by email, A to Z and back.
      const table = admin.getByRole('table', { name: /Waitlist entries/ });
      const emailHeader = table.getByRole('columnheader', { name: 'Email' });
      await emailHeader.getByRole('button', { name: 'Email' }).click();
      await expect(admin).toHaveURL(`/admin/waitlist?query=lists.${tag}&sort=email&order=asc`);
      await expect(emailHeader).toHaveAttribute('aria-sort', 'ascending');
      await expect(table.getByRole('row').nth(1)).toContainText(first);
      await emailHeader.getByRole('button', { name: 'Email' }).click();
      await expect(emailHeader).toHaveAttribute('aria-sort', 'descending');
      await expect(table.getByRole('row').nth(1)).toContainText(emails[22] as string);

      // A page past the end says where the end is, and links to it.
      await admin.goto(`/admin/waitlist?query=lists.${tag}&sort=email&order=asc&page=999`);
      const pastEnd = admin.getByRole('status').filter({ hasText: 'Page 999 is past the end' });
      await expect(pastEnd).toContainText('It ends on page 2.');
      await checkPage(admin);
      await pastEnd.getByRole('link', { name: 'Go to page 2, the last one' }).click();
      await expect(admin).toHaveURL(
        `/admin/waitlist?query=lists.${tag}&sort=email&order=asc&page=2`,
      );
      await expect(waitlistPages).toContainText('Showing 21–23 of 23');

      // One row rejected, then approved again, each from its own row.
      await admin.goto(`/admin/waitlist?query=lists.${tag}&sort=email&order=asc`);
      await rowOf(admin, first)
        .getByRole('button', { name: `Reject ${first}` })
        .click();
      const reject = admin.getByRole('dialog', { name: 'Reject 1 entry?' });
      await expect(reject).toContainText(first);
      await reject.getByLabel('Notes (optional)').fill('Rejected from its row');
      await reject.getByRole('button', { name: 'Reject', exact: true }).click();
      await expect(reject).toBeHidden();
      const rejected = admin.getByRole('status').filter({ hasText: 'Rejection: 1 rejected' });
      await expect(rejected).toContainText(`${first}: rejected`);
      // The row's button is gone with its status: focus went to what happened.
      await expect(rejected.locator('xpath=..')).toBeFocused();
      await expect(rowOf(admin, first).getByText('Status: Rejected')).toBeVisible();

      await rowOf(admin, first)
        .getByRole('button', { name: `Approve ${first}` })
        .click();
      const approve = admin.getByRole('dialog', { name: 'Approve 1 entry?' });
      // The role the entry asked for is chosen already.
      await expect(approve.getByLabel('Role')).toHaveValue('coach');
      await approve.getByRole('button', { name: 'Approve', exact: true }).click();
      await expect(approve).toBeHidden();
      await expect(
        admin.getByRole('status').filter({ hasText: 'Approval: 1 approved' }),
      ).toContainText(`${first}: approved, invitation sent`);
      await expect(rowOf(admin, first).getByText('Status: Approved')).toBeVisible();

      // Cancelling a row's dialog gives focus back to the row's button.
      const rejectSecond = rowOf(admin, second).getByRole('button', { name: `Reject ${second}` });
      await rejectSecond.click();
      await admin
        .getByRole('dialog', { name: 'Reject 1 entry?' })
        .getByRole('button', { name: 'Cancel' })
        .click();
      await expect(rejectSecond).toBeFocused();

      // The bulk actions are still there beside the rows' own.
      await rowOf(admin, second)
        .getByRole('checkbox', { name: `Select ${second}` })
        .check();
      await expect(admin.getByRole('toolbar', { name: 'Selected entries' })).toContainText(
        '1 selected',
      );
      await checkPage(admin);

      // The audit log names who did it, by name and email, and filters by them.
      await admin.goto('/admin/audit-log');
      const auditFilters = admin.getByRole('search', { name: 'Filter the audit log' });
      await auditFilters.getByLabel('Who').fill('Avery');
      await auditFilters.getByLabel('Target').fill(first);
      await auditFilters.getByRole('button', { name: 'Filter' }).click();
      await expect(admin).toHaveURL(
        `/admin/audit-log?who=Avery&target=${encodeURIComponent(first)}`,
      );
      const changes = admin.getByRole('table', { name: /Changes/ }).getByRole('row');
      await expect(changes).toHaveCount(4); // the header, the approval, the rejection, the import
      await expect(changes.nth(1)).toContainText('Waitlist: approved');
      await expect(changes.nth(1)).toContainText('You');
      await expect(changes.nth(2)).toContainText('Waitlist: rejected');
      await auditFilters.getByLabel('Action').selectOption('waitlist.reject');
      await expect(changes).toHaveCount(2);
      await checkPage(admin);
      // A date the calendar does not have, and a page past the end.
      await admin.goto('/admin/audit-log?who=Avery&from=2026-02-30&page=50');
      await expect(
        admin.getByRole('status').filter({ hasText: 'Part of this address' }),
      ).toContainText('“2026-02-30” is not a start date this list knows');
      await expect(
        admin.getByRole('status').filter({ hasText: 'Page 50 is past the end' }),
      ).toBeVisible();
      await checkPage(admin);

      // Users: the demo coaches by role; a role that does not exist is explained.
      await admin.goto('/admin/users?role=superuser');
      await expect(
        admin.getByRole('status').filter({ hasText: 'Part of this address' }),
      ).toContainText('“superuser” is not a role this list knows, so the list shows every role.');
      await checkPage(admin);
      const userFilters = admin.getByRole('search', { name: 'Find users' });
      await userFilters.getByLabel('Search').fill('arete.local');
      await userFilters.getByLabel('Role').selectOption('coach');
      await expect(admin).toHaveURL('/admin/users?query=arete.local&role=coach');
      await expect(admin.getByRole('table', { name: /Users/ }).getByRole('row')).toHaveCount(3);
      await admin.goto('/admin/users?query=arete.local&page=99');
      const usersPastEnd = admin.getByRole('status').filter({ hasText: 'Page 99 is past the end' });
      await usersPastEnd.getByRole('link', { name: 'Go to the first page' }).click();
      await expect(admin).toHaveURL('/admin/users?query=arete.local');
      await checkPage(admin);

      // The outbox finds mail by part of an address: the invitation of the approval above.
      await admin.goto('/admin/outbox');
      await admin.getByLabel('Recipient').fill(`${tag}.01`);
      await admin.getByRole('button', { name: 'Filter' }).click();
      await expect(admin).toHaveURL(`/admin/outbox?to=${tag}.01`);
      // The invitation is a job: it may be kept a moment after the approval.
      await expect(async () => {
        await admin.reload();
        await expect(admin.getByRole('article').filter({ hasText: first })).toHaveCount(1, {
          timeout: 2_000,
        });
      }).toPass({ timeout: 30_000 });
      await checkPage(admin);

      expect(problems).toEqual([]);
      await admin.context().close();
    });
  });
}
