// The public shapes of the extraction engine: what callers pass in and what they get back.
// Kept free of Node imports so the child process, the pool and later the routes can share them.

/** The document types Arete extracts text from. Anything else is refused at upload. */
export type DocumentType = 'pdf' | 'docx' | 'text' | 'markdown';

export const DOCUMENT_TYPES: readonly DocumentType[] = ['pdf', 'docx', 'text', 'markdown'];

/** The MIME type stored and served for each document type (the detected one, never the declared). */
export const DOCUMENT_MIME: Record<DocumentType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  text: 'text/plain; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
};

export type ExtractionLimits = {
  /** Wall-clock time for one extraction, from sending the job (a fresh child: its start) to its answer. */
  timeoutMs: number;
  /** Resident memory of the extracting process (heap and everything outside it). */
  maxMemoryBytes: number;
  /** PDFs with more pages are refused before any page is read. */
  maxPages: number;
  /** Normalised text longer than this fails the document rather than filling the database. */
  maxTextChars: number;
  /** DOCX pre-check: how many zip entries a document may have. */
  maxZipEntries: number;
  /** DOCX pre-check: the sum of all entries' uncompressed sizes, declared and streamed. */
  maxZipUncompressedBytes: number;
  /** DOCX pre-check: uncompressed / compressed for one entry (only entries over 1 MiB count). */
  maxZipCompressionRatio: number;
};

/**
 * Defaults for the server. Real documents stay far below them: a 50-page PDF extracts in ~0.3 s
 * in a fresh child (~0.1 s in a warmed-up spare) and ~140 MB, a Word document in ~0.2 s. DOCX XML compresses ~5-20x; zip bombs do ~1000x.
 */
export const DEFAULT_LIMITS: ExtractionLimits = {
  timeoutMs: 60_000,
  maxMemoryBytes: 768 * 1024 * 1024,
  maxPages: 1_000,
  maxTextChars: 5_000_000,
  maxZipEntries: 2_000,
  maxZipUncompressedBytes: 200 * 1024 * 1024,
  maxZipCompressionRatio: 200,
};

/** Why an extraction failed. Stable strings: the database stores them next to the human reason. */
export type FailureCode =
  | 'encrypted'
  | 'invalid-pdf'
  | 'truncated'
  | 'too-many-pages'
  | 'text-too-long'
  | 'timeout'
  | 'memory'
  | 'zip-too-many-entries'
  | 'zip-too-large'
  | 'zip-ratio'
  | 'zip-size-mismatch'
  | 'not-docx'
  | 'not-text'
  | 'unreadable'
  | 'cancelled'
  | 'crashed'
  | 'failed';

export type ExtractionFailure = {
  code: FailureCode;
  /** A sentence a user can read ("The PDF is password-protected."). */
  reason: string;
  /** Technical detail for logs (the parser's message, the limit that was hit); never shown to users. */
  detail?: string;
  /**
   * Whether trying again could succeed: true only when the cause lies outside the file (cancelled,
   * the process crashed, the file could not be read). A hostile or broken file fails the same way twice.
   */
  retryable: boolean;
};

export type ExtractedText = {
  /** Normalised: see normalise.ts. */
  text: string;
  /** PDF: pages in the file. DOCX: the page count Word saved in docProps/app.xml, if any. Text: null. */
  pageCount: number | null;
  wordCount: number;
};

export type ExtractionResult =
  | ({ ok: true } & ExtractedText)
  | { ok: false; failure: ExtractionFailure };
