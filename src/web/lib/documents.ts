import {
  type DocumentCategory,
  type DocumentStatus,
  type DocumentUsage,
  documentCategories,
  documentCategoryLabels,
  documentListQuerySchema,
} from '../../contract/documents.ts';
import { ApiRequestError } from './api-client.ts';
import type { ListSpec } from './list-state.ts';
import { plainApiError } from './plain-errors.ts';

/*
 * Documents as the pages show them: words for statuses and categories, the addresses of the two
 * lists (the owner's, a coach's view of a client's shared ones), sizes in words, what to say when
 * an upload is refused, and the search words to mark in a document's text. Pure: the hooks and
 * pages use it.
 */

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  pending: 'Waiting',
  extracting: 'Reading text',
  extracted: 'Text ready',
  failed: 'Text not read',
};

export const CATEGORY_OPTIONS = documentCategories.map((category) => ({
  value: category,
  label: documentCategoryLabels[category],
}));

export const STATUS_OPTIONS = (Object.keys(DOCUMENT_STATUS_LABELS) as DocumentStatus[]).map(
  (status) => ({ value: status, label: DOCUMENT_STATUS_LABELS[status] }),
);

/** Extraction has not finished: the list and the page read the document again until it has. */
export function isInProgress(status: DocumentStatus): boolean {
  return status === 'pending' || status === 'extracting';
}

/** How often to read a list again while a row's text is being read (2 s), else never. */
export const EXTRACTION_POLL_MS = 2_000;

export function pollWhileExtracting(
  rows: readonly { status: DocumentStatus }[] | undefined,
): number | false {
  return rows?.some((row) => isInProgress(row.status)) ? EXTRACTION_POLL_MS : false;
}

/* ------------------------------------------------------------------------------------------ */
/* Addresses                                                                                   */
/* ------------------------------------------------------------------------------------------ */

export const DOCUMENT_PAGE_SIZE = 20;

export type DocumentsListState = {
  q: string;
  category: DocumentCategory | '';
  status: DocumentStatus | '';
  page: number;
};

/** A coach's view of a client's shared documents: no status filter (only theirs to decide). */
export type SharedDocumentsListState = Omit<DocumentsListState, 'status'>;

const shape = documentListQuerySchema.shape;

export const sharedDocumentsListSpec: ListSpec<SharedDocumentsListState> = {
  q: { schema: shape.q, fallback: '', label: 'search', instead: 'every document' },
  category: {
    schema: shape.category,
    fallback: '',
    label: 'category',
    instead: 'every category',
  },
  page: { schema: shape.page, fallback: 1, label: 'page number', instead: 'the first page' },
};

export const documentsListSpec: ListSpec<DocumentsListState> = {
  ...sharedDocumentsListSpec,
  status: { schema: shape.status, fallback: '', label: 'status', instead: 'every status' },
};

/** The query string of a list for a state; blank values are left out. */
export function documentListQuery(state: SharedDocumentsListState & { status?: string }) {
  return {
    ...(state.q.trim() && { q: state.q.trim() }),
    ...(state.category && { category: state.category }),
    ...(state.status && { status: state.status }),
    page: state.page,
    pageSize: DOCUMENT_PAGE_SIZE,
  };
}

/** The caption's detail for a list's filters: ", category Goals, matching “focus”". */
export function documentsCaption(state: SharedDocumentsListState & { status?: string }): string {
  return [
    state.category ? `, category ${documentCategoryLabels[state.category]}` : '',
    state.status ? `, status ${DOCUMENT_STATUS_LABELS[state.status as DocumentStatus]}` : '',
    state.q ? `, matching “${state.q}”` : '',
  ].join('');
}

/** A document's own page, carrying the search so its words are marked there too. */
export function documentPath(id: string, q = ''): string {
  const search = q.trim() ? `?${new URLSearchParams({ q: q.trim() })}` : '';
  return `/documents/${encodeURIComponent(id)}${search}`;
}

export function sharedDocumentsPath(relationshipId: string): string {
  return `/coach/clients/${encodeURIComponent(relationshipId)}/documents`;
}

export function sharedDocumentPath(relationshipId: string, id: string, q = ''): string {
  const search = q.trim() ? `?${new URLSearchParams({ q: q.trim() })}` : '';
  return `${sharedDocumentsPath(relationshipId)}/${encodeURIComponent(id)}${search}`;
}

/* ------------------------------------------------------------------------------------------ */
/* Sizes and usage                                                                             */
/* ------------------------------------------------------------------------------------------ */

const UNITS = ['bytes', 'KB', 'MB', 'GB'] as const;

/** "812 bytes", "1.5 KB", "20 MB": 1 KB is 1024 bytes, as the server counts its limits. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // One decimal under 10 ("1.5 MB"), none above ("240 MB"); a trailing ".0" is dropped.
  const shown = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${shown} ${UNITS[unit]}`;
}

/** "1.2 MB of 500 MB used · files up to 20 MB". */
export function usageSummary(usage: DocumentUsage): string {
  return `${formatBytes(usage.usedBytes)} of ${formatBytes(usage.quotaBytes)} used · files up to ${formatBytes(usage.maxUploadBytes)}`;
}

/** How full the storage is, from 0 to 100, for a bar. */
export function usagePercent(usage: DocumentUsage): number {
  return Math.min(100, Math.round((usage.usedBytes / usage.quotaBytes) * 100));
}

/* ------------------------------------------------------------------------------------------ */
/* Refused uploads                                                                             */
/* ------------------------------------------------------------------------------------------ */

export const ACCEPTED_TYPES_WORDS = 'a PDF, a Word document (DOCX), a text file or a Markdown file';

/** What the file input offers first; the server reads the bytes and decides. */
export const ACCEPT_ATTRIBUTE =
  '.pdf,.docx,.txt,.md,.markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown';

type FileFacts = { name: string; size: number };

/**
 * Why a file cannot be sent, known before sending it: empty, larger than one upload may be, or
 * more than the storage left (`queuedBytes`: files ahead of it in this batch). Null when it may go.
 */
export function uploadProblemBefore(
  file: FileFacts,
  usage: DocumentUsage,
  queuedBytes = 0,
): string | null {
  if (file.size === 0) return `“${file.name}” is empty: there is nothing in it to keep.`;
  if (file.size > usage.maxUploadBytes) return tooLarge(file, usage);
  const left = usage.quotaBytes - usage.usedBytes - queuedBytes;
  if (file.size > left) return overQuota(file, usage);
  return null;
}

function tooLarge(file: FileFacts, usage: DocumentUsage): string {
  return `“${file.name}” is ${formatBytes(file.size)}; a file can be at most ${formatBytes(usage.maxUploadBytes)}.`;
}

function overQuota(file: FileFacts, usage: DocumentUsage): string {
  const left = Math.max(0, usage.quotaBytes - usage.usedBytes);
  return `“${file.name}” (${formatBytes(file.size)}) does not fit in your storage: ${formatBytes(left)} of ${formatBytes(usage.quotaBytes)} is left. Delete documents you no longer need to make room.`;
}

/**
 * Why the server refused an upload, in plain words, for the line under the file's name: 413 (too
 * large, or over the quota: the server's sentence carries the figures), 415 (not a type Arete
 * reads, or a name that contradicts the contents), the rest as any failed request.
 */
export function plainUploadError(
  error: Error,
  file: FileFacts,
  usage: DocumentUsage | undefined,
): string {
  if (!(error instanceof ApiRequestError)) return error.message;
  if (error.status === 415) {
    // The server's sentence says more (a PDF named .docx is refused for its name), unless the
    // answer came from elsewhere with a bare status.
    return serverSentence(error)
      ? error.message
      : `“${file.name}” is not ${ACCEPTED_TYPES_WORDS}. Arete looks at what is inside the file, not at its name.`;
  }
  if (error.status === 413) {
    if (usage && file.size > usage.maxUploadBytes) return tooLarge(file, usage);
    // The server's own sentence has the figures (its quota, what is used), unless a proxy answered.
    if (serverSentence(error) && /\d/.test(error.message)) return error.message;
    return usage
      ? overQuota(file, usage)
      : `“${file.name}” is too large to upload, or does not fit in your storage.`;
  }
  return plainApiError(error);
}

/** A sentence the server wrote for a person, not a status's bare name or our own fallback. */
function serverSentence(error: ApiRequestError): boolean {
  const message = error.message.trim();
  return (
    /\s\S+\s/.test(message) &&
    !/^The server answered \d+/.test(message) &&
    !/^(Payload Too Large|Unsupported Media Type|Request Entity Too Large)$/i.test(message)
  );
}

/* ------------------------------------------------------------------------------------------ */
/* Marking search words in a text                                                              */
/* ------------------------------------------------------------------------------------------ */

export type TextPart = { text: string; match: boolean };

/**
 * The words of a search, as the start of the words to mark: the server's search finds word forms
 * (a search for "coaching" finds "coach"), so a plural or -ing/-ed ending is dropped and any word
 * beginning with what is left is marked. Words under two letters are left out.
 */
export function searchStems(query: string): string[] {
  const words = query.toLocaleLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const stems = words
    .filter((word) => word.length >= 2)
    .map((word) => {
      const stem = word.replace(/(ing|ed|es|s)$/u, '');
      return stem.length >= 3 ? stem : word;
    });
  // Longest first, so that the longer of two overlapping stems wins.
  return [...new Set(stems)].sort((a, b) => b.length - a.length);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A text cut into the parts that match the search (whole words) and the parts between. */
export function markSearchWords(text: string, query: string): TextPart[] {
  const stems = searchStems(query);
  if (stems.length === 0 || text === '') return text === '' ? [] : [{ text, match: false }];
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${stems.map(escapeRegExp).join('|')})[\\p{L}\\p{N}]*`,
    'giu',
  );
  const parts: TextPart[] = [];
  let last = 0;
  for (const found of text.matchAll(pattern)) {
    const start = found.index;
    if (start > last) parts.push({ text: text.slice(last, start), match: false });
    parts.push({ text: found[0], match: true });
    last = start + found[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

/** How many parts of a text match: "3 matches" under a document's text. */
export function countMatches(parts: readonly TextPart[]): number {
  return parts.filter((part) => part.match).length;
}
