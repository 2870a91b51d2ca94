// Child side: the zip pre-check a DOCX must pass before mammoth (JSZip) inflates it whole.
// Measured here: mammoth ran out of memory on zip bombs, this check refused them in milliseconds.
// Declared sizes are checked first (cheap), then every entry is inflated as a stream and counted,
// so an archive whose headers lie about sizes is caught without holding anything in memory.
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ExtractionError } from './failures.ts';
import type { ExtractionLimits } from './types.ts';

/** Small entries cannot make a bomb, however well they compress; only larger ones face the ratio. */
const RATIO_CHECK_MIN_BYTES = 1024 * 1024;
/** docProps/app.xml (page count) is read into memory only when it is this small. */
const APP_XML_MAX_BYTES = 64 * 1024;

export type ZipCheckLimits = Pick<
  ExtractionLimits,
  'maxZipEntries' | 'maxZipUncompressedBytes' | 'maxZipCompressionRatio'
>;

export type DocxSummary = {
  /** The <Pages> Word last saved in docProps/app.xml; null when absent. */
  pageCount: number | null;
};

export async function checkDocxZip(bytes: Buffer, limits: ZipCheckLimits): Promise<DocxSummary> {
  const zip = await openZip(bytes);
  // yauzl may emit 'error' between two reads; nextEntry reports errors, this keeps one from crashing.
  zip.on('error', () => {});
  try {
    if (zip.entryCount > limits.maxZipEntries) {
      throw new ExtractionError(
        'zip-too-many-entries',
        `${zip.entryCount} entries, limit ${limits.maxZipEntries}`,
      );
    }
    let declaredTotal = 0;
    let streamedTotal = 0;
    let hasDocument = false;
    let appXml: string | null = null;
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      if (entry.fileName.endsWith('/')) continue;
      if (entry.fileName === 'word/document.xml') hasDocument = true;
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (
        entry.uncompressedSize >= RATIO_CHECK_MIN_BYTES &&
        ratio > limits.maxZipCompressionRatio
      ) {
        throw new ExtractionError('zip-ratio', `${entry.fileName}: ratio ${Math.round(ratio)}`);
      }
      declaredTotal += entry.uncompressedSize;
      if (declaredTotal > limits.maxZipUncompressedBytes) {
        throw new ExtractionError(
          'zip-too-large',
          `declares over ${limits.maxZipUncompressedBytes} bytes`,
        );
      }
      const keep =
        entry.fileName === 'docProps/app.xml' && entry.uncompressedSize <= APP_XML_MAX_BYTES;
      const { bytes, content } = await streamEntry(
        zip,
        entry,
        limits.maxZipUncompressedBytes - streamedTotal,
        keep,
      );
      streamedTotal += bytes;
      if (content !== null) appXml = content;
    }
    if (!hasDocument) throw new ExtractionError('not-docx', 'no word/document.xml');
    return { pageCount: pagesFromAppXml(appXml) };
  } finally {
    zip.close();
  }
}

async function openZip(bytes: Buffer): Promise<ZipFile> {
  try {
    return await yauzl.fromBufferPromise(bytes, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch (error) {
    const detail = messageOf(error);
    // A zip that starts like one but has no central directory at its end was cut short.
    if (/central directory record signature not found/i.test(detail) && startsLikeZip(bytes)) {
      throw new ExtractionError('truncated', detail);
    }
    throw new ExtractionError('not-docx', detail);
  }
}

function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const settle = (entry: Entry | null, error?: unknown) => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
      if (error === undefined) resolve(entry);
      else reject(new ExtractionError('not-docx', messageOf(error)));
    };
    const onEntry = (entry: Entry) => settle(entry);
    const onEnd = () => settle(null);
    const onError = (error: unknown) => settle(null, error);
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

/** Inflates one entry, counting bytes; stops at the declared size or the remaining budget. */
async function streamEntry(
  zip: ZipFile,
  entry: Entry,
  budget: number,
  keep: boolean,
): Promise<{ bytes: number; content: string | null }> {
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (error) {
    throw new ExtractionError('not-docx', `${entry.fileName}: ${messageOf(error)}`);
  }
  const kept: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      // yauzl checks this too, but only after the chunk; counting here keeps the reason precise.
      if (bytes > entry.uncompressedSize) {
        throw new ExtractionError(
          'zip-size-mismatch',
          `${entry.fileName}: over ${entry.uncompressedSize} bytes`,
        );
      }
      if (bytes > budget)
        throw new ExtractionError('zip-too-large', `${entry.fileName}: over budget`);
      if (keep) kept.push(chunk);
    }
  } catch (error) {
    if (error instanceof ExtractionError) throw error;
    const detail = `${entry.fileName}: ${messageOf(error)}`;
    // yauzl's size validation ("too many/few bytes in the stream") and zlib's errors.
    throw new ExtractionError(
      /bytes in the stream/.test(detail) ? 'zip-size-mismatch' : 'not-docx',
      detail,
    );
  } finally {
    stream.destroy();
  }
  return { bytes, content: keep ? Buffer.concat(kept).toString('utf8') : null };
}

function pagesFromAppXml(xml: string | null): number | null {
  const match = xml?.match(/<Pages>\s*(\d{1,7})\s*<\/Pages>/);
  return match?.[1] ? Number(match[1]) : null;
}

function startsLikeZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
