// The durability of extraction: a job whose server died is taken over once its lease lapses, a
// killed extraction process is retried, a stopping server leaves the document for the next start
// (never `failed`), and a stored file no document took is removed.
import { Readable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { upload } from '../../../../test/support/documents.ts';
import { signedInAs } from '../../../../test/support/identity.ts';
import type { Person } from '../../../../test/support/tenants.ts';
import { claimDueJobs } from '../../jobs/repository.ts';
import { jobs } from '../../jobs/schema.ts';
import { extractionChildren } from './extraction/test-support/children.ts';
import { textPdf } from './extraction/test-support/pdf-writer.ts';
import { queueContentRelease } from './jobs.ts';
import { documents } from './schema.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
let owner: Person;
beforeAll(async () => {
  app = await createTestApp();
  owner = await signedInAs(app, 'client');
});
afterAll(() => app.close());

// Enough pages that extracting takes a while (a child process, then ~10 ms a page): time to act.
const WORDS = ['purpose', 'feedback', 'resilience', 'curiosity', 'delegation', 'clarity'];
function longPdf(pages: number, marker: string): Buffer {
  return textPdf(
    Array.from({ length: pages }, (_, page) =>
      Array.from(
        { length: 40 },
        (_, line) => `${marker} page ${page + 1} line ${line + 1} ${WORDS.join(' ')}`,
      ),
    ),
  );
}

async function uploadPdf(file: Buffer): Promise<string> {
  const response = await upload(app, owner, { file });
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

async function documentRow(id: string) {
  const [row] = await app.database.db.select().from(documents).where(eq(documents.id, id));
  return row;
}

async function extractionJob(documentId: string) {
  const [row] = await app.database.db
    .select()
    .from(jobs)
    .where(sql`${jobs.kind} = 'documents.extract' and ${jobs.key} = ${documentId}`);
  if (!row) throw new Error('no extraction job');
  return row;
}

/** Makes a retry the runner scheduled for later due now. */
async function makeDue(jobId: string): Promise<void> {
  await app.database.db.update(jobs).set({ runAt: sql`now()` }).where(eq(jobs.id, jobId));
}

async function untilChildRuns(): Promise<number> {
  for (;;) {
    const [pid] = await extractionChildren();
    if (pid) return pid;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('document extraction jobs', () => {
  it('takes over a job whose server died mid-extraction once its lease lapses', async () => {
    await app.jobs.stop();
    const id = await uploadPdf(textPdf([['Resumed after the crash']]));
    // Another server claims the job, marks the document and dies: its lease is all that is left.
    const [claimed] = await claimDueJobs(app.database.db, [
      { kind: 'documents.extract', slots: 1, leaseMs: 1_000, maxAttempts: 5 },
    ]);
    expect(claimed?.key).toBe(id);
    await app.database.db
      .update(documents)
      .set({ status: 'extracting' })
      .where(eq(documents.id, id));

    app.jobs.start();
    await app.jobs.drain();
    expect((await documentRow(id))?.status).toBe('extracting');

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await app.jobs.drain();
    const row = await documentRow(id);
    expect(row).toMatchObject({ status: 'extracted', text: 'Resumed after the crash' });
    expect((await extractionJob(id)).attempts).toBe(2);
  });

  it('retries an extraction whose process was killed, and then extracts it', async () => {
    const id = await uploadPdf(longPdf(150, 'killed'));
    const draining = app.jobs.drain();
    process.kill(await untilChildRuns(), 'SIGKILL');
    await draining;

    const job = await extractionJob(id);
    expect(job).toMatchObject({ attempts: 1, finishedAt: null, failedAt: null });
    expect(job.lastError).toMatch(/crashed/);
    expect((await documentRow(id))?.status).toBe('extracting');

    await makeDue(job.id);
    await app.jobs.drain();
    const row = await documentRow(id);
    expect(row?.status).toBe('extracted');
    expect(row?.pageCount).toBe(150);
    expect(row?.text).toContain('killed page 150 line 40 purpose');
  });

  it('leaves a document being extracted for the next start when the server stops', async () => {
    const id = await uploadPdf(longPdf(150, 'stopped'));
    app.jobs.nudge();
    await untilChildRuns();
    await app.jobs.stop();

    expect(await extractionChildren()).toEqual([]);
    const job = await extractionJob(id);
    expect(job).toMatchObject({ finishedAt: null, failedAt: null });
    expect(job.lastError).toMatch(/cancelled/);
    expect(await documentRow(id)).toMatchObject({ status: 'extracting', failureReason: null });

    app.jobs.start();
    await makeDue(job.id);
    await app.jobs.drain();
    expect((await documentRow(id))?.status).toBe('extracted');
  });

  it('drops the waiting extraction of a document deleted before it ran', async () => {
    await app.jobs.stop();
    const id = await uploadPdf(textPdf([['Deleted at once']]));
    const deleted = await app.inject({
      method: 'DELETE',
      url: `/api/v1/documents/${id}`,
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(deleted.statusCode).toBe(204);
    const waiting = await app.database.db
      .select()
      .from(jobs)
      .where(sql`${jobs.kind} = 'documents.extract' and ${jobs.key} = ${id}`);
    expect(waiting).toEqual([]);
    app.jobs.start();
  });

  it('removes a stored file that no document took, and keeps one that a document uses', async () => {
    const orphan = await app.documentStorage.put(Readable.from([Buffer.from('nobody’s file')]), {
      maxBytes: 1024,
    });
    const used = (await documentRow(await uploadPdf(textPdf([['Kept']]))))?.sha256 ?? '';
    await queueContentRelease(app.database.db, orphan.sha256);
    await queueContentRelease(app.database.db, used);
    await app.jobs.drain();

    expect(await app.documentStorage.has(orphan.sha256)).toBe(false);
    expect(await app.documentStorage.has(used)).toBe(true);
  });
});
