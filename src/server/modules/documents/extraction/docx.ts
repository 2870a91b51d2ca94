// Child side: DOCX text with mammoth, only after the zip pre-check passed.
import mammoth from 'mammoth';
import { ExtractionError } from './failures.ts';
import type { ExtractionLimits } from './types.ts';
import { checkDocxZip } from './zip-check.ts';

export async function extractDocx(
  bytes: Buffer,
  limits: ExtractionLimits,
): Promise<{ text: string; pageCount: number | null }> {
  const { pageCount } = await checkDocxZip(bytes, limits);
  try {
    // Raw text: paragraphs end in a blank line, tables and lists come out as their text.
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    return { text: value, pageCount };
  } catch (error) {
    // The zip is sound but its Word parts are not (missing relationships, broken XML).
    throw new ExtractionError('not-docx', error instanceof Error ? error.message : String(error));
  }
}
