// The text-extraction engine: detect a document's type from its bytes, then extract its text in
// an isolated, size- and time-limited child process. See README.md in this folder.
import { createExtractionPool, type ExtractOptions } from './pool.ts';
import type { DocumentType, ExtractionResult } from './types.ts';

export { type DeclaredFile, type Detection, detectDocumentType } from './detect.ts';
export { FAILURE_REASONS } from './failures.ts';
export { countWords, normaliseText } from './normalise.ts';
export { createExtractionPool, type ExtractionPool, type ExtractOptions } from './pool.ts';
export * from './types.ts';

/** One pool for the whole server process: at most two extractions at once, whoever asks. */
const sharedPool = createExtractionPool();

/** Kills the shared pool's spare children; the server calls it when it closes. */
export function closeSpareExtractors(): Promise<void> {
  return sharedPool.close();
}

/**
 * Extracts the normalised text of a stored file, already detected as `type`. Never throws for a
 * bad file: a hostile, broken or cancelled one comes back as `{ ok: false, failure }`.
 */
export function extractText(
  filePath: string,
  type: DocumentType,
  options: ExtractOptions = {},
): Promise<ExtractionResult> {
  return sharedPool.extract(filePath, type, options);
}
