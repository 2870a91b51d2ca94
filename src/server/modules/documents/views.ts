import type { DocumentView, SnippetPart } from '../../../contract/documents.ts';
import { DOCUMENT_MIME } from './extraction/index.ts';
import { type DocumentSummary, MATCH_END, MATCH_START } from './repository.ts';

export function toDocumentView(row: DocumentSummary, headline?: string | null): DocumentView {
  return {
    id: row.id,
    title: row.title,
    originalName: row.originalName,
    type: row.type,
    mimeType: DOCUMENT_MIME[row.type],
    size: row.size,
    sha256: row.sha256,
    category: row.category,
    status: row.status,
    failureReason: row.status === 'failed' ? row.failureReason : null,
    pageCount: row.pageCount,
    wordCount: row.wordCount,
    sharedWithCoaches: row.sharedWithCoaches,
    extractedAt: row.extractedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    snippet: headline ? snippetParts(headline) : null,
  };
}

/** Splits a headline marked by the database into plain and matched pieces. */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [index, piece] of headline.split(MATCH_START).entries()) {
    const [matched, rest] = index === 0 ? [undefined, piece] : splitOnce(piece, MATCH_END);
    if (matched) parts.push({ text: matched, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}
