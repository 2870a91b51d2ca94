import fs from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { textPdf } from '../src/server/modules/documents/extraction/test-support/pdf-writer.ts';
import { CLIENT, COACH, PHONE, signedInPage } from './support/accounts.ts';
import { api, connect, json } from './support/coaching.ts';
import { checkPage } from './support/page-checks.ts';

/*
 * Documents, as people use them: the demo client uploads a real PDF (written here, with a word no
 * other file holds), watches its text being read, finds it by that word (marked in the snippet
 * and in the text), shares it; the demo coach opens the client from their clients page, reads the
 * text and downloads the very bytes uploaded; once the coaching is paused, the coach reads nothing
 * and is told why; the client deletes it. A dropped file that is no document is refused in plain words. At a desktop
 * width and at a phone's, one after the other (they share the two people); every page checked (no
 * sideways scrolling, no validator's words, nothing axe finds).
 */

test.describe.configure({ mode: 'serial' });

const WIDTHS = [
  { label: 'desktop', options: { viewport: { width: 1280, height: 800 } } },
  { label: 'phone', options: PHONE },
] as const;

/** A word of letters only, found in no other file: the search must find this file by it. */
function uniqueWord(): string {
  const letters = 'bcdfghjklmnprtvz';
  const vowels = 'aeiou';
  let word = 'quill';
  for (let i = 0; i < 4; i += 1) {
    word += letters[Math.floor(Math.random() * letters.length)];
    word += vowels[Math.floor(Math.random() * vowels.length)];
  }
  return `${word}t`;
}

/**
 * What a page recorded, but the refused upload the journey makes on purpose: its 415 answer, and
 * the line the browser logs for it (which names the status, not the address).
 */
const unexpected = (problems: string[]) =>
  problems.filter(
    (problem) =>
      !problem.startsWith('HTTP 415: ') &&
      !problem.includes('responded with a status of 415 (Unsupported Media Type)'),
  );

/** The same for the coach: the 404s of the paused relationship's document, and their log lines. */
const refusedWhilePaused = (problems: string[]) =>
  problems.filter(
    (problem) =>
      !/^HTTP 404: .*\/api\/v1\/relationships\/[^/]+\/documents\//.test(problem) &&
      !problem.includes('responded with a status of 404 (Not Found)'),
  );

for (const width of WIDTHS) {
  test(`documents, ${width.label}: upload, search, share; the coach reads and downloads`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const { page: client, problems: clientProblems } = await signedInPage(
      browser,
      CLIENT,
      undefined,
      width.options,
    );
    const { page: coach, problems: coachProblems } = await signedInPage(
      browser,
      COACH,
      undefined,
      width.options,
    );
    await connect(coach, client);

    const word = uniqueWord();
    const title = `Quarter review ${word}`;
    const pdf = textPdf([
      ['Reflection on my first quarter as a team lead.', `The ${word} project taught me most.`],
      ['Delegation and honest feedback were the hardest parts.'],
    ]);

    // The client finds Documents in the navigation.
    await client.goto('/member');
    const workspace = client.getByRole('navigation', { name: 'Workspace' });
    if (width.label === 'phone') await workspace.getByRole('button', { name: /^Menu/ }).click();
    await workspace.getByRole('link', { name: 'Documents' }).click();
    await expect(client).toHaveURL('/documents');
    await expect(client.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
    const upload = client.getByRole('form', { name: 'Upload documents' });
    await expect(upload.getByLabel('Share with my coaches')).not.toBeChecked();
    await checkPage(client);

    // Without a category nothing is sent; the form says what is missing.
    await upload.getByLabel('Choose files or drop them here').setInputFiles({
      name: 'review.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await upload.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(upload.getByText('Choose a category.')).toBeVisible();
    await upload.getByLabel('Category').selectOption({ label: 'Reflection' });
    await upload.getByLabel('Title (optional)').fill(title);
    await upload.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(upload.getByRole('progressbar', { name: 'Upload of review.pdf' })).toHaveAttribute(
      'value',
      '100',
    );
    await expect(client.getByRole('status').getByText(`“${title}” is uploaded`)).toBeVisible();

    // A file dropped on the form that is no document is refused, in words a person reads.
    const dropped = await client.evaluateHandle((hex) => {
      const bytes = new Uint8Array((hex.match(/../g) ?? []).map((pair) => parseInt(pair, 16)));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'holiday.png', { type: 'image/png' }));
      return transfer;
    }, '89504e470d0a1a0a0000000d49484452');
    await upload.getByText('Choose files', { exact: true }).dispatchEvent('drop', {
      dataTransfer: dropped,
    });
    await upload.getByRole('button', { name: 'Upload', exact: true }).click();
    const refused = upload.getByRole('listitem').filter({ hasText: 'holiday.png' });
    await expect(refused).toContainText('Not uploaded');
    await expect(refused).toContainText(/cannot be uploaded|not a PDF/);
    await checkPage(client);
    await upload.getByRole('button', { name: 'Remove holiday.png' }).click();

    // Its text is read in the background; the list follows until it is.
    const documents = client.getByRole('table', { name: 'Your documents' });
    const row = documents.getByRole('row').filter({ hasText: title });
    await expect(row).toContainText('Text ready', { timeout: 60_000 });
    await expect(row).toContainText('Private');

    // The word finds it, marked in the snippet.
    const find = client.getByRole('search', { name: 'Find documents' });
    await find.getByLabel('Search').fill(word);
    await find.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(documents.getByRole('row')).toHaveCount(2);
    await expect(row.locator('mark').filter({ hasText: word })).toBeVisible();
    await checkPage(client);

    // Its page shows the text with the word marked; the client shares it.
    await row.getByRole('link', { name: title }).click();
    await expect(client.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const text = client.getByRole('region', { name: `Text of ${title}` });
    await expect(text).toContainText('Delegation and honest feedback were the hardest parts.');
    await expect(text.locator('mark')).toHaveText([word]);
    const share = client.getByRole('switch', { name: 'Shared with my coaches' });
    await expect(share).toHaveAttribute('aria-checked', 'false');
    await share.click();
    await expect(share).toHaveAttribute('aria-checked', 'true');
    await expect(client.getByText('Saved.')).toBeVisible();
    await checkPage(client);

    // The coach opens the client from their clients page, finds the document by the word.
    await coach.goto('/coach/clients');
    const clientRow = coach
      .getByRole('table', { name: 'Clients' })
      .getByRole('row')
      .filter({ hasText: CLIENT });
    await expect(clientRow).toContainText('Active');
    await checkPage(coach);
    await clientRow.getByRole('link', { name: /^Documents of / }).click();
    await expect(coach).toHaveURL(/\/coach\/clients\/[^/]+\/documents$/);
    await expect(coach.getByRole('heading', { level: 1, name: /^Documents of / })).toBeVisible();
    const shared = coach.getByRole('table', { name: 'Shared documents' });
    await expect(shared.getByRole('row').filter({ hasText: title })).toBeVisible();
    await checkPage(coach);
    const coachFind = coach.getByRole('search', { name: 'Find shared documents' });
    await coachFind.getByLabel('Search').fill(word);
    await coachFind.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(shared.getByRole('row')).toHaveCount(2);
    await shared.getByRole('link', { name: title }).click();

    // It reads the text, and downloads the very bytes the client uploaded.
    const coachText = coach.getByRole('region', { name: `Text of ${title}` });
    await expect(coachText).toContainText('Reflection on my first quarter as a team lead.');
    await expect(coachText.locator('mark')).toHaveText([word]);
    await checkPage(coach);
    const [download] = await Promise.all([
      coach.waitForEvent('download'),
      coach.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('review.pdf');
    expect((await fs.readFile(await download.path())).equals(pdf)).toBe(true);

    // Paused coaching ends the coach's access at once, and the page says so plainly.
    const asCoach = await api(coach);
    const relationshipId = /\/coach\/clients\/([^/]+)\//.exec(coach.url())?.[1] ?? '';
    const path = `/api/v1/relationships/${relationshipId}`;
    await json(await asCoach.patch(path, { status: 'paused' }));
    await coach.reload();
    await expect(
      coach.getByRole('heading', { level: 1, name: 'Documents not available' }),
    ).toBeVisible();
    await expect(coach.getByRole('main')).toContainText('is paused');
    await checkPage(coach);
    await json(await asCoach.patch(path, { status: 'active' }));

    // The client deletes it, once they said yes; it leaves their list.
    await client.getByRole('button', { name: 'Delete document' }).click();
    const confirm = client.getByRole('dialog', { name: `Delete “${title}”?` });
    await expect(confirm).toContainText('your coaches can no longer read it');
    await checkPage(client);
    await confirm.getByRole('button', { name: 'Delete document' }).click();
    await expect(client).toHaveURL('/documents');
    await expect(client.getByRole('status').getByText(`“${title}” is deleted`)).toBeVisible();
    await expect(documents.getByRole('row').filter({ hasText: title })).toHaveCount(0);

    expect(unexpected(clientProblems)).toEqual([]);
    expect(refusedWhilePaused(coachProblems)).toEqual([]);
    await client.context().close();
    await coach.context().close();
  });
}
