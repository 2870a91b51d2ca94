import { z } from 'zod';
import { uuidSchema } from './ids.ts';
import { plainText, searchTextSchema } from './text.ts';

/** The fixed list of document categories (seed 000 §1), stored as these codes. */
export const documentCategories = [
  'assessment',
  'cv',
  'goals',
  'session_notes',
  'reflection',
  'other',
] as const;
export const documentCategorySchema = z.enum(documentCategories, {
  message: `must be one of: ${documentCategories.join(', ')}`,
});
export type DocumentCategory = z.infer<typeof documentCategorySchema>;

/** How each category reads to a person. */
export const documentCategoryLabels: Record<DocumentCategory, string> = {
  assessment: 'Assessment',
  cv: 'CV / résumé',
  goals: 'Goals',
  session_notes: 'Session notes',
  reflection: 'Reflection',
  other: 'Other',
};

/** `pending` → `extracting` → `extracted` or `failed` (with a reason); a failed one stays readable. */
export const documentStatuses = ['pending', 'extracting', 'extracted', 'failed'] as const;
export const documentStatusSchema = z.enum(documentStatuses);
export type DocumentStatus = z.infer<typeof documentStatusSchema>;

/** What the bytes are (never what the name or the declared type say). */
export const documentTypes = ['pdf', 'docx', 'text', 'markdown'] as const;
export const documentTypeSchema = z.enum(documentTypes);

export const documentTitleSchema = plainText({ min: 1, max: 200 });

/** The multipart fields beside the file of `POST /api/v1/documents`. */
export const uploadFieldsSchema = z.object({
  category: documentCategorySchema,
  title: documentTitleSchema.optional(),
  /** Absent: shared when the owner's `session_auto_send_context` is on. */
  sharedWithCoaches: z.stringbool({ message: 'must be true or false' }).optional(),
});
export type UploadFields = z.infer<typeof uploadFieldsSchema>;

export const documentParamsSchema = z.object({ id: uuidSchema });
export const sharedDocumentParamsSchema = z.object({ id: uuidSchema, documentId: uuidSchema });

export const updateDocumentBodySchema = z
  .strictObject({
    title: documentTitleSchema.optional(),
    category: documentCategorySchema.optional(),
    sharedWithCoaches: z.boolean().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'must change at least one of title, category or sharedWithCoaches',
  });
export type UpdateDocumentBody = z.infer<typeof updateDocumentBodySchema>;

export const documentListQuerySchema = z.object({
  q: searchTextSchema.optional().describe('Words to find in the extracted text and the title'),
  category: documentCategorySchema.optional(),
  status: documentStatusSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type DocumentListQuery = z.infer<typeof documentListQuerySchema>;

/** A piece of a search snippet; `match` pieces are the words the search found. */
export const snippetPartSchema = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof snippetPartSchema>;

export const documentSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    /** The file name as uploaded, cleaned for display; never used as a path. */
    originalName: z.string(),
    type: documentTypeSchema,
    mimeType: z.string(),
    size: z.number().int().nonnegative(),
    sha256: z.string(),
    category: documentCategorySchema,
    status: documentStatusSchema,
    /** Why extraction failed, for a person; null unless `failed`. */
    failureReason: z.string().nullable(),
    pageCount: z.number().int().nullable(),
    wordCount: z.number().int().nullable(),
    sharedWithCoaches: z.boolean(),
    extractedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    /** With a search (`q`): where the words were found, in order. */
    snippet: z.array(snippetPartSchema).nullable(),
  })
  .meta({ id: 'Document' });
export type DocumentView = z.infer<typeof documentSchema>;

export const documentListSchema = z
  .object({ data: z.array(documentSchema), totalCount: z.number().int().nonnegative() })
  .meta({ id: 'DocumentList' });
export type DocumentList = z.infer<typeof documentListSchema>;

export const documentTextSchema = z
  .object({
    id: z.string(),
    status: documentStatusSchema,
    /** Null until extracted (and when extraction failed). */
    text: z.string().nullable(),
    pageCount: z.number().int().nullable(),
    wordCount: z.number().int().nullable(),
  })
  .meta({ id: 'DocumentText' });
export type DocumentText = z.infer<typeof documentTextSchema>;

/** What the upload form needs to know before a file is chosen. */
export const documentUsageSchema = z
  .object({
    usedBytes: z.number().int().nonnegative(),
    quotaBytes: z.number().int().positive(),
    maxUploadBytes: z.number().int().positive(),
    /** New uploads are shared with the caller's coaches unless the form says otherwise. */
    sharedByDefault: z.boolean(),
  })
  .meta({ id: 'DocumentUsage' });
export type DocumentUsage = z.infer<typeof documentUsageSchema>;
