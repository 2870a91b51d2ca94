import { describe, expect, it } from 'vitest';
import { detectDocumentType } from './detect.ts';
import { textPdf } from './test-support/pdf-writer.ts';
import { tempFilesForThisFile } from './test-support/temp-files.ts';
import { docx, writeZip } from './test-support/zip-writer.ts';

const files = tempFilesForThisFile();
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489',
  'hex',
);

describe('detectDocumentType', () => {
  it('reads PDF and DOCX from the bytes, whatever the name says', async () => {
    const pdf = await detectDocumentType(textPdf([['hi']]), { name: 'report.pdf' });
    expect(pdf).toMatchObject({ type: 'pdf', mime: 'application/pdf', contradicts: false });

    const word = await detectDocumentType(docx(['hi']), { name: 'cv.docx' });
    expect(word).toMatchObject({ type: 'docx', ext: 'docx', contradicts: false });

    const renamed = await detectDocumentType(textPdf([['hi']]), { name: 'cv.docx' });
    expect(renamed).toMatchObject({
      type: 'pdf',
      declared: { fromName: 'docx' },
      contradicts: true,
    });
  });

  it('reads a file path the same way as bytes', async () => {
    const file = await files.write('upload.bin', docx(['hi']));
    expect(await detectDocumentType(file)).toMatchObject({ type: 'docx', contradicts: false });
  });

  it('calls valid UTF-8 without NULs text, and Markdown only when declared so', async () => {
    const bytes = Buffer.from('# Goals\n\nBe kind — café ☕\n');
    expect(await detectDocumentType(bytes)).toMatchObject({ type: 'text', mime: 'text/plain' });
    expect(await detectDocumentType(bytes, { name: 'goals.md', mime: 'text/plain' })).toMatchObject(
      {
        type: 'markdown',
        contradicts: false,
      },
    );
    expect(await detectDocumentType(bytes, { mime: 'text/markdown' })).toMatchObject({
      type: 'markdown',
    });
    expect(await detectDocumentType(bytes, { name: 'notes.log' })).toMatchObject({
      type: 'text',
      contradicts: false,
    });
  });

  it('refuses binary data as text: NUL bytes, invalid UTF-8, an empty file', async () => {
    expect((await detectDocumentType(Buffer.from('abc\u0000def'))).type).toBeNull();
    expect((await detectDocumentType(Buffer.from([0x61, 0xff, 0xfe, 0x62]))).type).toBeNull();
    expect((await detectDocumentType(Buffer.alloc(0))).type).toBeNull();
  });

  it('lets the caller see a spoofed type: garbage or an image named .pdf', async () => {
    const garbage = await detectDocumentType(Buffer.from([1, 2, 3, 250, 251, 0, 9]), {
      name: 'invoice.pdf',
      mime: 'application/pdf',
    });
    expect(garbage).toMatchObject({ type: null, declared: { fromName: 'pdf', fromMime: 'pdf' } });
    expect(garbage.contradicts).toBe(true);

    const image = await detectDocumentType(PNG, { name: 'scan.pdf' });
    expect(image).toMatchObject({ type: null, mime: 'image/png', contradicts: true });

    const text = await detectDocumentType(Buffer.from('plain words'), { mime: 'application/pdf' });
    expect(text).toMatchObject({ type: 'text', contradicts: true });
  });

  it('does not take any zip for a DOCX', async () => {
    const zip = writeZip([{ name: 'notes.txt', content: 'hi' }]);
    expect(await detectDocumentType(zip, { name: 'notes.docx' })).toMatchObject({
      type: null,
      mime: 'application/zip',
      contradicts: true,
    });
  });
});
