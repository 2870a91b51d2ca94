import { z } from 'zod';

export const waitlistRoleSchema = z.enum(['coach', 'client']);
export const waitlistStatusSchema = z.enum(['pending', 'approved', 'rejected', 'joined']);

/** Trimmed and lower-cased, so that one person is one entry however they type their address. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'must be a valid email address' }));

export const joinWaitlistBodySchema = z.object({
  email: emailSchema,
  role: waitlistRoleSchema,
  name: z.string().trim().min(1).max(120).optional(),
  note: z.string().trim().max(2000).optional(),
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
  query: z.string().trim().max(200).optional().describe('Part of an email address or name'),
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
  ids: z.array(z.uuid()).min(1).max(500).optional(),
};
const exactlyOneTarget = (body: { emails?: unknown; ids?: unknown }) =>
  (body.emails === undefined) !== (body.ids === undefined);
const targetMessage = { message: 'give either `emails` or `ids`', path: ['emails'] };

export const approveBodySchema = z
  .object({
    ...targetsShape,
    role: waitlistRoleSchema,
    notes: z.string().trim().max(2000).optional(),
  })
  .refine(exactlyOneTarget, targetMessage);

export const rejectBodySchema = z
  .object({ ...targetsShape, notes: z.string().trim().max(2000).optional() })
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
        invitationSent: z.boolean(),
        entry: waitlistEntrySchema.nullable(),
      }),
    ),
  })
  .meta({ id: 'WaitlistBulkResult' });

export const approvedUserBodySchema = z.object({
  email: emailSchema,
  role: waitlistRoleSchema,
  notes: z.string().trim().max(2000).optional(),
  name: z.string().trim().min(1).max(120).optional(),
});

export const approvedUserUpdateSchema = z
  .object({
    role: waitlistRoleSchema.optional(),
    notes: z.string().trim().max(2000).nullable().optional(),
  })
  .refine((body) => body.role !== undefined || body.notes !== undefined, {
    message: 'give `role` or `notes`',
  });

export const emailParamsSchema = z.object({ email: emailSchema });

export const approvedUsersQuerySchema = z.object({
  role: waitlistRoleSchema.optional(),
  query: z.string().trim().max(200).optional(),
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

export const importJsonBodySchema = z.object({ users: z.array(z.unknown()).max(50_000) });

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

export const backupEntrySchema = waitlistEntrySchema
  .extend({
    email: emailSchema,
    invitationId: z.string().nullable(),
    joinedUserId: z.string().nullable(),
  })
  .strict();

export const registryBackupSchema = z
  .object({
    format: z.literal('arete.waitlist-registry'),
    version: z.literal(1),
    exportedAt: z.iso.datetime(),
    entries: z.array(backupEntrySchema).max(1_000_000),
  })
  .strict()
  .meta({ id: 'RegistryBackup' });

export const restoreReportSchema = z
  .object({ restored: z.number().int(), replaced: z.number().int() })
  .meta({ id: 'RegistryRestoreReport' });

export type ImportReport = z.infer<typeof importReportSchema>;
export type RegistryBackup = z.infer<typeof registryBackupSchema>;
