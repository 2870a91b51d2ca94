import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  documentCategories,
  documentStatuses,
  documentTypes,
} from '../../../contract/documents.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * How much of a document's text the search index covers: the first 300,000 characters (about 100
 * pages). A tsvector holds at most 1 MiB, and text of all-different words that long stays under it;
 * more would make the extracted document fail to save.
 */
export const SEARCHED_TEXT_CHARS = 300_000;

/**
 * An uploaded document. The file itself is in the document storage under its sha256 (several rows
 * may share one file); the row holds what was extracted from it. The search vector is computed by
 * the database from the title (weight A) and the text (weight B), so it can never disagree with them.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerUserId: text('owner_user_id').notNull(),
    title: text('title').notNull(),
    /** The uploaded file's name, cleaned for display; never a path. */
    originalName: text('original_name').notNull(),
    type: text('type', { enum: documentTypes }).notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    category: text('category', { enum: documentCategories }).notNull(),
    status: text('status', { enum: documentStatuses }).notNull().default('pending'),
    /** The extraction's stable failure code (extraction/types.ts), for logs and support. */
    failureCode: text('failure_code'),
    /** The sentence shown to the owner. */
    failureReason: text('failure_reason'),
    text: text('text'),
    pageCount: integer('page_count'),
    wordCount: integer('word_count'),
    sharedWithCoaches: boolean('shared_with_coaches').notNull().default(false),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('english'::regconfig, left(coalesce(text, ''), ${sql.raw(String(SEARCHED_TEXT_CHARS))})), 'B')`,
    ),
    extractedAt: timestamp('extracted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // The owner's list, newest first (and the quota's sum).
    index('documents_owner_idx').on(
      table.ownerUserId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    // Whether a stored file is still used by some document.
    index('documents_sha256_idx').on(table.sha256),
    index('documents_search_idx').using('gin', table.search),
  ],
);

export type DocumentRow = typeof documents.$inferSelect;
