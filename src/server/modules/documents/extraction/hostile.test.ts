// Hostile and broken files: each fails its document with its own reason, in its own process, and
// the test process (standing in for the server) keeps running its event loop meanwhile.
import { afterAll, describe, expect, it } from 'vitest';
import { createExtractionPool } from './pool.ts';
import { bombPdf, encryptedPdf, textPdf } from './test-support/pdf-writer.ts';
import { tempFilesForThisFile } from './test-support/temp-files.ts';
import { deflateZeros, zlibDeflateZeros } from './test-support/zero-deflate.ts';
import { docx, docxEntries, writeZip } from './test-support/zip-writer.ts';
import type { ExtractionResult, FailureCode } from './types.ts';

const files = tempFilesForThisFile();
const MiB = 1024 * 1024;
// Small limits keep the bombs quick on a 2-core machine.
const pool = createExtractionPool({ limits: { maxMemoryBytes: 256 * MiB, timeoutMs: 10_000 } });
// Its spare child must not outlive the file.
afterAll(() => pool.close());

function expectFailure(result: ExtractionResult, code: FailureCode) {
  if (result.ok) throw new Error(`expected ${code}, got text: ${result.text.slice(0, 80)}`);
  expect(result.failure.code, result.failure.detail).toBe(code);
  expect(result.failure.reason.length).toBeGreaterThan(10);
  return result.failure;
}

const GOOD_PDF = textPdf([['Page one'], ['Page two']]);

describe('hostile PDFs', () => {
  it('stops a PDF bomb by its memory, while the main event loop keeps turning', async () => {
    const file = await files.write('bomb.pdf', bombPdf(1024 * MiB));
    let ticks = 0;
    const ticker = setInterval(() => {
      ticks += 1;
    }, 10);
    try {
      const failure = expectFailure(await pool.extract(file, 'pdf'), 'memory');
      expect(failure.retryable).toBe(false);
    } finally {
      clearInterval(ticker);
    }
    expect(ticks).toBeGreaterThan(0);
  });

  it('stops an extraction that runs past its time', async () => {
    const file = await files.write('slow.pdf', bombPdf(1024 * MiB));
    // Far more memory allowed than it reaches in the time given: the clock ends it.
    const limits = { timeoutMs: 150, maxMemoryBytes: 1536 * MiB };
    expectFailure(await pool.extract(file, 'pdf', { limits }), 'timeout');
  });

  it('refuses an encrypted PDF', async () => {
    const file = await files.write('locked.pdf', encryptedPdf());
    expectFailure(await pool.extract(file, 'pdf'), 'encrypted');
  });

  it('refuses a truncated PDF instead of returning its first pages', async () => {
    const file = await files.write(
      'cut.pdf',
      GOOD_PDF.subarray(0, Math.floor(GOOD_PDF.length * 0.7)),
    );
    expectFailure(await pool.extract(file, 'pdf'), 'truncated');
  });

  it('refuses garbage with a .pdf name', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const file = await files.write('invoice.pdf', garbage);
    expectFailure(await pool.extract(file, 'pdf'), 'invalid-pdf');
  });

  it('refuses a PDF over the page cap before reading its pages', async () => {
    const pages = Array.from({ length: 30 }, (_, i) => [`Page ${i + 1}`]);
    const file = await files.write('long.pdf', textPdf(pages));
    const failure = expectFailure(
      await pool.extract(file, 'pdf', { limits: { maxPages: 25 } }),
      'too-many-pages',
    );
    expect(failure.detail).toContain('30 pages');
  });

  it('refuses text over the length cap', async () => {
    const file = await files.write('wordy.pdf', GOOD_PDF);
    expectFailure(
      await pool.extract(file, 'pdf', { limits: { maxTextChars: 10 } }),
      'text-too-long',
    );
  });
});

describe('hostile DOCX files', () => {
  it('refuses a zip bomb: a huge entry compressed a thousandfold', async () => {
    const size = 150 * MiB;
    const bomb = {
      name: 'word/media/image1.png',
      deflated: await zlibDeflateZeros(size),
      declaredSize: size,
    };
    const file = await files.write('bomb.docx', writeZip([...docxEntries(['Hi']), bomb]));
    expectFailure(await pool.extract(file, 'docx'), 'zip-ratio');
  });

  it('refuses an entry whose header lies about its size', async () => {
    const zeros = deflateZeros(150 * MiB);
    const liar = { name: 'word/media/image1.png', deflated: zeros.data, declaredSize: 1_000 };
    const file = await files.write('liar.docx', writeZip([...docxEntries(['Hi']), liar]));
    expectFailure(await pool.extract(file, 'docx'), 'zip-size-mismatch');
  });

  it('refuses a DOCX that unpacks to more than the total cap', async () => {
    const padding = Array.from({ length: 6 }, (_, i) => ({
      name: `word/pad${i}.xml`,
      content: 'x'.repeat(MiB),
    }));
    const file = await files.write('padded.docx', writeZip([...docxEntries(['Hi']), ...padding]));
    const limits = { maxZipUncompressedBytes: 5 * MiB, maxZipCompressionRatio: 10_000 };
    expectFailure(await pool.extract(file, 'docx', { limits }), 'zip-too-large');
  });

  it('refuses a zip with too many entries', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      name: `word/part${i}.xml`,
      content: '<x/>',
    }));
    const file = await files.write('many.docx', writeZip([...docxEntries(['Hi']), ...many]));
    expectFailure(
      await pool.extract(file, 'docx', { limits: { maxZipEntries: 50 } }),
      'zip-too-many-entries',
    );
  });

  it('refuses a truncated DOCX, a zip that is not a DOCX and a PDF sent as DOCX', async () => {
    const word = docx(['Some words']);
    const cut = await files.write('cut.docx', word.subarray(0, word.length - 40));
    expectFailure(await pool.extract(cut, 'docx'), 'truncated');

    const zip = await files.write('other.docx', writeZip([{ name: 'notes.txt', content: 'hi' }]));
    expectFailure(await pool.extract(zip, 'docx'), 'not-docx');

    const pdf = await files.write('really-a-pdf.docx', GOOD_PDF);
    expectFailure(await pool.extract(pdf, 'docx'), 'not-docx');
  });
});

describe('other failures', () => {
  it('refuses binary data declared as text', async () => {
    const file = await files.write('binary.txt', Buffer.from([0x68, 0x69, 0x00, 0xff, 0xfe]));
    expectFailure(await pool.extract(file, 'text'), 'not-text');
  });

  it('reports a missing file as unreadable, which is worth retrying', async () => {
    const failure = expectFailure(
      await pool.extract('/nonexistent/arete/file.pdf', 'pdf'),
      'unreadable',
    );
    expect(failure.retryable).toBe(true);
  });
});
