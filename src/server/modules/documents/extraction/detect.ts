// What a file is, read from its bytes. The name and the declared MIME type are only claims: they
// decide between plain text and Markdown (which bytes cannot tell apart) and let the caller see
// when a claim contradicts the bytes (the upload route answers 415 then).
import { open } from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer, fileTypeFromFile, supportedExtensions } from 'file-type';
import type { DocumentType } from './types.ts';

/** How much of a file the text test reads. The extractor later checks the whole file. */
const TEXT_SAMPLE_BYTES = 1024 * 1024;

export type DeclaredFile = {
  /** The client's file name; only its extension is used. */
  name?: string | undefined;
  /** The client's Content-Type for the part. */
  mime?: string | undefined;
};

/** A claim: one of our types, another known format ('other'), or no claim at all (null). */
export type Claim = DocumentType | 'other' | null;

export type Detection = {
  /** The type to extract as, or null when the bytes are none of PDF, DOCX or text. */
  type: DocumentType | null;
  /** What the bytes are, e.g. 'application/pdf', 'image/png', 'text/plain'; null when unknown. */
  mime: string | null;
  /** file-type's extension for the bytes ('pdf', 'docx', 'png'), 'txt' or 'md' for text. */
  ext: string | null;
  declared: { fromName: Claim; fromMime: Claim };
  /** A claim names a different kind of file than the bytes (text and Markdown count as one kind). */
  contradicts: boolean;
};

/**
 * Detects the document type from the bytes (a buffer, or a file path read in bounded pieces).
 *
 * - PDF and DOCX: file-type's signature detection (a DOCX is a zip whose content types or `word/`
 *   folder say so; the extractor later insists on `word/document.xml`).
 * - Text: no signature matched, the first MiB is valid UTF-8 (a BOM is allowed) without NUL bytes
 *   and with under 1% other control characters. An empty file is not a document.
 * - Markdown: text declared as Markdown, by a `.md` / `.markdown` name or a `text/markdown` /
 *   `text/x-markdown` type. No content sniffing: a text starting with "#" stays text, and the
 *   difference only changes how it is shown.
 */
export async function detectDocumentType(
  input: Uint8Array | string,
  declared: DeclaredFile = {},
): Promise<Detection> {
  const claims = { fromName: claimFromName(declared.name), fromMime: claimFromMime(declared.mime) };
  const signature =
    typeof input === 'string' ? await fileTypeFromFile(input) : await fileTypeFromBuffer(input);

  let type: DocumentType | null = null;
  let mime: string | null = signature?.mime ?? null;
  let ext: string | null = signature?.ext ?? null;
  if (signature?.ext === 'pdf') type = 'pdf';
  else if (signature?.ext === 'docx') type = 'docx';
  else if (!signature && looksLikeText(await sample(input))) {
    const markdown = claims.fromName === 'markdown' || claims.fromMime === 'markdown';
    type = markdown ? 'markdown' : 'text';
    mime = markdown ? 'text/markdown' : 'text/plain';
    ext = markdown ? 'md' : 'txt';
  }

  const contradicts = [claims.fromName, claims.fromMime].some(
    (claim) => claim !== null && family(claim) !== family(type),
  );
  return { type, mime, ext, declared: claims, contradicts };
}

function family(type: Claim): string | null {
  return type === 'markdown' ? 'text' : type;
}

const EXTENSION_CLAIMS: Record<string, DocumentType> = {
  pdf: 'pdf',
  docx: 'docx',
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
};

// An extension claims a format only when it names one we or file-type know (".png", ".zip"):
// "notes.log" or "README" claim nothing, so their text is accepted as text.
function claimFromName(name: string | undefined): Claim {
  const ext = path
    .extname(name ?? '')
    .slice(1)
    .toLowerCase();
  if (!ext) return null;
  return (
    EXTENSION_CLAIMS[ext] ??
    ((supportedExtensions as ReadonlySet<string>).has(ext) ? 'other' : null)
  );
}

function claimFromMime(mime: string | undefined): Claim {
  const essence = (mime ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  // Browsers send these when they do not know: no claim.
  if (essence === '' || essence === 'application/octet-stream') return null;
  if (essence === 'application/pdf') return 'pdf';
  if (essence === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') {
    return 'docx';
  }
  if (essence === 'text/markdown' || essence === 'text/x-markdown') return 'markdown';
  if (essence.startsWith('text/')) return 'text';
  return 'other';
}

async function sample(input: Uint8Array | string): Promise<{ bytes: Uint8Array; whole: boolean }> {
  if (typeof input !== 'string') {
    return {
      bytes: input.subarray(0, TEXT_SAMPLE_BYTES),
      whole: input.length <= TEXT_SAMPLE_BYTES,
    };
  }
  const file = await open(input, 'r');
  try {
    const buffer = Buffer.alloc(TEXT_SAMPLE_BYTES + 1);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    return {
      bytes: buffer.subarray(0, Math.min(bytesRead, TEXT_SAMPLE_BYTES)),
      whole: bytesRead <= TEXT_SAMPLE_BYTES,
    };
  } finally {
    await file.close();
  }
}

export function looksLikeText({ bytes, whole }: { bytes: Uint8Array; whole: boolean }): boolean {
  if (bytes.length === 0 || bytes.includes(0)) return false;
  let text: string;
  try {
    // stream: a sample cut inside a multi-byte character is not an error; the rest of it is unread.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !whole });
  } catch {
    return false;
  }
  let controls = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) ||
      code === 0x7f
    ) {
      controls += 1;
    }
  }
  return controls <= text.length / 100;
}
