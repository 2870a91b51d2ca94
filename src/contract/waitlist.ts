import { z } from 'zod';
import { providerIdSchema, uuidSchema } from './ids.ts';
import { emailSchema, multilineText, plainText, searchTextSchema, storedText } from './text.ts';
import { isoDateTime } from './time.ts';

export { emailSchema };

export const waitlistRoleSchema = z.enum(['coach', 'client']);
export const waitlistStatusSchema = z.enum(['pending', 'approved', 'rejected', 'joined']);

/** A person's name as they give it: one line. */
export const personNameSchema = plainText({ min: 1, max: 120 });
/** What a person writes when joining, and the admins' notes: several lines allowed. */
export const noteSchema = multilineText({ max: 2000 });

export const joinWaitlistBodySchema = z.object({
  email: emailSchema,
  role: waitlistRoleSchema,
  name: personNameSchema.optional(),
  note: noteSchema.optional(),
});

export const joinWaitlistReceiptSchema = z
  .object({ status: z.literal('received'), message: z.string() })
  .meta({ id: 'WaitlistReceipt' });

export const waitlistEntrySchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    note: z.string().nullable(),
    role: waitlistRoleSchema,
    status: waitlistStatusSchema,
    waitlistJoinedAt: z.iso.datetime().nullable(),
    approvedAt: z.iso.datetime().nullable(),
    approvedBy: z.string().nullable(),
    rejectedAt: z.iso.datetime().nullable(),
    notes: z.string().nullable(),
    invitedAt: z.iso.datetime().nullable(),
    joinedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'WaitlistEntry' });

const pageFields = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

export const waitlistQuerySchema = z.object({
  status: waitlistStatusSchema.optional(),
  role: waitlistRoleSchema.optional(),
  query: searchTextSchema.optional().describe('Part of an email address or name'),
  sort: z.enum(['joined', 'email', 'updated']).default('joined'),
  order: z.enum(['asc', 'desc']).default('desc'),
  ...pageFields,
});

export const waitlistPageSchema = z
  .object({
    data: z.array(waitlistEntrySchema),
    totalCount: z.number().int().nonnegative(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'WaitlistPage' });

const targetsShape = {
  emails: z.array(emailSchema).min(1).max(500).optional(),
  ids: z.array(uuidSchema).min(1).max(500).optional(),
};
const exactlyOneTarget = (body: { emails?: unknown; ids?: unknown }) =>
  (body.emails === undefined) !== (body.ids === undefined);
const targetMessage = { message: 'give either `emails` or `ids`', path: ['emails'] };

export const approveBodySchema = z
  .object({
    ...targetsShape,
    role: waitlistRoleSchema,
    notes: noteSchema.optional(),
  })
  .refine(exactlyOneTarget, targetMessage);

export const rejectBodySchema = z
  .object({ ...targetsShape, notes: noteSchema.optional() })
  .refine(exactlyOneTarget, targetMessage);

export const bulkOutcomeSchema = z.enum([
  'approved',
  'already_approved',
  'rejected',
  'already_rejected',
  'already_joined',
  'not_found',
]);

export const bulkResultSchema = z
  .object({
    results: z.array(
      z.object({
        target: z.string().describe('The email or id as given'),
        outcome: bulkOutcomeSchema,
        invitationSent: z
          .boolean()
          .describe(
            'Whether this call queued a sign-up invitation; it goes out moments later, and again after a restart until it is sent.',
          ),
        entry: waitlistEntrySchema.nullable(),
      }),
    ),
  })
  .meta({ id: 'WaitlistBulkResult' });

export const approvedUserBodySchema = z.object({
  email: emailSchema,
  role: waitlistRoleSchema,
  notes: noteSchema.optional(),
  name: personNameSchema.optional(),
});

export const approvedUserUpdateSchema = z
  .object({
    role: waitlistRoleSchema.optional(),
    notes: noteSchema.nullable().optional(),
  })
  .refine((body) => body.role !== undefined || body.notes !== undefined, {
    message: 'give `role` or `notes`',
  });

export const emailParamsSchema = z.object({ email: emailSchema });

export const approvedUsersQuerySchema = z.object({
  role: waitlistRoleSchema.optional(),
  query: searchTextSchema.optional().describe('Part of an email address or name'),
  ...pageFields,
});

export type WaitlistEntryView = z.infer<typeof waitlistEntrySchema>;
export type WaitlistPage = z.infer<typeof waitlistPageSchema>;
export type BulkResult = z.infer<typeof bulkResultSchema>;
export type BulkOutcome = z.infer<typeof bulkOutcomeSchema>;

export const importQuerySchema = z.object({
  mode: z
    .enum(['all-or-nothing', 'valid-only'])
    .default('all-or-nothing')
    .describe('all-or-nothing: one bad row and nothing changes; valid-only: the good rows apply'),
  dryRun: z.stringbool().default(false).describe('Validate and report only'),
  notify: z
    .stringbool()
    .default(true)
    .describe('Send sign-up invitations to newly approved emails'),
});

/** The most rows one import takes, CSV or JSON. */
export const IMPORT_MAX_ROWS = 50_000;

export const importJsonBodySchema = z.object({
  users: z.array(z.unknown()).max(IMPORT_MAX_ROWS),
});

export const importRowOutcomeSchema = z.enum([
  'added',
  'updated',
  'unchanged',
  'skipped_joined',
  'invalid',
]);

export const importReportSchema = z
  .object({
    applied: z.boolean(),
    counts: z.record(importRowOutcomeSchema, z.number().int()),
    rows: z.array(
      z.object({
        row: z.number().int().describe('1 for the first data row'),
        email: z.string().nullable(),
        outcome: importRowOutcomeSchema,
        errors: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'ApprovedUsersImportReport' });

export const exportQuerySchema = z.object({ format: z.enum(['csv', 'json']).default('csv') });

/**
 * One entry of a backup: the fields of `WaitlistEntry` and two more. The server writes it and a
 * restore reads it back, so it refuses what the registry cannot hold (non-UUID ids, dates out of
 * range, NUL, malformed Unicode, values longer than any input allows) and nothing the registry can
 * hold: a backup must always be written and always restore.
 */
export const backupEntrySchema = z
  .object({
    id: uuidSchema,
    email: emailSchema,
    name: storedText({ max: 120 }).nullable(),
    note: storedText({ max: 2000 }).nullable(),
    role: waitlistRoleSchema,
    status: waitlistStatusSchema,
    waitlistJoinedAt: isoDateTime().nullable(),
    approvedAt: isoDateTime().nullable(),
    approvedBy: storedText({ max: 320 }).nullable().describe('Who approved: an email address'),
    rejectedAt: isoDateTime().nullable(),
    notes: storedText({ max: 2000 }).nullable(),
    invitedAt: isoDateTime().nullable(),
    joinedAt: isoDateTime().nullable(),
    createdAt: isoDateTime(),
    updatedAt: isoDateTime(),
    invitationId: providerIdSchema.nullable(),
    joinedUserId: providerIdSchema.nullable(),
  })
  .strict();

export const registryBackupSchema = z
  .object({
    format: z.literal('arete.waitlist-registry'),
    version: z.literal(1),
    exportedAt: isoDateTime(),
    entries: z.array(backupEntrySchema).max(1_000_000),
  })
  .strict()
  .meta({ id: 'RegistryBackup' });

export const restoreReportSchema = z
  .object({ restored: z.number().int(), replaced: z.number().int() })
  .meta({ id: 'RegistryRestoreReport' });

export type ImportReport = z.infer<typeof importReportSchema>;
export type RegistryBackup = z.infer<typeof registryBackupSchema>;
