// The whole document flow on S3-compatible storage (the deployments of several servers): upload,
// extraction from a downloaded copy, ranged download and deletion, against s3rver started here.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { pdfOf, uploadExtracted } from '../../../../test/support/documents.ts';
import { signedInAs } from '../../../../test/support/identity.ts';
import { as } from '../../../../test/support/tenants.ts';
import { testConfig } from '../../config.ts';

const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const bucket = 'arete-documents';
let server: S3rver;
let s3: S3Client;
let workDir: string;
let app: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'arete-s3-app-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: workDir });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  s3 = new S3Client({ endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  app = await createTestApp({
    documents: {
      ...testConfig().documents,
      storage: {
        kind: 's3',
        bucket,
        region: 'us-east-1',
        endpoint,
        forcePathStyle: true,
        credentials,
        spoolDir: path.join(workDir, 'spool'),
      },
    },
  });
});
afterAll(async () => {
  await app?.close();
  s3?.destroy();
  await server?.close();
  await rm(workDir, { recursive: true, force: true });
});

async function storedKeys(): Promise<string[]> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
  return (listed.Contents ?? []).map((object) => object.Key ?? '');
}

it('uploads to the bucket, extracts, serves ranges and deletes the object with the document', async () => {
  const client = await signedInAs(app, 'client');
  const file = pdfOf('Stored in a bucket, read by the extractor');
  const document = await uploadExtracted(app, client, { file });
  expect(document).toMatchObject({ status: 'extracted', wordCount: 8 });
  expect(await storedKeys()).toEqual([`documents/${document.sha256}`]);

  const text = await as(app, client).get(`/api/v1/documents/${document.id}/text`);
  expect(text.json().text).toBe('Stored in a bucket, read by the extractor');
  const ranged = await app.inject({
    method: 'GET',
    url: `/api/v1/documents/${document.id}/download`,
    headers: { authorization: `Bearer ${client.token}`, range: 'bytes=0-7' },
  });
  expect(ranged.statusCode).toBe(206);
  expect(ranged.rawPayload).toEqual(file.subarray(0, 8));

  expect((await as(app, client).delete(`/api/v1/documents/${document.id}`)).statusCode).toBe(204);
  await app.jobs.drain();
  expect(await storedKeys()).toEqual([]);
});
