/**
 * S3-compatible object storage, for deployments on several servers: key `documents/<sha256>`.
 *
 * The key depends on the hash, known only at the end of the stream, so an upload is first spooled
 * to a local temp file while hashing (never held whole in memory), then sent with one PutObject
 * straight to its final key. S3 makes an object visible only once its upload completes, so there
 * is no temporary key to copy from or to leak after a crash, and an oversized or broken upload
 * never reaches the bucket at all. The sha256 goes along as the object's checksum, which S3
 * verifies on arrival. One PutObject takes up to 5 GiB, far above any sensible UPLOAD_MAX_BYTES.
 */
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import {
  assertMaxBytes,
  assertRange,
  assertSha256,
  ContentNotFoundError,
  IntegrityError,
  RangeNotSatisfiableError,
  StorageError,
} from './errors.ts';
import { DEFAULT_STALE_TEMP_MS, spoolToTempFile, sweepStaleFiles } from './spool.ts';
import type { ByteRange, DocumentStorage, PutOptions, StoredContent } from './storage.ts';

export type S3StorageOptions = {
  bucket: string;
  region: string;
  /** For S3-compatible services (MinIO, R2, …); omit for AWS itself. */
  endpoint?: string;
  /** `https://host/bucket/key` rather than `https://bucket.host/key`; most non-AWS services need it. */
  forcePathStyle?: boolean;
  /** Omit to use the SDK's default chain (environment, instance role, …). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** A local directory owned by this storage alone, for uploads being hashed and for downloads. */
  spoolDir: string;
  staleTempMs?: number;
};

const KEY_PREFIX = 'documents/';
/** Downloads for extraction are bounded by what put accepted; this only satisfies the type. */
const NO_LIMIT = Number.MAX_SAFE_INTEGER;

export class S3Storage implements DocumentStorage {
  readonly bucket: string;
  readonly #client: S3Client;
  readonly #spoolDir: string;

  private constructor(client: S3Client, bucket: string, spoolDir: string) {
    this.#client = client;
    this.bucket = bucket;
    this.#spoolDir = spoolDir;
  }

  /** Fails at start, with the cause, when the bucket cannot be reached with these settings. */
  static async create(options: S3StorageOptions): Promise<S3Storage> {
    const client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle ?? false,
      credentials: options.credentials,
      // Since 3.729 the SDK adds a CRC32 checksum to every upload, sent as an aws-chunked body
      // for streams, which several S3-compatible servers mishandle: s3rver stores the chunk
      // framing inside the object (the contract tests catch it). Our own SHA-256 checksum on
      // PutObject already stops that; asking only for required checksums keeps other calls plain.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    const spoolDir = path.resolve(options.spoolDir);
    try {
      await mkdir(spoolDir, { recursive: true, mode: 0o700 });
      await sweepStaleFiles(spoolDir, options.staleTempMs ?? DEFAULT_STALE_TEMP_MS);
      await client.send(new HeadBucketCommand({ Bucket: options.bucket }));
    } catch (error) {
      client.destroy();
      throw new StorageError(
        's3_unavailable',
        `S3 bucket "${options.bucket}" is not usable: ${(error as Error).message || (error as Error).name}`,
        { cause: error },
      );
    }
    return new S3Storage(client, options.bucket, spoolDir);
  }

  /** The only way a key is made: from a validated sha256. */
  keyOf(sha256: string): string {
    assertSha256(sha256);
    return `${KEY_PREFIX}${sha256}`;
  }

  async put(source: Readable, { maxBytes }: PutOptions): Promise<StoredContent> {
    assertMaxBytes(maxBytes);
    const spooled = await spoolToTempFile(source, this.#spoolDir, { maxBytes, fsync: false });
    const { sha256, size } = spooled;
    try {
      const key = this.keyOf(sha256);
      // Same size under a content-addressed key: the same bytes, so nothing to send.
      if ((await this.#headSize(key)) === size) return { sha256, size, created: false };
      await this.#client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: createReadStream(spooled.path),
          ContentLength: size,
          ContentType: 'application/octet-stream',
          ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
        }),
      );
      return { sha256, size, created: true };
    } finally {
      await rm(spooled.path, { force: true });
    }
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.#headSize(this.keyOf(sha256))) !== undefined;
  }

  async size(sha256: string): Promise<number> {
    const size = await this.#headSize(this.keyOf(sha256));
    if (size === undefined) throw new ContentNotFoundError(sha256);
    return size;
  }

  async open(sha256: string, range?: ByteRange): Promise<Readable> {
    const key = this.keyOf(sha256);
    if (range) assertRange(range);
    try {
      const response = await this.#client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          // S3 clamps an end past the object, as the ByteRange contract asks.
          Range: range ? `bytes=${range.start}-${range.end ?? ''}` : undefined,
        }),
      );
      if (!(response.Body instanceof Readable)) throw new Error('S3 returned no readable body.');
      return response.Body;
    } catch (error) {
      if (statusOf(error) === 404) throw new ContentNotFoundError(sha256);
      if (statusOf(error) === 416) throw new RangeNotSatisfiableError();
      throw error;
    }
  }

  async delete(sha256: string): Promise<void> {
    // S3 answers a delete of a missing key with success, which is the idempotence we want.
    await this.#client.send(
      new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }),
    );
  }

  async withLocalFile<T>(sha256: string, use: (filePath: string) => Promise<T>): Promise<T> {
    const body = await this.open(sha256);
    const spooled = await spoolToTempFile(body, this.#spoolDir, {
      maxBytes: NO_LIMIT,
      fsync: false,
    });
    try {
      // The extractor must not read bytes other than those the document was uploaded with.
      if (spooled.sha256 !== sha256) throw new IntegrityError(sha256);
      return await use(spooled.path);
    } finally {
      await rm(spooled.path, { force: true });
    }
  }

  async close(): Promise<void> {
    this.#client.destroy();
  }

  async #headSize(key: string): Promise<number | undefined> {
    try {
      const head = await this.#client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: key }),
      );
      return head.ContentLength ?? 0;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }
}

function statusOf(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}
