import { z } from 'zod';
import { providerIdSchema } from './ids.ts';
import { searchTextSchema } from './text.ts';

export const roleSchema = z.enum(['admin', 'coach', 'client', 'pending']);
export const grantableRoleSchema = z.enum(['admin', 'coach', 'client']);

export const publicMetadataSchema = z
  .object({
    primary_role: grantableRoleSchema.optional(),
    organization_roles: z.record(z.string(), z.string()).optional(),
    session_auto_send_context: z.boolean().optional(),
  })
  .catchall(z.unknown())
  .meta({ id: 'PublicMetadata' });

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    imageUrl: z.string().nullable(),
    role: roleSchema,
    banned: z.boolean(),
    publicMetadata: publicMetadataSchema,
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });

export const meSchema = userSchema
  .extend({
    sessionId: z.string(),
    activeOrganizationId: z.string().nullable(),
  })
  .meta({ id: 'Me' });

export const coachAuthorizationSchema = z
  .object({
    authorized: z.boolean(),
    role: roleSchema,
    reason: z.string().describe('Why, in words for a person.'),
  })
  .meta({ id: 'CoachAuthorization' });

export const userListQuerySchema = z.object({
  query: searchTextSchema.optional().describe('Part of an email address or name'),
  role: roleSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const userListSchema = z
  .object({
    data: z.array(userSchema),
    totalCount: z.number().int().nonnegative(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'UserList' });

export const setRoleBodySchema = z.object({ role: grantableRoleSchema });
export const userIdParamsSchema = z.object({ userId: providerIdSchema });

export type Role = z.infer<typeof roleSchema>;
export type User = z.infer<typeof userSchema>;
export type Me = z.infer<typeof meSchema>;
export type UserList = z.infer<typeof userListSchema>;
