// Uploading a document through POST /api/v1/documents: PDF, DOCX, text and Markdown (the type read
// from the bytes, the text extracted afterwards), titles and cleaned file names, the form's fields
// and its mistakes, refused types, the upload limit and the quota (nothing left behind when
// refused), one stored file per content, roles, and sharing with coaches by default.
import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { crc32, deflateSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import {
  createDocumentsTestApp,
  multipartBody,
  pdfOf,
  rawFileBody,
  storedFiles,
  upload,
  uploadParts,
} from '../../../../test/support/documents.ts';
import { bearer, signedInAs } from '../../../../test/support/identity.ts';
import { as, type Person } from '../../../../test/support/tenants.ts';
import { auditLog } from '../audit/schema.ts';
import { docx, writeZip } from './extraction/test-support/zip-writer.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

const PDF_MIME = 'application/pdf';
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let app: TestApp;
let client: Person;
beforeAll(async () => {
  app = await createTestApp();
  client = await signedInAs(app, 'client');
});
afterAll(() => app.close());

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A PDF no other test uploads, so its stored file is its own. */
const uniquePdf = (label = 'Unique') => pdfOf(`${label} ${randomUUID()}`);

/** A real 1×1 PNG. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth; colour type 0 (grey)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const textOf = async (who: Person, id: string, on: TestApp = app) =>
  (await as(on, who).get(`/api/v1/documents/${id}/text`)).json();

/** Whether the storage holds a file for these bytes, once every queued job has run. */
async function isStored(bytes: Uint8Array, on: TestApp = app): Promise<boolean> {
  await on.jobs.drain();
  return (await storedFiles(on)).stored.includes(sha256(bytes));
}

describe('POST /api/v1/documents: PDF, DOCX, text and Markdown', () => {
  it('stores a PDF, answers it pending, then extracts exactly its text', async () => {
    const file = pdfOf('Quarterly reflection on leadership goals');
    const response = await upload(app, client, {
      file,
      filename: 'Q3 reflection.pdf',
      category: 'reflection',
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created).toEqual({
      id: expect.any(String),
      title: 'Q3 reflection',
      originalName: 'Q3 reflection.pdf',
      type: 'pdf',
      mimeType: PDF_MIME,
      size: file.length,
      sha256: sha256(file),
      category: 'reflection',
      status: 'pending',
      failureReason: null,
      pageCount: null,
      wordCount: null,
      sharedWithCoaches: false,
      extractedAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      snippet: null,
    });

    await app.jobs.drain();
    expect(await textOf(client, created.id)).toEqual({
      id: created.id,
      status: 'extracted',
      text: 'Quarterly reflection on leadership goals',
      pageCount: 1,
      wordCount: 5,
    });
    const shown = await as(app, client).get(`/api/v1/documents/${created.id}`);
    expect(shown.json()).toMatchObject({ status: 'extracted', extractedAt: expect.any(String) });
    expect(await isStored(file)).toBe(true);
    // The upload is audited, without the file's name or text.
    const audited = await app.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.target, `document:${created.id}`), eq(auditLog.action, 'document.upload')),
      );
    expect(audited).toEqual([
      expect.objectContaining({
        actor: client.userId,
        details: expect.objectContaining({
          after: expect.objectContaining({ type: 'pdf', sha256: sha256(file), size: file.length }),
        }),
      }),
    ]);
  });

  it('stores a DOCX as a Word document and extracts its paragraphs', async () => {
    const file = docx(['Curriculum vitae', 'Led a team of twelve'], 2);
    const response = await upload(app, client, {
      file,
      filename: 'cv.docx',
      type: DOCX_MIME,
      category: 'cv',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      title: 'cv',
      type: 'docx',
      mimeType: DOCX_MIME,
      category: 'cv',
      size: file.length,
    });
    await app.jobs.drain();
    expect(await textOf(client, response.json().id)).toEqual({
      id: response.json().id,
      status: 'extracted',
      text: 'Curriculum vitae\n\nLed a team of twelve',
      pageCount: 2,
      wordCount: 7,
    });
  });

  it('stores plain text, and Markdown when the name says .md (whatever the declared type)', async () => {
    const plain = await upload(app, client, {
      file: Buffer.from('Dear coach,\r\n\r\nthank you for  the session.\n'),
      filename: 'thanks.txt',
      type: 'text/plain',
    });
    expect(plain.statusCode, plain.body).toBe(201);
    expect(plain.json()).toMatchObject({
      title: 'thanks',
      type: 'text',
      mimeType: 'text/plain; charset=utf-8',
    });

    const markdown = await upload(app, client, {
      file: Buffer.from('# Goals\n\n- Sleep   more\n- Read *daily*\n'),
      filename: 'goals.md',
      type: 'application/octet-stream',
      category: 'goals',
    });
    expect(markdown.statusCode, markdown.body).toBe(201);
    expect(markdown.json()).toMatchObject({
      title: 'goals',
      type: 'markdown',
      mimeType: 'text/markdown; charset=utf-8',
    });

    // A name without a known extension claims nothing: its text is text.
    const readme = await upload(app, client, {
      file: Buffer.from('Read me first.'),
      filename: 'README',
      type: '',
    });
    expect(readme.statusCode, readme.body).toBe(201);
    expect(readme.json()).toMatchObject({ title: 'README', type: 'text' });

    await app.jobs.drain();
    expect((await textOf(client, plain.json().id)).text).toBe(
      'Dear coach,\n\nthank you for the session.',
    );
    expect((await textOf(client, markdown.json().id)).text).toBe(
      '# Goals\n\n- Sleep more\n- Read *daily*',
    );
    expect((await textOf(client, readme.json().id)).text).toBe('Read me first.');
  });

  it('takes the title from the form, or else from the file name without its extension', async () => {
    const titled = await upload(app, client, {
      filename: 'scan_0042.pdf',
      title: '  Values assessment  ',
      category: 'assessment',
    });
    expect(titled.statusCode, titled.body).toBe(201);
    expect(titled.json()).toMatchObject({
      title: 'Values assessment',
      originalName: 'scan_0042.pdf',
      category: 'assessment',
    });

    const untitled = await upload(app, client, { filename: 'Résumé – café 2026.pdf' });
    expect(untitled.json()).toMatchObject({
      title: 'Résumé – café 2026',
      originalName: 'Résumé – café 2026.pdf',
    });
  });

  it('reads the fields after the file part as well as before it', async () => {
    const response = await uploadParts(app, client, [
      { name: 'file', file: uniquePdf(), filename: 'late-fields.pdf', type: PDF_MIME },
      { name: 'category', value: 'session_notes' },
      { name: 'title', value: 'Fields last' },
      { name: 'sharedWithCoaches', value: 'true' },
    ]);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      title: 'Fields last',
      category: 'session_notes',
      sharedWithCoaches: true,
    });
  });

  it('keeps only the last segment of the file name, without control or format characters', async () => {
    const cases: [string, string][] = [
      ['../../etc/passwd', 'passwd'],
      ['C:\\Users\\ada\\Documents\\plan.pdf', 'plan.pdf'],
      ['report\u202Efdp.pdf', 'reportfdp.pdf'],
      ['zero\u200Bwidth\u2066 name.pdf', 'zerowidth name.pdf'],
      ['bell\u0007.pdf', 'bell.pdf'],
      ['..', 'document'],
    ];
    for (const [sent, kept] of cases) {
      const body = rawFileBody({
        disposition: `filename*=UTF-8''${encodeURIComponent(sent)}`,
        file: uniquePdf(),
      });
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/documents',
        payload: body.payload,
        headers: { ...bearer(client.token), ...body.headers },
      });
      expect(response.statusCode, `${JSON.stringify(sent)}: ${response.body}`).toBe(201);
      expect(response.json().originalName, JSON.stringify(sent)).toBe(kept);
      expect(response.json().title).not.toMatch(/[/\\\p{Cc}\p{Cf}]/u);
    }
  });

  it('judges a name by what is left of it: a right-to-left trick hiding .exe is refused', async () => {
    // Shown as "a‮gpj.exe" reads "aexe.jpg"; cleaned, it is agpj.exe: not a document's name.
    const response = await upload(app, client, {
      file: Buffer.from('not really a program'),
      filename: 'a\u202Egpj.exe',
      type: 'application/octet-stream',
    });
    expect(response.statusCode, response.body).toBe(415);
  });

  it('lets a coach and an admin upload their own documents too', async () => {
    for (const role of ['coach', 'admin'] as const) {
      const person = await signedInAs(app, role);
      const response = await upload(app, person, { file: uniquePdf(role) });
      expect(response.statusCode, response.body).toBe(201);
    }
  });
});

describe('POST /api/v1/documents: the form’s mistakes (400)', () => {
  const send = (parts: Parameters<typeof uploadParts>[2]) => uploadParts(app, client, parts);
  const pdfPart = (file: Uint8Array = uniquePdf()) => ({
    name: 'file',
    file,
    filename: 'notes.pdf',
    type: PDF_MIME,
  });

  it('names each bad field in `issues`: category missing or unknown, title, sharedWithCoaches', async () => {
    const cases: [Parameters<typeof send>[0], { path: string; message: RegExp }][] = [
      [[pdfPart()], { path: 'body.category', message: /must be one of: assessment, cv, goals/ }],
      [
        [{ name: 'category', value: 'diary' }, pdfPart()],
        { path: 'body.category', message: /must be one of: assessment, cv, goals/ },
      ],
      [
        [
          { name: 'category', value: 'other' },
          { name: 'sharedWithCoaches', value: 'maybe' },
          pdfPart(),
        ],
        { path: 'body.sharedWithCoaches', message: /^must be true or false$/ },
      ],
      [
        [{ name: 'category', value: 'other' }, { name: 'title', value: '   ' }, pdfPart()],
        { path: 'body.title', message: /^must not be empty$/ },
      ],
      [
        [
          { name: 'category', value: 'other' },
          { name: 'title', value: 'x'.repeat(201) },
          pdfPart(),
        ],
        { path: 'body.title', message: /^must be at most 200 characters long$/ },
      ],
    ];
    for (const [parts, issue] of cases) {
      const file = parts.find((part) => 'file' in part) as { file: Uint8Array };
      const response = await send(parts);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({
        error: 'validation_failed',
        message: expect.stringContaining(issue.path),
        issues: [{ path: issue.path, message: expect.stringMatching(issue.message) }],
      });
      // The file had been stored before the fields were checked: it is removed.
      expect(await isStored(file.file)).toBe(false);
    }
  });

  it('asks for a file when there is none', async () => {
    const response = await send([{ name: 'category', value: 'other' }]);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: 'bad_request',
      message: 'Choose a file to upload (form field `file`).',
    });
  });

  it('refuses two files, and a file in another field than `file`, leaving nothing stored', async () => {
    const first = uniquePdf('First');
    const second = uniquePdf('Second');
    const two = await send([{ name: 'category', value: 'other' }, pdfPart(first), pdfPart(second)]);
    expect(two.statusCode, two.body).toBe(400);
    expect(two.json().message).toMatch(/one file/i);

    const misnamed = uniquePdf('Misnamed');
    const elsewhere = await send([
      { name: 'category', value: 'other' },
      { name: 'document', file: misnamed, filename: 'notes.pdf', type: PDF_MIME },
    ]);
    expect(elsewhere.statusCode, elsewhere.body).toBe(400);
    expect(elsewhere.json().message).toBe('Send one file, in the form field named `file`.');

    for (const bytes of [first, second, misnamed]) expect(await isStored(bytes)).toBe(false);
    const listed = await as(app, client).get('/api/v1/documents?pageSize=100');
    expect(listed.json().data.map((d: { originalName: string }) => d.originalName)).not.toContain(
      'notes.pdf',
    );
  });

  it('answers 400 to a body cut short, in a field or in the file, leaving no file behind', async () => {
    const file = uniquePdf('Cut short');
    const { payload, headers } = await multipartBody([
      { name: 'category', value: 'other' },
      pdfPart(file),
    ]);
    const fieldEnd = payload.indexOf('other') + 2;
    const fileStart = payload.indexOf('%PDF');
    const cuts = [
      ['inside a field', fieldEnd],
      ['inside the file', fileStart + 100],
      ['before the closing boundary', payload.length - 20],
    ] as const;
    for (const [where, length] of cuts) {
      const answered = app.inject({
        method: 'POST',
        url: '/api/v1/documents',
        payload: payload.subarray(0, length),
        headers: { ...bearer(client.token), ...headers },
      });
      // A liveness bound, not a speed test: without it a hung request only shows as a timeout.
      const response = await Promise.race([answered, sleep(10_000).then(() => undefined)]);
      expect(response, `cut ${where}: no answer`).toBeDefined();
      expect(response?.statusCode, `cut ${where}: ${response?.body}`).toBe(400);
      expect(response?.json().message).toBe(
        'The upload was interrupted or is not valid multipart/form-data. Try again.',
      );
    }
    expect(await isStored(file)).toBe(false);
    expect((await storedFiles(app)).temporary).toEqual([]);
  });

  it('answers 415 to a body that is not multipart/form-data', async () => {
    const response = await as(app, client).post('/api/v1/documents', {
      category: 'other',
      file: 'JVBERi0xLjcK',
    });
    expect(response.statusCode, response.body).toBe(415);
    expect(response.json().message).toBe('Send the upload as multipart/form-data.');
  });
});

describe('POST /api/v1/documents: what is not a document (415)', () => {
  const ACCEPTED = /only PDF, Word \(\.docx\), plain text and Markdown files are accepted/;

  it('refuses an image, a zip that is not a Word document and an empty file, keeping none', async () => {
    const zip = writeZip([{ name: `notes-${randomUUID()}.txt`, content: 'hello' }]);
    const cases: [Uint8Array, string, string][] = [
      [png(), 'photo.png', 'image/png'],
      // The name and type cannot make an image a text.
      [png(), 'notes.txt', 'text/plain'],
      [zip, 'archive.docx', DOCX_MIME],
      [Buffer.alloc(0), 'empty.txt', 'text/plain'],
    ];
    for (const [file, filename, type] of cases) {
      const response = await upload(app, client, { file, filename, type });
      expect(response.statusCode, `${filename}: ${response.body}`).toBe(415);
      expect(response.json()).toMatchObject({
        error: 'unsupported_media_type',
        message: expect.stringMatching(ACCEPTED),
      });
      expect(await isStored(file)).toBe(false);
    }
  });

  it('refuses a file whose name or declared type contradicts its bytes, saying what it really is', async () => {
    const pdf = uniquePdf();
    const asWord = await upload(app, client, {
      file: pdf,
      filename: 'notes.docx',
      type: 'application/octet-stream',
    });
    expect(asWord.statusCode, asWord.body).toBe(415);
    expect(asWord.json().message).toBe(
      "The file's contents are a PDF, but its name or type says it is a Word document. Upload the file under its real name.",
    );
    // A PDF declared as text by its type alone.
    const declaredText = await upload(app, client, {
      file: pdf,
      filename: 'notes',
      type: 'text/plain',
    });
    expect(declaredText.statusCode).toBe(415);
    expect(declaredText.json().message).toMatch(
      /contents are a PDF, but .* says it is a text file/,
    );
    expect(await isStored(pdf)).toBe(false);
  });

  it('refuses text declared as a PDF, naming the claim that is wrong', async () => {
    const text = Buffer.from(`Just words ${randomUUID()}`);
    const response = await upload(app, client, {
      file: text,
      filename: 'notes.txt',
      type: 'application/pdf',
    });
    expect(response.statusCode, response.body).toBe(415);
    // The name (.txt) is right; the type (application/pdf) is the contradiction to name.
    expect(response.json().message).toBe(
      "The file's contents are a text file, but its name or type says it is a PDF. Upload the file under its real name.",
    );
    expect(await isStored(text)).toBe(false);
  });
});

describe('POST /api/v1/documents: the upload limit and the quota (413)', () => {
  let limited: TestApp;
  let quota: TestApp;
  let limitedClient: Person;
  beforeAll(async () => {
    limited = await createDocumentsTestApp({ maxUploadBytes: 64 * 1024 });
    limitedClient = await signedInAs(limited, 'client');
    quota = await createDocumentsTestApp({ quotaBytes: 10_000 });
  });
  afterAll(async () => {
    await limited?.close();
    await quota?.close();
  });

  /** Text of exactly `size` bytes, different every time. */
  const textOfSize = (size: number) => {
    const head = `${randomUUID()} `;
    return Buffer.from(head + 'a'.repeat(size - head.length));
  };
  const uploadText = (on: TestApp, who: Person, file: Buffer) =>
    upload(on, who, { file, filename: 'notes.txt', type: 'text/plain' });

  it('refuses a file over the upload limit with the limit in the message, keeping nothing', async () => {
    const file = textOfSize(200 * 1024);
    const response = await uploadText(limited, limitedClient, file);
    expect(response.statusCode, response.body).toBe(413);
    expect(response.json()).toMatchObject({
      error: 'payload_too_large',
      message: 'The file is larger than the upload limit of 64 KB.',
    });
    expect(await isStored(file, limited)).toBe(false);
    expect((await storedFiles(limited)).temporary).toEqual([]);
    // Just over the limit too; exactly the limit is accepted.
    const justOver = await uploadText(limited, limitedClient, textOfSize(64 * 1024 + 1));
    expect(justOver.statusCode, justOver.body).toBe(413);
    const atLimit = textOfSize(64 * 1024);
    const accepted = await uploadText(limited, limitedClient, atLimit);
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json().size).toBe(64 * 1024);
    expect(await isStored(atLimit, limited)).toBe(true);
    const usage = await as(limited, limitedClient).get('/api/v1/documents/usage');
    expect(usage.json()).toMatchObject({ maxUploadBytes: 64 * 1024, usedBytes: 64 * 1024 });
  });

  it('refuses what does not fit in the quota with the figures, and accepts it once there is room', async () => {
    const owner = await signedInAs(quota, 'client');
    const first = await uploadText(quota, owner, textOfSize(6_000));
    expect(first.statusCode, first.body).toBe(201);

    const tooMuch = textOfSize(6_000);
    const refused = await uploadText(quota, owner, tooMuch);
    expect(refused.statusCode, refused.body).toBe(413);
    expect(refused.json()).toMatchObject({
      error: 'payload_too_large',
      message:
        'This file does not fit in your document storage: you use 5.9 KB of 9.8 KB (3.9 KB left). Delete documents you no longer need to make room.',
    });
    expect(await isStored(tooMuch, quota)).toBe(false);
    expect((await storedFiles(quota)).temporary).toEqual([]);
    expect((await as(quota, owner).get('/api/v1/documents')).json().totalCount).toBe(1);

    // Filling it exactly is allowed; then nothing more fits, and the message says none is left.
    const rest = await uploadText(quota, owner, textOfSize(4_000));
    expect(rest.statusCode, rest.body).toBe(201);
    const full = await uploadText(quota, owner, textOfSize(100));
    expect(full.statusCode).toBe(413);
    expect(full.json().message).toContain('you use 9.8 KB of 9.8 KB (0 bytes left)');
    expect((await as(quota, owner).get('/api/v1/documents/usage')).json()).toMatchObject({
      usedBytes: 10_000,
      quotaBytes: 10_000,
    });

    // The quota is each user's own.
    const other = await signedInAs(quota, 'client');
    expect((await uploadText(quota, other, textOfSize(6_000))).statusCode).toBe(201);

    // Two uploads at once that each fit, but not together: one is refused.
    const racer = await signedInAs(quota, 'client');
    const racing = await Promise.all([
      uploadText(quota, racer, textOfSize(6_000)),
      uploadText(quota, racer, textOfSize(6_000)),
    ]);
    expect(racing.map((response) => response.statusCode).sort()).toEqual([201, 413]);
    expect((await as(quota, racer).get('/api/v1/documents/usage')).json().usedBytes).toBe(6_000);

    // Deleting makes room again.
    const deleted = await as(quota, owner).delete(`/api/v1/documents/${first.json().id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await uploadText(quota, owner, tooMuch)).statusCode).toBe(201);
  });
});

describe('one stored file per content', () => {
  it('stores the same bytes once for two documents, and removes them with the last one', async () => {
    const other = await signedInAs(app, 'client');
    const file = uniquePdf('Shared content');
    const mine = await upload(app, client, { file, filename: 'mine.pdf' });
    const theirs = await upload(app, other, { file, filename: 'theirs.pdf' });
    expect(mine.statusCode).toBe(201);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().sha256).toBe(mine.json().sha256);
    await app.jobs.drain();
    const copies = (await storedFiles(app)).stored.filter((name) => name === sha256(file));
    expect(copies).toHaveLength(1);

    expect((await as(app, client).delete(`/api/v1/documents/${mine.json().id}`)).statusCode).toBe(
      204,
    );
    expect(await isStored(file)).toBe(true);
    const download = await as(app, other).get(`/api/v1/documents/${theirs.json().id}/download`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(file)).toBe(true);

    expect((await as(app, other).delete(`/api/v1/documents/${theirs.json().id}`)).statusCode).toBe(
      204,
    );
    expect(await isStored(file)).toBe(false);
  });

  it('keeps the file when an upload of known content is refused', async () => {
    const file = uniquePdf('Kept');
    const kept = await upload(app, client, { file, filename: 'kept.pdf' });
    expect(kept.statusCode).toBe(201);
    const refused = await upload(app, client, { file, filename: 'kept.pdf', category: 'diary' });
    expect(refused.statusCode).toBe(400);
    expect(await isStored(file)).toBe(true);
    const download = await as(app, client).get(`/api/v1/documents/${kept.json().id}/download`);
    expect(download.rawPayload.equals(file)).toBe(true);
  });
});

describe('who may upload', () => {
  it('answers 401 without a token and 403 to a user waiting for approval, storing nothing', async () => {
    const file = uniquePdf('Refused');
    const { payload, headers } = await multipartBody([
      { name: 'category', value: 'other' },
      { name: 'file', file, filename: 'a.pdf', type: PDF_MIME },
    ]);
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      payload,
      headers,
    });
    expect(anonymous.statusCode).toBe(401);

    const pending = await signedInAs(app, 'pending');
    const waiting = await upload(app, pending, { file });
    expect(waiting.statusCode).toBe(403);
    expect(waiting.json().message).toBe('Your account is waiting for approval.');
    expect((await as(app, pending).get('/api/v1/documents')).statusCode).toBe(403);
    expect((await as(app, pending).get('/api/v1/documents/usage')).statusCode).toBe(403);
    expect(await isStored(file)).toBe(false);
  });
});

describe('sharing with coaches by default (session_auto_send_context)', () => {
  const settings = '/api/v1/member/session-settings/';

  it('does not share new uploads unless the owner said so, or the form does', async () => {
    const owner = await signedInAs(app, 'client');
    const usage = await as(app, owner).get('/api/v1/documents/usage');
    expect(usage.json()).toEqual({
      usedBytes: 0,
      quotaBytes: 500 * 1024 * 1024,
      maxUploadBytes: 20 * 1024 * 1024,
      sharedByDefault: false,
    });
    expect((await upload(app, owner, { file: uniquePdf() })).json().sharedWithCoaches).toBe(false);
    const asked = await upload(app, owner, { file: uniquePdf(), sharedWithCoaches: true });
    expect(asked.json().sharedWithCoaches).toBe(true);
  });

  it('shares new uploads when the owner’s setting is on, unless the form says false', async () => {
    const owner = await signedInAs(app, 'client');
    expect((await as(app, owner).put(settings, { auto_send_context: true })).statusCode).toBe(200);
    const usage = await as(app, owner).get('/api/v1/documents/usage');
    expect(usage.json().sharedByDefault).toBe(true);

    expect((await upload(app, owner, { file: uniquePdf() })).json().sharedWithCoaches).toBe(true);
    const kept = await upload(app, owner, { file: uniquePdf(), sharedWithCoaches: false });
    expect(kept.json().sharedWithCoaches).toBe(false);

    // Set at the provider (as a migration of legacy users does): the same.
    const migrated = await signedInAs(app, 'client');
    await app.identity.provider.users.updatePublicMetadata(migrated.userId, {
      session_auto_send_context: true,
    });
    expect((await as(app, migrated).get('/api/v1/documents/usage')).json().sharedByDefault).toBe(
      true,
    );
    expect((await upload(app, migrated, { file: uniquePdf() })).json().sharedWithCoaches).toBe(
      true,
    );

    // Turned off again: new uploads stay private.
    await as(app, owner).put(settings, { auto_send_context: false });
    expect((await upload(app, owner, { file: uniquePdf() })).json().sharedWithCoaches).toBe(false);
  });
});
