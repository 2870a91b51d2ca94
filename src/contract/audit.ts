import { z } from 'zod';
import { plainText } from './text.ts';
import { isoDateTimeQuerySchema } from './time.ts';

export const auditQuerySchema = z
  .object({
    actor: plainText({ min: 1, max: 200 }).optional().describe('A user id, or `cli:<login>`'),
    action: plainText({ min: 1, max: 100 }).optional().describe('e.g. `waitlist.approve`'),
    target: plainText({ min: 1, max: 300 }).optional().describe('e.g. `waitlist:ada@example.com`'),
    from: isoDateTimeQuerySchema
      .optional()
      .describe('Inclusive, ISO 8601, between 1970-01-01 and 9999-12-31'),
    until: isoDateTimeQuerySchema
      .optional()
      .describe('Exclusive, ISO 8601, between 1970-01-01 and 9999-12-31'),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((query) => !query.from || !query.until || new Date(query.from) < new Date(query.until), {
    message: '`from` must be before `until`',
    path: ['until'],
  });

export const auditEntrySchema = z.object({
  id: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime(),
});

export const auditPageSchema = z
  .object({
    data: z.array(auditEntrySchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    hasMore: z.boolean(),
  })
  .meta({ id: 'AuditPage' });

export type AuditPage = z.infer<typeof auditPageSchema>;
