// Real files through the real child process: the text that comes out is the text that went in.
import { afterAll, describe, expect, it } from 'vitest';
import { createExtractionPool } from './pool.ts';
import { textPdf } from './test-support/pdf-writer.ts';
import { tempFilesForThisFile } from './test-support/temp-files.ts';
import { docx } from './test-support/zip-writer.ts';
import type { ExtractionResult } from './types.ts';

const files = tempFilesForThisFile();
const pool = createExtractionPool({
  limits: { maxMemoryBytes: 256 * 1024 * 1024, timeoutMs: 10_000 },
});
// Its spare child must not outlive the file.
afterAll(() => pool.close());

function expectText(result: ExtractionResult) {
  if (!result.ok) throw new Error(`extraction failed: ${JSON.stringify(result.failure)}`);
  return result;
}

describe('extractText on real files', () => {
  it('reads every page of a PDF, joining words hyphenated at line ends', async () => {
    const file = await files.write(
      'notes.pdf',
      textPdf([
        ['Coaching notes, week 1', 'Goals for the manage-', 'ment team (Q3)'],
        ['Second page:  caf\u00e9 au lait', 'Trust \\ candour'],
        ['Third page'],
      ]),
    );
    const result = expectText(await pool.extract(file, 'pdf'));
    expect(result.text).toBe(
      'Coaching notes, week 1\nGoals for the management team (Q3)\n' +
        'Second page: café au lait\nTrust \\ candour\nThird page',
    );
    expect(result.pageCount).toBe(3);
    expect(result.wordCount).toBe(19);
  });

  it('reads a DOCX, with the page count Word saved', async () => {
    const file = await files.write(
      'cv.docx',
      docx(
        ['Curriculum vitae', 'Led a team of  twelve — élan & <care>', 'References on request'],
        2,
      ),
    );
    const result = expectText(await pool.extract(file, 'docx'));
    expect(result.text).toBe(
      'Curriculum vitae\n\nLed a team of twelve — élan & <care>\n\nReferences on request',
    );
    expect(result).toMatchObject({ pageCount: 2, wordCount: 12 });
  });

  it('reads plain text and Markdown as they are, normalised, without a BOM', async () => {
    const text = await files.write('plain.txt', '\ufeffDear coach,\r\n\r\n\r\nthank you.\u0007\n');
    expect(await pool.extract(text, 'text')).toEqual({
      ok: true,
      text: 'Dear coach,\n\nthank you.',
      pageCount: null,
      wordCount: 4,
    });

    const markdown = await files.write('goals.md', '# Goals\n\n- Sleep   more\n- Read *daily*\n');
    expect(expectText(await pool.extract(markdown, 'markdown')).text).toBe(
      '# Goals\n\n- Sleep more\n- Read *daily*',
    );
  });
});
