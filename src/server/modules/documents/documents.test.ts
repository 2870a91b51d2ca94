// A person's own documents: the list (paged, newest first, filtered), the ranked search with its
// snippets, one document and its text, the download (type, name, headers, ETag and byte ranges),
// renaming, recategorising and sharing, deleting (audited), and everybody else's documents: 404.
import { createHash, randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { pdfOf, rawFileBody, storedFiles, upload } from '../../../../test/support/documents.ts';
import { bearer, signedInAs } from '../../../../test/support/identity.ts';
import { as, type Person } from '../../../../test/support/tenants.ts';
import { jobs } from '../../jobs/schema.ts';
import { FAILURE_REASONS } from './extraction/failures.ts';
import { textPdf } from './extraction/test-support/pdf-writer.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
type Response = Awaited<ReturnType<TestApp['inject']>>;
type Listed = { id: string; title: string; snippet: { text: string; match: boolean }[] | null };

let app: TestApp;
let owner: Person;
let stranger: Person;
let admin: Person;
beforeAll(async () => {
  app = await createTestApp();
  // One after the other: the first sign-ups of a fresh database race to create its signing key.
  owner = await signedInAs(app, 'client');
  stranger = await signedInAs(app, 'client');
  admin = await signedInAs(app, 'admin');
});
afterAll(() => app.close());

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Uploads, checks the 201, and answers the document as created. */
async function created(who: Person, input: Parameters<typeof upload>[2] = {}) {
  const response = await upload(app, who, input);
  if (response.statusCode !== 201)
    throw new Error(`upload: ${response.statusCode} ${response.body}`);
  return response.json() as Listed & { sha256: string; size: number };
}

/** A text document holding exactly `text`. */
const textFile = (text: string) => ({
  file: Buffer.from(text),
  filename: 'notes.txt',
  type: 'text/plain',
});

const idsOf = (response: Response) => response.json().data.map((d: { id: string }) => d.id);

describe('GET /api/v1/documents', () => {
  let lister: Person;
  const ids: string[] = [];
  let failedId: string;
  beforeAll(async () => {
    lister = await signedInAs(app, 'client');
    for (const [title, category] of [
      ['First goals', 'goals'],
      ['A CV', 'cv'],
      ['Second goals', 'goals'],
      ['Reflection', 'reflection'],
    ] as const)
      ids.push((await created(lister, { title, category, file: pdfOf(title, randomUUID()) })).id);
    const good = textPdf([['Page one'], ['Page two']]);
    failedId = (
      await created(lister, {
        title: 'Cut short',
        category: 'goals',
        file: good.subarray(0, Math.floor(good.length * 0.7)),
      })
    ).id;
    ids.push(failedId);
    await app.jobs.drain();
    // Someone else's, which never shows in this list.
    await created(stranger, { title: 'Stranger goals', category: 'goals' });
  });
  const list = (query = '') => as(app, lister).get(`/api/v1/documents${query}`);

  it('lists the caller’s documents only, newest first, without snippets', async () => {
    const all = await list();
    expect(all.statusCode).toBe(200);
    expect(idsOf(all)).toEqual([...ids].reverse());
    expect(all.json().totalCount).toBe(5);
    expect(all.json().data.every((d: Listed) => d.snippet === null)).toBe(true);
  });

  it('pages, with the total count on every page', async () => {
    const newestFirst = [...ids].reverse();
    const first = await list('?pageSize=2');
    expect(idsOf(first)).toEqual(newestFirst.slice(0, 2));
    const second = await list('?pageSize=2&page=2');
    expect(idsOf(second)).toEqual(newestFirst.slice(2, 4));
    const last = await list('?pageSize=2&page=3');
    expect(idsOf(last)).toEqual(newestFirst.slice(4));
    const past = await list('?pageSize=2&page=4');
    expect(past.json()).toEqual({ data: [], totalCount: 5 });
    for (const page of [first, second, last]) expect(page.json().totalCount).toBe(5);
  });

  it('filters by category and by status, counting what matches', async () => {
    const goals = await list('?category=goals');
    expect(idsOf(goals)).toEqual([failedId, ids[2], ids[0]]);
    expect(goals.json().totalCount).toBe(3);

    const failed = await list('?status=failed');
    expect(idsOf(failed)).toEqual([failedId]);
    expect(failed.json().data[0]).toMatchObject({
      status: 'failed',
      failureReason: FAILURE_REASONS.truncated,
    });
    const extracted = await list('?status=extracted&category=goals');
    expect(idsOf(extracted)).toEqual([ids[2], ids[0]]);
    expect(extracted.json().totalCount).toBe(2);
    expect((await list('?category=session_notes')).json()).toEqual({ data: [], totalCount: 0 });
  });

  it('answers 400 naming the bad query parameter', async () => {
    const cases: [string, RegExp][] = [
      ['?category=diary', /querystring\.category: must be one of/],
      ['?status=done', /querystring\.status/],
      ['?page=0', /querystring\.page/],
      ['?pageSize=0', /querystring\.pageSize/],
      ['?pageSize=101', /querystring\.pageSize/],
      [`?q=${'x'.repeat(201)}`, /querystring\.q: must be at most 200 characters long/],
      ['?q=a%00b', /querystring\.q: must not contain control characters/],
    ];
    for (const [query, message] of cases) {
      const response = await list(query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json()).toMatchObject({ error: 'validation_failed' });
      expect(response.json().message).toMatch(message);
    }
  });
});

describe('GET /api/v1/documents?q= (search)', () => {
  let searcher: Person;
  const doc: Record<string, string> = {};
  beforeAll(async () => {
    searcher = await signedInAs(app, 'client');
    const documents: [string, string, string][] = [
      // The title has the word: uploaded first, so only its rank can put it first.
      ['inTitle', 'Leadership plan', 'Notes on delegation and feedback for the new team.'],
      [
        'inText',
        'Weekly notes',
        'We talked about budgets first. Then we talked about leadership once, and hiring.',
      ],
      ['unrelated', 'Garden', 'Tips for sowing tomatoes in spring.'],
      ['phrase', 'Year ahead', 'These are my career goals for the coming year.'],
      ['words', 'Change', 'My goals include a change of career.'],
    ];
    for (const [key, title, text] of documents)
      doc[key] = (await created(searcher, { title, ...textFile(text) })).id;
    await app.jobs.drain();
    // Another person's document with the word: never found.
    await created(stranger, { title: 'Leadership too', ...textFile('leadership leadership') });
    await app.jobs.drain();
  });
  const search = (q: string, query = '') =>
    as(app, searcher).get(`/api/v1/documents?q=${encodeURIComponent(q)}${query}`);

  it('ranks a document whose title has the word before one whose text has it once', async () => {
    const found = await search('leadership');
    expect(found.statusCode).toBe(200);
    expect(idsOf(found)).toEqual([doc.inTitle, doc.inText]);
    expect(found.json().totalCount).toBe(2);
  });

  it('marks the found word in the snippet, with the text around it', async () => {
    const found = await search('leadership');
    const inText = found.json().data.find((d: Listed) => d.id === doc.inText) as Listed;
    const parts = inText.snippet ?? [];
    expect(parts.filter((part) => part.match)).toEqual([{ text: 'leadership', match: true }]);
    const at = parts.findIndex((part) => part.match);
    expect(parts[at - 1]).toEqual({ text: expect.stringMatching(/talked about $/), match: false });
    expect(parts[at + 1]).toEqual({ text: expect.stringMatching(/^ once/), match: false });
    // The text of the other does not have the word: its snippet marks nothing.
    const inTitle = found.json().data.find((d: Listed) => d.id === doc.inTitle) as Listed;
    expect(inTitle.snippet?.some((part) => part.match)).toBe(false);
  });

  it('finds a phrase only where its words stand together, and all the words without quotes', async () => {
    const phrase = await search('"career goals"');
    expect(idsOf(phrase)).toEqual([doc.phrase]);
    expect(phrase.json().data[0].snippet.filter((p: { match: boolean }) => p.match)).toEqual([
      { text: 'career', match: true },
      { text: 'goals', match: true },
    ]);
    const words = await search('career goals');
    expect(idsOf(words).sort()).toEqual([doc.phrase, doc.words].sort());
    expect(words.json().totalCount).toBe(2);
  });

  it('finds inflected forms (talks → talked) and nothing for words no document has', async () => {
    expect(idsOf(await search('talks'))).toEqual([doc.inText]);
    expect((await search('xylophone')).json()).toEqual({ data: [], totalCount: 0 });
    // Filters narrow a search.
    expect((await search('leadership', '&category=goals')).json()).toEqual({
      data: [],
      totalCount: 0,
    });
  });

  it('pages a search, best first, with the total count', async () => {
    const first = await search('leadership', '&pageSize=1');
    expect(idsOf(first)).toEqual([doc.inTitle]);
    expect(first.json().totalCount).toBe(2);
    const second = await search('leadership', '&pageSize=1&page=2');
    expect(idsOf(second)).toEqual([doc.inText]);
  });
});

describe('GET /api/v1/documents/:id and its text', () => {
  it('answers the document, then its text once extracted', async () => {
    const file = pdfOf('Goals for the spring', 'Run a half marathon');
    const document = await created(owner, { file, title: 'Spring goals', category: 'goals' });
    const shown = await as(app, owner).get(`/api/v1/documents/${document.id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      id: document.id,
      title: 'Spring goals',
      category: 'goals',
      size: file.length,
    });

    await app.jobs.drain();
    const text = await as(app, owner).get(`/api/v1/documents/${document.id}/text`);
    expect(text.json()).toEqual({
      id: document.id,
      status: 'extracted',
      text: 'Goals for the spring\nRun a half marathon',
      pageCount: 1,
      wordCount: 8,
    });
    const after = await as(app, owner).get(`/api/v1/documents/${document.id}`);
    expect(after.json()).toMatchObject({ status: 'extracted', pageCount: 1, wordCount: 8 });
  });

  it('answers no text for a document whose extraction failed, and why', async () => {
    const good = textPdf([['Page one'], ['Page two']]);
    const document = await created(owner, { file: good.subarray(0, good.length - 30) });
    await app.jobs.drain();
    const text = await as(app, owner).get(`/api/v1/documents/${document.id}/text`);
    expect(text.json()).toEqual({
      id: document.id,
      status: 'failed',
      text: null,
      pageCount: null,
      wordCount: null,
    });
    const shown = await as(app, owner).get(`/api/v1/documents/${document.id}`);
    expect(shown.json()).toMatchObject({
      status: 'failed',
      failureReason: FAILURE_REASONS.truncated,
    });
  });
});

describe('GET /api/v1/documents/:id/download', () => {
  const file = textPdf([
    ['A plan in several lines of text, so the file is long enough for ranges'],
    ['Second page'],
  ]);
  let document: Awaited<ReturnType<typeof created>>;
  beforeAll(async () => {
    document = await created(owner, { file, filename: 'Plan.pdf' });
  });
  const download = (headers: Record<string, string> = {}, id = document.id) =>
    app.inject({
      method: 'GET',
      url: `/api/v1/documents/${id}/download`,
      headers: { ...bearer(owner.token), ...headers },
    });

  it('sends the bytes as uploaded, as an attachment of the detected type, never sniffed', async () => {
    const response = await download();
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(file)).toBe(true);
    expect(response.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(file.length),
      'content-disposition': `attachment; filename="Plan.pdf"; filename*=UTF-8''Plan.pdf`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-cache',
      'accept-ranges': 'bytes',
      etag: `"${document.sha256}"`,
    });
  });

  it('sends the detected type whatever the upload declared, with its extension on the name', async () => {
    const html = await created(owner, {
      file: Buffer.from('<script>alert(1)</script> is only text here'),
      filename: 'page',
      type: 'text/html',
    });
    const response = await download({}, html.id);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="page.txt"; filename*=UTF-8''page.txt`,
    );
    expect(response.body).toBe('<script>alert(1)</script> is only text here');
  });

  it('gives a safe ASCII filename and the exact one encoded, for quotes and non-ASCII names', async () => {
    const name = 'Ada’s "best" plan; été 100%.pdf';
    const body = rawFileBody({
      disposition: `filename*=UTF-8''${encodeURIComponent(name)}`,
      file: pdfOf('Quoted', randomUUID()),
    });
    const uploaded = await app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      payload: body.payload,
      headers: { ...bearer(owner.token), ...body.headers },
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json().originalName).toBe(name);
    const response = await download({}, uploaded.json().id);
    const disposition = response.headers['content-disposition'] as string;
    const match = /^attachment; filename="([^"]*)"; filename\*=UTF-8''([^\s;"]+)$/.exec(
      disposition,
    );
    expect(match, disposition).not.toBeNull();
    const [, ascii = '', encoded = ''] = match ?? [];
    expect(ascii).toBe('Ada_s _best_ plan_ _t_ 100_.pdf');
    expect(ascii).toMatch(/^[\x20-\x7e]+$/);
    expect(decodeURIComponent(encoded)).toBe(name);
  });

  it('answers 304 to a matching If-None-Match, and the file to another', async () => {
    const etag = `"${document.sha256}"`;
    const notModified = await download({ 'if-none-match': etag });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.headers.etag).toBe(etag);
    expect(notModified.rawPayload.length).toBe(0);
    const changed = await download({ 'if-none-match': `"${'0'.repeat(64)}"` });
    expect(changed.statusCode).toBe(200);
    expect(changed.rawPayload.equals(file)).toBe(true);
  });

  it('sends one byte range: first bytes, a suffix, an open end, an end past the file', async () => {
    const size = file.length;
    const cases: [string, number, number][] = [
      ['bytes=0-9', 0, 9],
      ['bytes=-16', size - 16, size - 1],
      ['bytes=100-', 100, size - 1],
      [`bytes=10-${size + 1000}`, 10, size - 1],
      [`bytes=${size - 1}-${size - 1}`, size - 1, size - 1],
    ];
    for (const [range, start, end] of cases) {
      const response = await download({ range });
      expect(response.statusCode, range).toBe(206);
      expect(response.headers['content-range'], range).toBe(`bytes ${start}-${end}/${size}`);
      expect(response.headers['content-length'], range).toBe(String(end - start + 1));
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.rawPayload.equals(file.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it('answers 416 with the size to a range that starts past the end', async () => {
    for (const range of [`bytes=${file.length}-`, `bytes=${file.length + 5}-${file.length + 9}`]) {
      const response = await download({ range });
      expect(response.statusCode, range).toBe(416);
      expect(response.headers['content-range']).toBe(`bytes */${file.length}`);
      expect(response.json()).toMatchObject({ error: 'range_not_satisfiable' });
    }
  });

  it('sends the whole file for a range it does not serve, or an If-Range of another version', async () => {
    const ignored: Record<string, string>[] = [
      { range: 'bytes=0-1,5-6' },
      { range: 'items=0-9' },
      { range: 'bytes=0-9', 'if-range': `"${'f'.repeat(64)}"` },
    ];
    for (const headers of ignored) {
      const response = await download(headers);
      expect(response.statusCode, JSON.stringify(headers)).toBe(200);
      expect(response.rawPayload.equals(file)).toBe(true);
    }
    const sameVersion = await download({ range: 'bytes=0-9', 'if-range': `"${document.sha256}"` });
    expect(sameVersion.statusCode).toBe(206);
  });
});

describe('PATCH /api/v1/documents/:id', () => {
  it('renames, recategorises and shares a document, audited with before and after', async () => {
    const document = await created(owner, {
      title: 'Draft',
      category: 'other',
      ...textFile('Mindfulness practice every morning.'),
    });
    const url = `/api/v1/documents/${document.id}`;
    const renamed = await as(app, owner).patch(url, { title: '  Morning routine  ' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({
      id: document.id,
      title: 'Morning routine',
      category: 'other',
      sharedWithCoaches: false,
    });
    const moved = await as(app, owner).patch(url, {
      category: 'reflection',
      sharedWithCoaches: true,
    });
    expect(moved.json()).toMatchObject({
      title: 'Morning routine',
      category: 'reflection',
      sharedWithCoaches: true,
    });
    expect((await as(app, owner).get(url)).json()).toMatchObject({
      title: 'Morning routine',
      category: 'reflection',
      sharedWithCoaches: true,
    });
    const hidden = await as(app, owner).patch(url, { sharedWithCoaches: false });
    expect(hidden.json().sharedWithCoaches).toBe(false);

    // The new title is searched.
    const found = await as(app, owner).get('/api/v1/documents?q=routine');
    expect(idsOf(found)).toEqual([document.id]);

    const audit = await as(app, admin).get(
      `/api/v1/admin/audit-log?target=document:${document.id}&action=document.update`,
    );
    expect(audit.json().data).toEqual([
      expect.objectContaining({
        actor: owner.userId,
        details: expect.objectContaining({
          before: { sharedWithCoaches: true },
          after: { sharedWithCoaches: false },
        }),
      }),
      expect.objectContaining({
        details: expect.objectContaining({
          before: { category: 'other', sharedWithCoaches: false },
          after: { category: 'reflection', sharedWithCoaches: true },
        }),
      }),
      expect.objectContaining({
        details: expect.objectContaining({
          before: { title: 'Draft' },
          after: { title: 'Morning routine' },
        }),
      }),
    ]);
  });

  it('answers 400 to an empty change, an unknown field and bad values, changing nothing', async () => {
    const document = await created(owner, { title: 'Unchanged', category: 'goals' });
    const url = `/api/v1/documents/${document.id}`;
    const cases: [unknown, RegExp][] = [
      [{}, /must change at least one of title, category or sharedWithCoaches/],
      [{ title: 'New', ownerUserId: stranger.userId }, /ownerUserId/],
      [{ status: 'extracted' }, /status/],
      [{ title: '   ' }, /body\.title: must not be empty/],
      [{ title: 'x'.repeat(201) }, /body\.title: must be at most 200 characters long/],
      [{ title: 'a\u0000b' }, /body\.title: must not contain control characters/],
      [{ category: 'diary' }, /body\.category: must be one of/],
      [{ sharedWithCoaches: 'yes' }, /body\.sharedWithCoaches/],
      [{ sharedWithCoaches: null }, /body\.sharedWithCoaches/],
    ];
    for (const [body, message] of cases) {
      const response = await as(app, owner).patch(url, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().message, JSON.stringify(body)).toMatch(message);
    }
    expect((await as(app, owner).get(url)).json()).toMatchObject({
      title: 'Unchanged',
      category: 'goals',
      sharedWithCoaches: false,
    });
  });
});

describe('DELETE /api/v1/documents/:id', () => {
  it('deletes the document (204), which is then gone everywhere, and audits it', async () => {
    const document = await created(owner, { title: 'To delete', filename: 'old.pdf' });
    await app.jobs.drain();
    const url = `/api/v1/documents/${document.id}`;
    const deleted = await as(app, owner).delete(url);
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    for (const path of [url, `${url}/text`, `${url}/download`])
      expect((await as(app, owner).get(path)).statusCode, path).toBe(404);
    expect((await as(app, owner).patch(url, { title: 'Back' })).statusCode).toBe(404);
    expect((await as(app, owner).delete(url)).statusCode).toBe(404);
    expect(idsOf(await as(app, owner).get('/api/v1/documents?pageSize=100'))).not.toContain(
      document.id,
    );

    const audit = await as(app, admin).get(
      `/api/v1/admin/audit-log?target=document:${document.id}&action=document.delete`,
    );
    expect(audit.json().data).toEqual([
      expect.objectContaining({
        actor: owner.userId,
        action: 'document.delete',
        details: expect.objectContaining({
          before: expect.objectContaining({
            title: 'To delete',
            originalName: 'old.pdf',
            sha256: document.sha256,
          }),
        }),
      }),
    ]);
  });
});

describe('someone else’s document', () => {
  /** Every route of one document, as `person`. */
  function everyRoute(person: Person, id: string) {
    const url = `/api/v1/documents/${id}`;
    return Promise.all([
      as(app, person).get(url),
      as(app, person).get(`${url}/text`),
      as(app, person).get(`${url}/download`),
      as(app, person).patch(url, { title: 'Mine now', sharedWithCoaches: true }),
      as(app, person).delete(url),
    ]);
  }

  it('answers 404 on every route to another client, a coach and an admin, changing nothing', async () => {
    const document = await created(owner, { title: 'Private', ...textFile('Private words') });
    await app.jobs.drain();
    const coach = await signedInAs(app, 'coach');
    for (const person of [stranger, coach, admin])
      for (const response of await everyRoute(person, document.id)) {
        expect(response.statusCode, response.body).toBe(404);
        expect(response.json()).toMatchObject({
          error: 'not_found',
          message: 'Document not found.',
        });
      }
    // Nor does a search find it.
    expect(idsOf(await as(app, stranger).get('/api/v1/documents?q=private'))).toEqual([]);
    const still = await as(app, owner).get(`/api/v1/documents/${document.id}`);
    expect(still.json()).toMatchObject({ title: 'Private', sharedWithCoaches: false });
    expect((await as(app, owner).get(`/api/v1/documents/${document.id}/text`)).json().text).toBe(
      'Private words',
    );
  });

  it('answers 404 for an id that does not exist, and 400 for one that is not a UUID', async () => {
    for (const response of await everyRoute(owner, UNKNOWN_ID))
      expect(response.statusCode).toBe(404);
    for (const response of await everyRoute(owner, 'not-a-uuid')) {
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(/params\.id: must be a UUID/);
    }
  });

  it('answers 401 to every route without a token', async () => {
    const document = await created(owner);
    const url = `/api/v1/documents/${document.id}`;
    for (const [method, path] of [
      ['GET', '/api/v1/documents'],
      ['GET', '/api/v1/documents/usage'],
      ['GET', url],
      ['GET', `${url}/text`],
      ['GET', `${url}/download`],
      ['PATCH', url],
      ['DELETE', url],
    ] as const) {
      const response = await app.inject({ method, url: path });
      expect(response.statusCode, `${method} ${path}`).toBe(401);
    }
  });
});

// Last in this file: these stop the job runner for a while, then start it polling.
describe('before extraction', () => {
  /** Runs `work` with the job runner stopped (what it queues waits), then runs what is due. */
  async function withJobsStopped(work: () => Promise<void>) {
    await app.jobs.drain();
    await app.jobs.stop();
    try {
      await work();
    } finally {
      app.jobs.start();
    }
    await app.jobs.drain();
  }

  it('answers the document as pending and no text yet, then the text', async () => {
    let id = '';
    await withJobsStopped(async () => {
      id = (await created(owner, { file: pdfOf('Not read yet') })).id;
      const shown = await as(app, owner).get(`/api/v1/documents/${id}`);
      expect(shown.json()).toMatchObject({ status: 'pending', pageCount: null, wordCount: null });
      const text = await as(app, owner).get(`/api/v1/documents/${id}/text`);
      expect(text.json()).toEqual({
        id,
        status: 'pending',
        text: null,
        pageCount: null,
        wordCount: null,
      });
      const pending = await as(app, owner).get('/api/v1/documents?status=pending');
      expect(idsOf(pending)).toEqual([id]);
    });
    const text = await as(app, owner).get(`/api/v1/documents/${id}/text`);
    expect(text.json()).toMatchObject({ status: 'extracted', text: 'Not read yet' });
  });

  it('deletes a document still waiting for its extraction: no job is left waiting, the file goes', async () => {
    const file = pdfOf('Deleted before reading', randomUUID());
    let id = '';
    await withJobsStopped(async () => {
      id = (await created(owner, { file })).id;
      expect((await as(app, owner).delete(`/api/v1/documents/${id}`)).statusCode).toBe(204);
    });
    const waiting = await app.database.db
      .select()
      .from(jobs)
      .where(
        and(
          eq(jobs.kind, 'documents.extract'),
          eq(jobs.key, id),
          isNull(jobs.finishedAt),
          isNull(jobs.failedAt),
        ),
      );
    expect(waiting).toEqual([]);
    expect((await as(app, owner).get(`/api/v1/documents/${id}`)).statusCode).toBe(404);
    expect((await storedFiles(app)).stored).not.toContain(
      createHash('sha256').update(file).digest('hex'),
    );
  });
});
