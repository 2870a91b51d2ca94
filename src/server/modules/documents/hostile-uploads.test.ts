// Hostile and broken files through the API: each is accepted (its bytes are what they claim), then
// fails its extraction with its own reason, stays listed and downloadable, and has no text; while
// one is being extracted, the server goes on answering (and extracting) other requests.
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { pdfOf, upload } from '../../../../test/support/documents.ts';
import { signedInAs } from '../../../../test/support/identity.ts';
import { as, type Person } from '../../../../test/support/tenants.ts';
import { FAILURE_REASONS } from './extraction/failures.ts';
import { bombPdf, encryptedPdf, textPdf } from './extraction/test-support/pdf-writer.ts';
import { zlibDeflateZeros } from './extraction/test-support/zero-deflate.ts';
import { docx, docxEntries, writeZip } from './extraction/test-support/zip-writer.ts';
import type { FailureCode } from './extraction/types.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

const MiB = 1024 * 1024;
const PDF_MIME = 'application/pdf';
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let app: TestApp;
let owner: Person;
beforeAll(async () => {
  app = await createTestApp();
  owner = await signedInAs(app, 'client');
});
afterAll(() => app.close());

/** A DOCX whose word/document.xml holds garbage where its compressed data should be. */
function corruptDocx(): Buffer {
  const file = docx(['A paragraph long enough to be worth compressing, repeated. '.repeat(20)]);
  const name = Buffer.from('word/document.xml');
  const data = file.indexOf(name) + name.length;
  for (let i = data + 4; i < data + 40; i += 1) file[i] = 0xff;
  return file;
}

const goodPdf = textPdf([['Page one'], ['Page two']]);
const goodDocx = docx(['Some words in a Word file']);

async function uploaded(file: Uint8Array, filename: string, type: string) {
  const response = await upload(app, owner, { file, filename, type });
  expect(response.statusCode, `${filename}: ${response.body}`).toBe(201);
  expect(response.json().status).toBe('pending');
  return response.json().id as string;
}

/** The document failed with `code`'s reason, and is still listed, downloadable and without text. */
async function expectFailedCleanly(id: string, file: Uint8Array, code: FailureCode) {
  const url = `/api/v1/documents/${id}`;
  const shown = await as(app, owner).get(url);
  expect(shown.json(), code).toMatchObject({
    status: 'failed',
    failureReason: FAILURE_REASONS[code],
    extractedAt: null,
  });
  const text = await as(app, owner).get(`${url}/text`);
  expect(text.json(), code).toEqual({
    id,
    status: 'failed',
    text: null,
    pageCount: null,
    wordCount: null,
  });
  const listed = await as(app, owner).get('/api/v1/documents?status=failed&pageSize=100');
  expect(
    listed.json().data.map((d: { id: string }) => d.id),
    code,
  ).toContain(id);
  const download = await as(app, owner).get(`${url}/download`);
  expect(download.statusCode, code).toBe(200);
  expect(download.rawPayload.equals(Buffer.from(file)), code).toBe(true);
}

describe('hostile and broken files', () => {
  it('fails each with its reason, keeping it listed and downloadable', async () => {
    const bomb = {
      name: 'word/media/image1.png',
      deflated: await zlibDeflateZeros(150 * MiB),
      declaredSize: 150 * MiB,
    };
    const cases: [Uint8Array, string, string, FailureCode][] = [
      [encryptedPdf(), 'locked.pdf', PDF_MIME, 'encrypted'],
      [goodPdf.subarray(0, Math.floor(goodPdf.length * 0.7)), 'cut.pdf', PDF_MIME, 'truncated'],
      [writeZip([...docxEntries(['Hi']), bomb]), 'bomb.docx', DOCX_MIME, 'zip-ratio'],
      [goodDocx.subarray(0, goodDocx.length - 40), 'cut.docx', DOCX_MIME, 'truncated'],
      [corruptDocx(), 'corrupt.docx', DOCX_MIME, 'not-docx'],
    ];
    const ids: string[] = [];
    for (const [file, filename, type] of cases) ids.push(await uploaded(file, filename, type));
    await app.jobs.drain();
    for (const [index, [file, , , code]] of cases.entries())
      await expectFailedCleanly(ids[index] as string, file, code);
  });
});

describe('a PDF bomb', () => {
  it('fails by its memory, while the server goes on answering and extracting other documents', async () => {
    const bombFile = bombPdf(1024 * MiB);
    const bomb = await uploaded(bombFile, 'bomb.pdf', PDF_MIME);
    const draining = app.jobs.drain();
    try {
      // Every answer that shows the bomb as `extracting` was given while its extraction ran.
      let status = 'pending';
      for (let polls = 0; status === 'pending' && polls < 2_000; polls += 1) {
        await sleep(5);
        const shown = await as(app, owner).get(`/api/v1/documents/${bomb}`);
        expect(shown.statusCode).toBe(200);
        status = shown.json().status;
      }
      expect(status).toBe('extracting');

      const list = await as(app, owner).get('/api/v1/documents?pageSize=100');
      expect(list.statusCode).toBe(200);
      const other = await upload(app, owner, { file: pdfOf('Ordinary words meanwhile') });
      expect(other.statusCode).toBe(201);
      const text = await as(app, owner).get(`/api/v1/documents/${bomb}/text`);
      expect(text.statusCode).toBe(200);
      expect(text.json().text).toBeNull();
      expect((await as(app, owner).get('/api/v1/documents/usage')).statusCode).toBe(200);

      await draining;
      await expectFailedCleanly(bomb, bombFile, 'memory');
      const ordinary = await as(app, owner).get(`/api/v1/documents/${other.json().id}/text`);
      expect(ordinary.json()).toMatchObject({
        status: 'extracted',
        text: 'Ordinary words meanwhile',
      });
    } finally {
      await draining;
    }
  });
});

describe('a file lost from storage', () => {
  it('fails the extraction saying so, and answers 410 to its download', async () => {
    const file = pdfOf('Soon lost', String(Date.now()));
    await app.jobs.drain();
    await app.jobs.stop();
    let id = '';
    try {
      id = await uploaded(file, 'lost.pdf', PDF_MIME);
      const sha256 = createHash('sha256').update(file).digest('hex');
      await rm(path.join(app.uploadsDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256));
    } finally {
      app.jobs.start();
    }
    await app.jobs.drain();
    const shown = await as(app, owner).get(`/api/v1/documents/${id}`);
    expect(shown.json()).toMatchObject({
      status: 'failed',
      failureReason:
        'The uploaded file is missing from storage, so its text cannot be read. Upload it again.',
    });
    const download = await as(app, owner).get(`/api/v1/documents/${id}/download`);
    expect(download.statusCode).toBe(410);
    expect(download.json()).toMatchObject({ error: 'gone' });
    expect(download.headers['content-disposition']).toBeUndefined();
    // The document itself stays, and can be deleted.
    expect((await as(app, owner).delete(`/api/v1/documents/${id}`)).statusCode).toBe(204);
  });
});
