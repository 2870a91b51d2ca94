import { z } from 'zod';

export const auditQuerySchema = z
  .object({
    actor: z.string().trim().min(1).max(200).optional(),
    action: z.string().trim().min(1).max(100).optional(),
    target: z.string().trim().min(1).max(300).optional(),
    from: z.iso.datetime({ offset: true }).optional().describe('Inclusive, ISO 8601'),
    until: z.iso.datetime({ offset: true }).optional().describe('Exclusive, ISO 8601'),
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
