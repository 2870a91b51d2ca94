// The SQL of documents. Every read is scoped by the owner's user id (a coach reads a client's
// documents through the client's id, once the service has checked their relationship).
import { and, desc, eq, getTableColumns, or, type SQL, sql } from 'drizzle-orm';
import type { DocumentCategory, DocumentStatus } from '../../../contract/documents.ts';
import type { Database } from '../../db/client.ts';
import { containing } from '../../db/like.ts';
import { prepared } from '../../db/prepared.ts';
import { type DocumentRow, documents, SEARCHED_TEXT_CHARS } from './schema.ts';

export type NewDocument = typeof documents.$inferInsert;
/** A document without its text (which may be megabytes) and search vector. */
export type DocumentSummary = Omit<DocumentRow, 'text' | 'search'>;

const { text: _text, search: _search, ...summaryColumns } = getTableColumns(documents);

/** Serialises a user's uploads for the quota check (two at once must not both fit in the rest). */
export async function lockOwnerQuota(tx: Database, ownerUserId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`documents.owner:${ownerUserId}`}, 0))`,
  );
}

/**
 * Serialises what decides a stored file's fate: an upload pointing a new row at it, and the release
 * that deletes it when no row does.
 */
export async function lockContent(tx: Database, sha256: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`documents.content:${sha256}`}, 0))`,
  );
}

export async function usedBytesOf(db: Database, ownerUserId: string): Promise<number> {
  const [row] = await prepared(db, 'documents.usedBytes', () =>
    db
      .select({ used: sql<string>`coalesce(sum(${documents.size}), 0)` })
      .from(documents)
      .where(eq(documents.ownerUserId, sql.placeholder('owner')))
      .prepare('documents_used_bytes'),
  ).execute({ owner: ownerUserId });
  return Number(row?.used ?? 0);
}

export async function isContentUsed(db: Database, sha256: string): Promise<boolean> {
  const rows = await db
    .select({ id: documents.id })
    .from(documents)
    .where(eq(documents.sha256, sha256))
    .limit(1);
  return rows.length > 0;
}

export async function insertDocument(tx: Database, row: NewDocument): Promise<DocumentSummary> {
  const [inserted] = await tx.insert(documents).values(row).returning(summaryColumns);
  if (!inserted) throw new Error('the document insert returned no row');
  return inserted;
}

/** One of the owner's documents (or a shared one, with `sharedOnly`), without its text. */
export async function findDocument(
  db: Database,
  scope: { ownerUserId: string; sharedOnly?: boolean },
  id: string,
): Promise<DocumentSummary | undefined> {
  const [row] = await db
    .select(summaryColumns)
    .from(documents)
    .where(and(eq(documents.id, id), ownedBy(scope)));
  return row;
}

export async function findDocumentText(
  db: Database,
  scope: { ownerUserId: string; sharedOnly?: boolean },
  id: string,
): Promise<(DocumentSummary & { text: string | null }) | undefined> {
  const [row] = await db
    .select({ ...summaryColumns, text: documents.text })
    .from(documents)
    .where(and(eq(documents.id, id), ownedBy(scope)));
  return row;
}

function ownedBy(scope: { ownerUserId: string; sharedOnly?: boolean }): SQL | undefined {
  return and(
    eq(documents.ownerUserId, scope.ownerUserId),
    scope.sharedOnly ? eq(documents.sharedWithCoaches, true) : undefined,
  );
}

export async function updateDocument(
  tx: Database,
  ownerUserId: string,
  id: string,
  values: Partial<Pick<DocumentRow, 'title' | 'category' | 'sharedWithCoaches'>>,
): Promise<DocumentSummary | undefined> {
  const [row] = await tx
    .update(documents)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(documents.id, id), eq(documents.ownerUserId, ownerUserId)))
    .returning(summaryColumns);
  return row;
}

export async function deleteDocument(
  tx: Database,
  ownerUserId: string,
  id: string,
): Promise<DocumentSummary | undefined> {
  const [row] = await tx
    .delete(documents)
    .where(and(eq(documents.id, id), eq(documents.ownerUserId, ownerUserId)))
    .returning(summaryColumns);
  return row;
}

/* ------------------------------------------------------------------------------------------ */
/* Extraction                                                                                  */
/* ------------------------------------------------------------------------------------------ */

/**
 * Marks the document as being extracted and returns what the extractor needs; undefined when it
 * is gone or already done (a job that runs again after a crash finds it so).
 */
export async function startExtraction(
  db: Database,
  id: string,
): Promise<Pick<DocumentRow, 'id' | 'sha256' | 'type' | 'ownerUserId'> | undefined> {
  const [row] = await db
    .update(documents)
    .set({ status: 'extracting', updatedAt: sql`now()` })
    .where(and(eq(documents.id, id), sql`${documents.status} in ('pending', 'extracting')`))
    .returning({
      id: documents.id,
      sha256: documents.sha256,
      type: documents.type,
      ownerUserId: documents.ownerUserId,
    });
  return row;
}

export async function saveExtractedText(
  db: Database,
  id: string,
  extracted: { text: string; pageCount: number | null; wordCount: number },
): Promise<boolean> {
  const rows = await db
    .update(documents)
    .set({
      status: 'extracted',
      text: extracted.text,
      pageCount: extracted.pageCount,
      wordCount: extracted.wordCount,
      failureCode: null,
      failureReason: null,
      extractedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(documents.id, id), eq(documents.status, 'extracting')))
    .returning({ id: documents.id });
  return rows.length > 0;
}

export async function saveExtractionFailure(
  db: Database,
  id: string,
  failure: { code: string; reason: string },
): Promise<boolean> {
  const rows = await db
    .update(documents)
    .set({
      status: 'failed',
      failureCode: failure.code,
      failureReason: failure.reason,
      updatedAt: sql`now()`,
    })
    .where(and(eq(documents.id, id), sql`${documents.status} in ('pending', 'extracting')`))
    .returning({ id: documents.id });
  return rows.length > 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Lists                                                                                       */
/* ------------------------------------------------------------------------------------------ */

export type DocumentListFilter = {
  ownerUserId: string;
  sharedOnly: boolean;
  category?: DocumentCategory | undefined;
  status?: DocumentStatus | undefined;
  page: number;
  pageSize: number;
};

// Markers ts_headline puts around the words found. Control characters: extracted text never holds
// any (normalisation removes them), so they cannot be confused with the document's own characters.
export const MATCH_START = '\u0001';
export const MATCH_END = '\u0002';
const HEADLINE_OPTIONS = `StartSel="${MATCH_START}", StopSel="${MATCH_END}", MaxFragments=2, MinWords=6, MaxWords=18, FragmentDelimiter=" … "`;

const filterPlaceholders = () =>
  and(
    eq(documents.ownerUserId, sql.placeholder('owner')),
    sql`(not ${sql.placeholder('sharedOnly')}::boolean or ${documents.sharedWithCoaches})`,
    sql`(${sql.placeholder('category')}::text is null or ${documents.category} = ${sql.placeholder('category')}::text)`,
    sql`(${sql.placeholder('status')}::text is null or ${documents.status} = ${sql.placeholder('status')}::text)`,
  );

function placeholderValues(filter: DocumentListFilter) {
  return {
    owner: filter.ownerUserId,
    sharedOnly: filter.sharedOnly,
    category: filter.category ?? null,
    status: filter.status ?? null,
  };
}

/** A page of documents, newest first, and how many match in all. */
export async function listDocuments(
  db: Database,
  filter: DocumentListFilter,
): Promise<{ rows: DocumentSummary[]; totalCount: number }> {
  const page = prepared(db, 'documents.page', () =>
    db
      .select(summaryColumns)
      .from(documents)
      .where(filterPlaceholders())
      .orderBy(desc(documents.createdAt), desc(documents.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare('documents_page'),
  );
  const count = prepared(db, 'documents.count', () =>
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(documents)
      .where(filterPlaceholders())
      .prepare('documents_count'),
  );
  const values = placeholderValues(filter);
  const [rows, [counted]] = await Promise.all([
    page.execute({
      ...values,
      limit: filter.pageSize,
      offset: (filter.page - 1) * filter.pageSize,
    }),
    count.execute(values),
  ]);
  return { rows, totalCount: Number(counted?.count ?? 0) };
}

const MIN_NAME_QUERY = 3;

/**
 * A page of the documents whose text or title has the words of `query` (web search syntax:
 * `"a phrase"`, `-not`, `or`), best match first, each with a headline marked with MATCH_START and
 * MATCH_END; a title or file name containing the query as typed (3 characters or more) matches too.
 */
export async function searchDocuments(
  db: Database,
  filter: DocumentListFilter,
  query: string,
): Promise<{ rows: (DocumentSummary & { headline: string | null })[]; totalCount: number }> {
  const tsQuery = sql`websearch_to_tsquery('english', ${query})`;
  // A name containing what was typed matches too ("cv_2026"), once it is long enough to mean something.
  const byName =
    query.length >= MIN_NAME_QUERY
      ? [
          sql`${documents.title} ilike ${containing(query)}`,
          sql`${documents.originalName} ilike ${containing(query)}`,
        ]
      : [];
  const matches = and(filterOf(filter), or(sql`${documents.search} @@ ${tsQuery}`, ...byName));
  const rank = sql<number>`ts_rank_cd(${documents.search}, ${tsQuery})`;
  const pageIds = db
    .select({ id: documents.id, rank: rank.as('rank') })
    .from(documents)
    .where(matches)
    .orderBy(desc(rank), desc(documents.createdAt), desc(documents.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .as('page_ids');
  // The headline parses the whole text: only for the rows of the page.
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        ...summaryColumns,
        headline: sql<
          string | null
        >`case when ${documents.text} is null then null else ts_headline('english', left(${documents.text}, ${SEARCHED_TEXT_CHARS}), ${tsQuery}, ${HEADLINE_OPTIONS}) end`,
      })
      .from(pageIds)
      .innerJoin(documents, eq(documents.id, pageIds.id))
      .orderBy(desc(pageIds.rank), desc(documents.createdAt), desc(documents.id)),
    db.select({ count: sql<number>`count(*)::int` }).from(documents).where(matches),
  ]);
  return { rows, totalCount: Number(counted?.count ?? 0) };
}

function filterOf(filter: DocumentListFilter): SQL | undefined {
  return and(
    eq(documents.ownerUserId, filter.ownerUserId),
    filter.sharedOnly ? eq(documents.sharedWithCoaches, true) : undefined,
    filter.category ? eq(documents.category, filter.category) : undefined,
    filter.status ? eq(documents.status, filter.status) : undefined,
  );
}
