// Helpers for the documents tests: multipart bodies as a browser sends them, and uploads.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../src/server/config.ts';
import { textPdf } from '../../src/server/modules/documents/extraction/test-support/pdf-writer.ts';
import { createTestApp } from './app.ts';
import { bearer } from './identity.ts';
import type { Person } from './tenants.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export type UploadPart =
  | { name: string; value: string }
  | { name: string; file: Uint8Array; filename?: string; type?: string };

/** A multipart/form-data body, encoded by the platform's own FormData (as fetch would send it). */
export async function multipartBody(
  parts: UploadPart[],
): Promise<{ payload: Buffer; headers: { 'content-type': string } }> {
  const form = new FormData();
  for (const part of parts) {
    if ('value' in part) form.append(part.name, part.value);
    else
      form.append(
        part.name,
        new Blob([new Uint8Array(part.file)], { type: part.type ?? '' }),
        part.filename ?? 'file',
      );
  }
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
  };
}

export type UploadInput = {
  file?: Uint8Array;
  filename?: string;
  type?: string;
  category?: string;
  title?: string;
  sharedWithCoaches?: boolean;
};

/** A one-page PDF holding these words. */
export function pdfOf(...lines: string[]): Buffer {
  return textPdf([lines]);
}

export async function upload(app: TestApp, person: Person, input: UploadInput = {}) {
  const parts: UploadPart[] = [{ name: 'category', value: input.category ?? 'other' }];
  if (input.title !== undefined) parts.push({ name: 'title', value: input.title });
  if (input.sharedWithCoaches !== undefined)
    parts.push({ name: 'sharedWithCoaches', value: String(input.sharedWithCoaches) });
  parts.push({
    name: 'file',
    file: input.file ?? pdfOf('Quarterly reflection on leadership goals'),
    filename: input.filename ?? 'reflection.pdf',
    type: input.type ?? 'application/pdf',
  });
  return uploadParts(app, person, parts);
}

export async function uploadParts(app: TestApp, person: Person, parts: UploadPart[]) {
  const { payload, headers } = await multipartBody(parts);
  return app.inject({
    method: 'POST',
    url: '/api/v1/documents',
    payload,
    headers: { ...bearer(person.token), ...headers },
  });
}

/** Uploads, runs the extraction, and answers the document as its owner then sees it. */
export async function uploadExtracted(app: TestApp, person: Person, input: UploadInput = {}) {
  const response = await upload(app, person, input);
  if (response.statusCode !== 201)
    throw new Error(`upload failed: ${response.statusCode} ${response.body}`);
  await app.jobs.drain();
  const document = await app.inject({
    method: 'GET',
    url: `/api/v1/documents/${response.json().id}`,
    headers: bearer(person.token),
  });
  return document.json();
}

/**
 * A test app with other document limits. `createTestApp`'s `documents` override replaces the
 * storage too, so this one gives the app an uploads folder of its own (and `uploadsDir` names it).
 */
export async function createDocumentsTestApp(
  limits: Partial<Pick<Config['documents'], 'maxUploadBytes' | 'quotaBytes'>>,
) {
  const uploads = await mkdtemp(path.join(os.tmpdir(), 'arete-uploads-'));
  const defaults = { maxUploadBytes: 20 * 1024 * 1024, quotaBytes: 500 * 1024 * 1024 };
  const app = await createTestApp({
    documents: { ...defaults, ...limits, storage: { kind: 'disk', root: uploads } },
  });
  app.addHook('onClose', () => rm(uploads, { recursive: true, force: true }));
  return Object.assign(app, { uploadsDir: uploads });
}

/** The files the disk storage holds (by sha256), and the temporary files of uploads under way. */
export async function storedFiles(
  app: TestApp,
): Promise<{ stored: string[]; temporary: string[] }> {
  const entries = await readdir(app.uploadsDir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  const inTmp = (entry: (typeof files)[number]) =>
    path.relative(app.uploadsDir, entry.parentPath).split(path.sep)[0] === 'tmp';
  return {
    stored: files.filter((entry) => !inTmp(entry)).map((entry) => entry.name),
    temporary: files.filter(inTmp).map((entry) => entry.name),
  };
}

/**
 * A multipart body whose file part is written by hand: `disposition` is the part's whole
 * Content-Disposition parameters after `form-data; name="file"` (e.g. `filename*=UTF-8''a%22b.pdf`),
 * for names a browser's FormData would percent-encode.
 */
export function rawFileBody(input: {
  fields?: Record<string, string>;
  disposition: string;
  file: Uint8Array;
  type?: string;
}): { payload: Buffer; headers: { 'content-type': string } } {
  const boundary = '----arete-test-boundary-7d3f1c';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(input.fields ?? { category: 'other' })) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  chunks.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; ${input.disposition}\r\n` +
        `Content-Type: ${input.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    Buffer.from(input.file),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
