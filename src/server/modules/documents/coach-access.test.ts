// A coach reads the documents a client shared, through their relationship, while it is active: the
// list (and its search), one document, its text and its file, the last two audited. Everything else
// answers 404: an unshared document, a paused, completed or pending relationship, another coach,
// another client's document. Other roles get 403 on the coach's routes.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { pdfOf, upload } from '../../../../test/support/documents.ts';
import { signedInAs, uniqueEmail } from '../../../../test/support/identity.ts';
import {
  type Coach,
  coachWithPractice,
  inviteClient,
} from '../../../../test/support/relationships.ts';
import { as, type Person } from '../../../../test/support/tenants.ts';
import { auditLog } from '../audit/schema.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
type Response = Awaited<ReturnType<TestApp['inject']>>;

let app: TestApp;
let coach: Coach;
let otherCoach: Coach;
beforeAll(async () => {
  app = await createTestApp();
  // One after the other: the first sign-ups of a fresh database race to create its signing key.
  coach = await coachWithPractice(app, { practiceName: 'Hopper Co' });
  otherCoach = await coachWithPractice(app, { practiceName: 'Turing Co' });
});
afterAll(() => app.close());

/** An invitation from `from`, accepted by a new client (or by `client`, when given). */
async function activeClientOf(from: Coach, existing?: Person) {
  const email = existing?.email ?? uniqueEmail('client');
  const { id } = await inviteClient(app, from, email);
  const client = existing ?? (await signedInAs(app, 'client', { email }));
  const accepted = await as(app, client).post(`/api/v1/relationships/${id}/respond`, {
    accept: true,
  });
  if (accepted.statusCode !== 200) throw new Error(`accept: ${accepted.body}`);
  return { id, client };
}

/** Uploads for `who` and answers the document's id. */
async function uploaded(who: Person, input: Parameters<typeof upload>[2]) {
  const response = await upload(app, who, input);
  if (response.statusCode !== 201)
    throw new Error(`upload: ${response.statusCode} ${response.body}`);
  return response.json().id as string;
}

/** Every route a coach reads a client's documents by, for one document. */
function coachRoutes(person: Person, relationshipId: string, documentId: string) {
  const base = `/api/v1/relationships/${relationshipId}/documents`;
  return Promise.all([
    as(app, person).get(base),
    as(app, person).get(`${base}/${documentId}`),
    as(app, person).get(`${base}/${documentId}/text`),
    as(app, person).get(`${base}/${documentId}/download`),
  ]);
}

function expectNotFound(responses: Response[], what: string) {
  for (const response of responses) {
    expect(response.statusCode, `${what}: ${response.body}`).toBe(404);
    expect(response.json().error).toBe('not_found');
  }
}

const idsOf = (response: Response) => response.json().data.map((d: { id: string }) => d.id);

const coachReads = (documentId: string) =>
  app.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.target, `document:${documentId}`), eq(auditLog.actor, coach.userId)));

describe('a coach in an active relationship', () => {
  let relationshipId: string;
  let client: Person;
  let sharedId: string;
  let privateId: string;
  const sharedFile = pdfOf('Career goals shared with my coach');
  beforeAll(async () => {
    ({ id: relationshipId, client } = await activeClientOf(coach));
    sharedId = await uploaded(client, {
      file: sharedFile,
      filename: 'shared goals.pdf',
      title: 'Shared goals',
      category: 'goals',
      sharedWithCoaches: true,
    });
    privateId = await uploaded(client, {
      file: pdfOf('Career goals kept private'),
      title: 'Private goals',
      category: 'goals',
      sharedWithCoaches: false,
    });
    await app.jobs.drain();
  });
  const base = () => `/api/v1/relationships/${relationshipId}/documents`;

  it('lists only the documents the client shared', async () => {
    const list = await as(app, coach).get(base());
    expect(list.statusCode, list.body).toBe(200);
    expect(idsOf(list)).toEqual([sharedId]);
    expect(list.json().totalCount).toBe(1);
    expect(list.json().data[0]).toMatchObject({ title: 'Shared goals', sharedWithCoaches: true });
    // A search, and filters, see the shared ones only too.
    const search = await as(app, coach).get(`${base()}?q=career`);
    expect(idsOf(search)).toEqual([sharedId]);
    expect(search.json().totalCount).toBe(1);
    expect(idsOf(await as(app, coach).get(`${base()}?category=goals&status=extracted`))).toEqual([
      sharedId,
    ]);
  });

  it('reads a shared document, its text and its file', async () => {
    const shown = await as(app, coach).get(`${base()}/${sharedId}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      id: sharedId,
      title: 'Shared goals',
      status: 'extracted',
    });
    const text = await as(app, coach).get(`${base()}/${sharedId}/text`);
    expect(text.json()).toEqual({
      id: sharedId,
      status: 'extracted',
      text: 'Career goals shared with my coach',
      pageCount: 1,
      wordCount: 6,
    });
    const download = await as(app, coach).get(`${base()}/${sharedId}/download`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(sharedFile)).toBe(true);
    expect(download.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="shared goals.pdf"; filename*=UTF-8''shared%20goals.pdf`,
      'x-content-type-options': 'nosniff',
    });
    const range = await app.inject({
      method: 'GET',
      url: `${base()}/${sharedId}/download`,
      headers: { authorization: `Bearer ${coach.token}`, range: 'bytes=0-7' },
    });
    expect(range.statusCode).toBe(206);
    expect(range.body).toBe('%PDF-1.7');
  });

  it('answers 404 for a document the client did not share, until they share it', async () => {
    const routes = () => coachRoutes(coach, relationshipId, privateId);
    const [list, ...reads] = await routes();
    expect(idsOf(list as Response)).not.toContain(privateId);
    expectNotFound(reads, 'unshared');
    for (const response of reads) expect(response.json().message).toBe('Document not found.');

    const share = await as(app, client).patch(`/api/v1/documents/${privateId}`, {
      sharedWithCoaches: true,
    });
    expect(share.statusCode).toBe(200);
    const [listed, ...shown] = await routes();
    expect(idsOf(listed as Response)).toEqual([privateId, sharedId]);
    for (const response of shown) expect(response.statusCode).toBe(200);

    await as(app, client).patch(`/api/v1/documents/${privateId}`, { sharedWithCoaches: false });
    const [, ...hiddenAgain] = await routes();
    expectNotFound(hiddenAgain, 'unshared again');
  });

  it('audits the coach’s reads of the text and the file, never a refused one', async () => {
    const before = await coachReads(sharedId);
    await as(app, coach).get(`${base()}/${sharedId}/text`);
    await as(app, coach).get(`${base()}/${sharedId}/download`);
    const after = await coachReads(sharedId);
    const added = after.filter((entry) => !before.some((earlier) => earlier.id === entry.id));
    expect(added.map((entry) => entry.action).sort()).toEqual([
      'document.coach_read.download',
      'document.coach_read.text',
    ]);
    for (const entry of added)
      expect(entry.details).toMatchObject({ after: { ownerUserId: client.userId } });
    // The list and one document's details are not reads of its content: not audited.
    const listed = await coachReads(sharedId);
    await as(app, coach).get(base());
    await as(app, coach).get(`${base()}/${sharedId}`);
    expect(await coachReads(sharedId)).toHaveLength(listed.length);
    // An unshared document's refused reads leave no trace.
    const unshared = await uploaded(client, {
      file: pdfOf('Never shared'),
      sharedWithCoaches: false,
    });
    expectNotFound((await coachRoutes(coach, relationshipId, unshared)).slice(1), 'unshared');
    expect(await coachReads(unshared)).toEqual([]);
  });

  it('cannot change or delete a client’s document through the owner’s routes (404)', async () => {
    const url = `/api/v1/documents/${sharedId}`;
    for (const response of [
      await as(app, coach).get(url),
      await as(app, coach).get(`${url}/download`),
      await as(app, coach).patch(url, { title: 'Taken' }),
      await as(app, coach).delete(url),
    ])
      expect(response.statusCode).toBe(404);
    expect((await as(app, client).get(url)).json().title).toBe('Shared goals');
  });
});

describe('when the relationship is not active', () => {
  it('answers 404 everywhere while it is paused, again once resumed, and for good once completed', async () => {
    const { id, client } = await activeClientOf(coach);
    const documentId = await uploaded(client, {
      file: pdfOf('Paused words'),
      sharedWithCoaches: true,
    });
    await app.jobs.drain();
    const url = `/api/v1/relationships/${id}`;
    for (const response of await coachRoutes(coach, id, documentId))
      expect(response.statusCode).toBe(200);

    expect((await as(app, coach).patch(url, { status: 'paused' })).statusCode).toBe(200);
    expectNotFound(await coachRoutes(coach, id, documentId), 'paused');
    const list = await as(app, coach).get(`${url}/documents`);
    expect(list.json().message).toBe('Relationship not found.');

    expect((await as(app, client).patch(url, { status: 'active' })).statusCode).toBe(200);
    for (const response of await coachRoutes(coach, id, documentId))
      expect(response.statusCode).toBe(200);

    expect((await as(app, client).patch(url, { status: 'completed' })).statusCode).toBe(200);
    expectNotFound(await coachRoutes(coach, id, documentId), 'completed');
  });

  it('answers 404 for a pending invitation and a declined one, even for shared documents', async () => {
    const email = uniqueEmail('invitee');
    const { id: pendingId } = await inviteClient(app, coach, email);
    const invitee = await signedInAs(app, 'client', { email });
    const documentId = await uploaded(invitee, { file: pdfOf('Not yet'), sharedWithCoaches: true });
    expectNotFound(await coachRoutes(coach, pendingId, documentId), 'pending');

    const declined = await as(app, invitee).post(`/api/v1/relationships/${pendingId}/respond`, {
      accept: false,
    });
    expect(declined.statusCode).toBe(200);
    expectNotFound(await coachRoutes(coach, pendingId, documentId), 'declined');
  });
});

describe('anyone but the relationship’s coach', () => {
  let relationshipId: string;
  let client: Person;
  let documentId: string;
  beforeAll(async () => {
    ({ id: relationshipId, client } = await activeClientOf(coach));
    documentId = await uploaded(client, {
      file: pdfOf('For my coach only'),
      sharedWithCoaches: true,
    });
    await app.jobs.drain();
  });

  it('answers 404 to another coach with this relationship’s id', async () => {
    expectNotFound(await coachRoutes(otherCoach, relationshipId, documentId), 'other coach');
  });

  it('answers 404 to another coach naming this client’s document through their own client', async () => {
    const theirs = await activeClientOf(otherCoach);
    const [list, ...reads] = await coachRoutes(otherCoach, theirs.id, documentId);
    expect((list as Response).statusCode).toBe(200);
    expect(idsOf(list as Response)).not.toContain(documentId);
    expectNotFound(reads, 'another client’s document');
  });

  it('lets each coach of a client read what the client shared, each through their own relationship', async () => {
    const second = await activeClientOf(otherCoach, client);
    for (const response of await coachRoutes(otherCoach, second.id, documentId))
      expect(response.statusCode).toBe(200);
    // Not through the first coach's relationship.
    expectNotFound(await coachRoutes(otherCoach, relationshipId, documentId), 'first coach’s');
  });

  it('answers 403 to the client, an admin and a pending user on the coach’s routes, 401 without a token', async () => {
    const admin = await signedInAs(app, 'admin');
    const pending = await signedInAs(app, 'pending');
    for (const [person, message] of [
      [client, 'This needs the coach role.'],
      [admin, 'This needs the coach role.'],
      [pending, 'Your account is waiting for approval.'],
    ] as const)
      for (const response of await coachRoutes(person, relationshipId, documentId)) {
        expect(response.statusCode, response.body).toBe(403);
        expect(response.json().message).toBe(message);
      }
    const anonymous = await app.inject({
      method: 'GET',
      url: `/api/v1/relationships/${relationshipId}/documents/${documentId}`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers 404 for an unknown relationship or document, and 400 for ids that are not UUIDs', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expectNotFound(await coachRoutes(coach, unknown, documentId), 'unknown relationship');
    const [, ...reads] = await coachRoutes(coach, relationshipId, unknown);
    expectNotFound(reads, 'unknown document');
    for (const response of await coachRoutes(coach, 'not-a-uuid', documentId)) {
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(/params\.id: must be a UUID/);
    }
    const [, ...badDocument] = await coachRoutes(coach, relationshipId, 'not-a-uuid');
    for (const response of badDocument) {
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(/params\.documentId: must be a UUID/);
    }
    const badQuery = await as(app, coach).get(
      `/api/v1/relationships/${relationshipId}/documents?category=diary`,
    );
    expect(badQuery.statusCode).toBe(400);
  });
});
