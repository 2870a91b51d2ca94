import { z } from 'zod';
import { plainText, searchTextSchema } from './text.ts';
import { isoDateTimeQuerySchema } from './time.ts';

export const auditQuerySchema = z
  .object({
    who: searchTextSchema
      .optional()
      .describe(
        'Who made the change: part of their email address or name, or a command-line login. A whole email address matches that address only.',
      ),
    actor: plainText({ min: 1, max: 200 })
      .optional()
      .describe('Exactly this actor: a user id, or `cli:<login>`'),
    action: plainText({ min: 1, max: 100 }).optional().describe('e.g. `waitlist.approve`'),
    target: plainText({ min: 1, max: 300 })
      .optional()
      .describe(
        'A target as listed (`waitlist:ada@example.com`, `user:<id>`), or an email address: the changes to its registry entry and to the account of that address',
      ),
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

/** A person an entry names, as the identity provider knows them now. */
export const auditPersonSchema = z.object({
  email: z.string(),
  name: z.string().nullable(),
});

export const auditEntrySchema = z.object({
  id: z.string(),
  actor: z.string(),
  actorUser: auditPersonSchema
    .nullable()
    .describe(
      'Who `actor` is, when it is a user the identity provider still knows; null for `cli:` actors and deleted users',
    ),
  action: z.string(),
  target: z.string(),
  targetUser: auditPersonSchema
    .nullable()
    .describe('Who a `user:<id>` target is, when the identity provider still knows them'),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime(),
});

export const auditPageSchema = z
  .object({
    data: z.array(auditEntrySchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    hasMore: z.boolean(),
    lastPage: z
      .number()
      .int()
      .optional()
      .describe(
        'Only when `page` is past the end: the last page holding entries (1 when nothing matches)',
      ),
  })
  .meta({ id: 'AuditPage' });

export type AuditPage = z.infer<typeof auditPageSchema>;
export type AuditEntryView = z.infer<typeof auditEntrySchema>;
export type AuditPerson = z.infer<typeof auditPersonSchema>;
