import type { DocumentStorageConfig } from '../../../config.ts';
import { DiskStorage } from './disk.ts';
import { S3Storage } from './s3.ts';
import type { DocumentStorage } from './storage.ts';

/** The configured adapter: disk under DATA_DIR/uploads by default, S3 for several servers. */
export function openDocumentStorage(config: DocumentStorageConfig): Promise<DocumentStorage> {
  if (config.kind === 'disk') return DiskStorage.create({ root: config.root });
  return S3Storage.create({
    bucket: config.bucket,
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    spoolDir: config.spoolDir,
  });
}
