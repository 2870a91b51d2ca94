import { z } from 'zod';
import { plainText } from './text.ts';

export const outboxQuerySchema = z.object({
  to: plainText({ max: 254 })
    .optional()
    .describe('Part of the recipient address, in any case (`ada@`, `example.com`)'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const outboxMailSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.iso.datetime(),
});

export const outboxListSchema = z
  .object({
    data: z.array(outboxMailSchema),
    totalCount: z.number().int().nonnegative(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'OutboxList' });

export type OutboxList = z.infer<typeof outboxListSchema>;
