// Helpers for the documents tests: multipart bodies as a browser sends them, and uploads.
import { textPdf } from '../../src/server/modules/documents/extraction/test-support/pdf-writer.ts';
import type { createTestApp } from './app.ts';
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
