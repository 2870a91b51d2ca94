import { sql } from 'drizzle-orm';
import {
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const tenantKinds = ['coach_practice', 'client_company'] as const;
export type TenantKind = (typeof tenantKinds)[number];

/**
 * One row per identity-provider organization (seed 003), a mirror of what the provider holds:
 * name, slug and a copy of the organization's business metadata (its `publicMetadata`). Legacy
 * tenants, made before the provider owned organizations, have no `identity_org_id` until
 * `npm run tenants:link-legacy` links them. A deleted organization only marks its tenant deleted,
 * so rows that reference the tenant stay readable.
 */
export const tenants = pgTable(
  'tenants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    identityOrgId: text('identity_org_id'),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    kind: text('kind', { enum: tenantKinds }).notNull(),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the row was last copied from the provider; null for a legacy tenant never linked. */
    syncedAt: timestamp('synced_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (table) => [
    // Unique where set: any number of legacy rows have none.
    uniqueIndex('tenants_identity_org_id_unique').on(table.identityOrgId),
    index('tenants_slug_idx').on(table.slug),
    index('tenants_unlinked_idx')
      .on(table.createdAt, table.id)
      .where(sql`${table.identityOrgId} is null`),
  ],
);

export type Tenant = typeof tenants.$inferSelect;

/**
 * Who belongs to which organization, mirrored from the provider (memberships), so that a user's
 * tenants can be listed from the database alone when the provider is down or not asked. Keyed by
 * the provider's ids, not the tenant's, so that a membership event may arrive before its
 * organization's.
 */
export const tenantMembers = pgTable(
  'tenant_members',
  {
    identityOrgId: text('identity_org_id').notNull(),
    identityUserId: text('identity_user_id').notNull(),
    role: text('role', { enum: ['admin', 'member'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.identityOrgId, table.identityUserId] }),
    index('tenant_members_user_idx').on(table.identityUserId, table.identityOrgId),
  ],
);
