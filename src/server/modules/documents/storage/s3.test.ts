import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CreateBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntegrityError, StorageError } from './errors.ts';
import { S3Storage } from './s3.ts';
import { describeStorageContract, readAll, sha256Of, streamOf } from './storage-contract.ts';

// s3rver accepts any signature made with these.
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const region = 'us-east-1';

let server: S3rver;
let endpoint: string;
let admin: S3Client;
let workDir: string;
let buckets = 0;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'arete-s3-storage-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: workDir });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  admin = new S3Client({ endpoint, region, credentials, forcePathStyle: true });
});
afterAll(async () => {
  admin?.destroy();
  await server?.close();
  await rm(workDir, { recursive: true, force: true });
});

/** A fresh bucket and spool directory per test, so inventories start empty. */
async function newStorage() {
  buckets += 1;
  const bucket = `documents-${buckets}`;
  await admin.send(new CreateBucketCommand({ Bucket: bucket }));
  const spoolDir = path.join(workDir, 'spool', bucket);
  const storage = await S3Storage.create({
    bucket,
    region,
    endpoint,
    forcePathStyle: true,
    credentials,
    spoolDir,
  });
  async function inventory(): Promise<string[]> {
    const listed = await admin.send(new ListObjectsV2Command({ Bucket: bucket }));
    const keys = (listed.Contents ?? []).map((object) => object.Key ?? '');
    const spooled = (await readdir(spoolDir)).map((name) => `spool/${name}`);
    return [...keys, ...spooled].sort();
  }
  return { storage, inventory, bucket };
}

describeStorageContract('s3', newStorage);

describe('S3Storage', () => {
  it('stores content under documents/<sha256>', async () => {
    const { storage, inventory } = await newStorage();
    const content = Buffer.from('hello');
    await storage.put(streamOf(content), { maxBytes: 10 });
    expect(await inventory()).toEqual([`documents/${sha256Of(content)}`]);
    await storage.close();
  });

  it('fails at creation, with the reason, when the bucket does not exist', async () => {
    const creating = S3Storage.create({
      bucket: 'no-such-bucket',
      region,
      endpoint,
      forcePathStyle: true,
      credentials,
      spoolDir: path.join(workDir, 'spool', 'none'),
    });
    await expect(creating).rejects.toBeInstanceOf(StorageError);
    await expect(creating).rejects.toThrow(/no-such-bucket/);
  });

  it('replaces a damaged object of the wrong size instead of trusting it', async () => {
    const { storage, bucket } = await newStorage();
    const content = randomBytes(2000);
    const key = storage.keyOf(sha256Of(content));
    await admin.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'truncated' }));

    expect((await storage.put(streamOf(content), { maxBytes: 2000 })).created).toBe(true);
    expect((await readAll(await storage.open(sha256Of(content)))).equals(content)).toBe(true);
    await storage.close();
  });

  it('refuses to lend a local file whose bytes do not match their sha256', async () => {
    const { storage, bucket, inventory } = await newStorage();
    const sha256 = sha256Of(Buffer.from('the real content'));
    await admin.send(
      new PutObjectCommand({ Bucket: bucket, Key: storage.keyOf(sha256), Body: 'tampered' }),
    );

    await expect(storage.withLocalFile(sha256, async () => 'read')).rejects.toBeInstanceOf(
      IntegrityError,
    );
    expect(await inventory()).toEqual([storage.keyOf(sha256)]);
    await storage.close();
  });
});
