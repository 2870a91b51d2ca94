// The raw baseline of the `upload` scenario (bench/raw.ts routes `POST /api/v1/documents` here):
// the least a Node server can do to keep an upload durably and record it. The request body streams
// to a temp file while its sha256 is computed, is fsync'ed and renamed to its content address (as
// Arete's disk storage does: a crash leaves the whole file or none), then the same SQL as Arete's
// in one transaction: the owner's quota lock and sum, the content lock, the document row, its job
// and the audit entry. No multipart parsing (the whole body is stored and hashed, ~400 bytes of
// framing beside the file), no type detection, no validation.
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type pg from 'pg';

const root = path.join(tmpdir(), `arete-raw-uploads-${process.pid}`);
mkdirSync(path.join(root, 'tmp'), { recursive: true });
process.once('exit', () => rmSync(root, { recursive: true, force: true }));

async function store(request: IncomingMessage): Promise<{ sha256: string; size: number }> {
  const temp = path.join(root, 'tmp', randomUUID());
  const file = await open(temp, 'w', 0o600);
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of request as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
      await file.write(chunk);
    }
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(temp, { force: true });
    throw error;
  }
  await file.close();
  const sha256 = hash.digest('hex');
  const target = path.join(root, sha256);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.size === size) await rm(temp);
  else await rename(temp, target);
  return { sha256, size };
}

const COLUMNS =
  'id, title, original_name, type, size, sha256, category, status, failure_reason, page_count, ' +
  'word_count, shared_with_coaches, extracted_at, created_at, updated_at';

export async function upload(
  pool: pg.Pool,
  userId: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  let stored: { sha256: string; size: number };
  try {
    stored = await store(request);
  } catch (error) {
    // autocannon drops its connections mid-body when a run ends: nobody waits for an answer.
    if (request.destroyed || (error as NodeJS.ErrnoException).code === 'ECONNRESET') return;
    throw error;
  }
  const { sha256, size } = stored;
  const client = await pool.connect();
  let row: Record<string, unknown>;
  try {
    await client.query('begin');
    await client.query({
      name: 'raw-owner-lock',
      text: 'select pg_advisory_xact_lock(hashtextextended($1, 0))',
      values: [`documents.owner:${userId}`],
    });
    await client.query({
      name: 'raw-used-bytes',
      text: 'select coalesce(sum(size), 0) as used from documents where owner_user_id = $1',
      values: [userId],
    });
    await client.query({
      name: 'raw-content-lock',
      text: 'select pg_advisory_xact_lock(hashtextextended($1, 0))',
      values: [`documents.content:${sha256}`],
    });
    const inserted = await client.query({
      name: 'raw-insert-document',
      text:
        'insert into documents (owner_user_id, title, original_name, type, size, sha256, category) ' +
        `values ($1, $2, $3, 'pdf', $4, $5, 'other') returning ${COLUMNS}`,
      values: [userId, 'Annual coaching report', 'annual-report.pdf', size, sha256],
    });
    row = inserted.rows[0];
    // Written already finished: Arete's job runner, on the same database, must not pick it up.
    await client.query({
      name: 'raw-insert-job',
      text:
        "insert into jobs (kind, key, payload, finished_at) values ('documents.extract', $1, $2, now()) " +
        'on conflict (kind, key) do nothing',
      values: [row.id, { documentId: row.id }],
    });
    await client.query({
      name: 'raw-insert-audit',
      text: "insert into audit_log (actor, action, target, details) values ($1, 'document.upload', $2, $3)",
      values: [userId, `document:${row.id}`, { before: null, after: { size, sha256 } }],
    });
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
  const text = JSON.stringify({
    id: row.id,
    title: row.title,
    originalName: row.original_name,
    type: row.type,
    mimeType: 'application/pdf',
    size: row.size,
    sha256: row.sha256,
    category: row.category,
    status: row.status,
    failureReason: row.failure_reason,
    pageCount: row.page_count,
    wordCount: row.word_count,
    sharedWithCoaches: row.shared_with_coaches,
    extractedAt: null,
    createdAt: (row.created_at as Date).toISOString(),
    updatedAt: (row.updated_at as Date).toISOString(),
    snippet: null,
  });
  response.writeHead(201, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}
