// Child side: plain text and Markdown are read as they are; only UTF-8 is accepted.
import { ExtractionError } from './failures.ts';

export function extractPlainText(bytes: Buffer): { text: string; pageCount: null } {
  // Detection looked at the first MiB only; binary data further on is refused here.
  if (bytes.includes(0)) throw new ExtractionError('not-text', 'contains NUL bytes');
  try {
    // A leading BOM is dropped by the decoder.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), pageCount: null };
  } catch {
    throw new ExtractionError('not-text', 'invalid UTF-8');
  }
}
