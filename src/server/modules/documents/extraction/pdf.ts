// Child side: PDF text with unpdf's bundled pdf.js, page by page so the caps stop early.
import { getDocumentProxy } from 'unpdf';
import { ExtractionError } from './failures.ts';
import type { ExtractionLimits } from './types.ts';

const ASCII = new TextDecoder('latin1');

export async function extractPdf(
  bytes: Uint8Array,
  limits: ExtractionLimits,
): Promise<{ text: string; pageCount: number }> {
  // pdf.js repairs what it can, so a cut-off file would quietly yield its first pages. The spec
  // (and Acrobat) want the header in the first KiB and "%%EOF" in the last one; check both first.
  if (!ASCII.decode(bytes.subarray(0, 1024)).includes('%PDF-')) {
    throw new ExtractionError('invalid-pdf', 'no %PDF- header in the first KiB');
  }
  if (!ASCII.decode(bytes.subarray(-1024)).includes('%%EOF')) {
    throw new ExtractionError('truncated', 'no %%EOF marker in the last KiB');
  }

  // verbosity 0: pdf.js's warnings about odd files would only fill the child's stderr.
  const pdf = await getDocumentProxy(bytes, { verbosity: 0 }).catch((error: unknown) => {
    throw pdfJsError(error);
  });
  try {
    if (pdf.numPages > limits.maxPages) {
      throw new ExtractionError(
        'too-many-pages',
        `${pdf.numPages} pages, limit ${limits.maxPages}`,
      );
    }
    // Normalising only shrinks text, so raw text at twice the cap can stop early.
    const rawCap = limits.maxTextChars * 2;
    const pages: string[] = [];
    let length = 0;
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      // As unpdf's extractText does, so the words match pdftotext (measured: token-identical).
      let text = '';
      for (const item of content.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      }
      page.cleanup();
      pages.push(text);
      length += text.length;
      if (length > rawCap) {
        throw new ExtractionError('text-too-long', `over ${rawCap} characters by page ${number}`);
      }
    }
    return { text: pages.join('\n'), pageCount: pdf.numPages };
  } catch (error) {
    throw error instanceof ExtractionError ? error : pdfJsError(error);
  } finally {
    await pdf.loadingTask.destroy();
  }
}

// pdf.js names its exceptions; the message is kept as the detail for the logs.
function pdfJsError(error: unknown): ExtractionError {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? `${name}: ${error.message}` : String(error);
  if (name === 'PasswordException') return new ExtractionError('encrypted', message);
  if (name === 'InvalidPDFException' || name === 'FormatError') {
    return new ExtractionError('invalid-pdf', message);
  }
  return new ExtractionError('failed', message);
}
