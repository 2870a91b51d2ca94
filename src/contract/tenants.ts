import { z } from 'zod';
import { providerIdSchema } from './ids.ts';
import { emailSchema, multilineText, plainText } from './text.ts';

/** The provider's limit on one metadata field (Clerk: 8 KB); the API refuses more with a 400. */
export const METADATA_MAX_BYTES = 8 * 1024;

export const tenantKindSchema = z.enum(['coach_practice', 'client_company']);
export type TenantKind = z.infer<typeof tenantKindSchema>;
export const organizationRoleSchema = z.enum(['admin', 'member']);
export const companySizeSchema = z.enum(['1-10', '11-50', '51-200', '201-1000', '1000+']);

const specialty = plainText({ min: 1, max: 80 });
const language = plainText({ min: 1, max: 40 });
const website = plainText({ min: 1, max: 500 }).pipe(
  z.url({ protocol: /^https?$/, message: 'must be an http(s) address' }),
);

/** A coach practice's business metadata (seed 000), kept in the organization's `publicMetadata`. */
export const coachPracticeFields = {
  specialties: z.array(specialty).min(1, 'name at least one specialty').max(20),
  experience_years: z.number().int().min(0).max(80),
  philosophy: multilineText({ min: 1, max: 4000 }),
  languages: z.array(language).max(20).optional(),
  website: website.optional(),
  /** Shown in the coach directory (`GET /coaches`), where clients find a coach to ask. */
  listed: z.boolean().optional(),
};
export const coachPracticeMetadataSchema = z.object({
  kind: z.literal('coach_practice'),
  ...coachPracticeFields,
});

/** A client company's business metadata (seed 000). */
export const clientCompanyFields = {
  industry: plainText({ min: 1, max: 120 }),
  size: companySizeSchema,
};
export const clientCompanyMetadataSchema = z.object({
  kind: z.literal('client_company'),
  ...clientCompanyFields,
});

export const tenantMetadataSchema = z.discriminatedUnion('kind', [
  coachPracticeMetadataSchema,
  clientCompanyMetadataSchema,
]);
export type TenantMetadata = z.infer<typeof tenantMetadataSchema>;

/**
 * `PATCH …/metadata`: deep-merge semantics (Clerk's): a key set to `null` is deleted, anything else
 * replaces. The merged result must still be valid for the organization's kind, which never changes.
 */
export const metadataPatchSchema = z
  .strictObject({
    specialties: coachPracticeFields.specialties.optional(),
    experience_years: coachPracticeFields.experience_years.optional(),
    philosophy: coachPracticeFields.philosophy.optional(),
    languages: z.array(language).max(20).nullable().optional(),
    website: website.nullable().optional(),
    listed: z.boolean().nullable().optional(),
    industry: clientCompanyFields.industry.optional(),
    size: companySizeSchema.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'change at least one field' });

export const organizationNameSchema = plainText({ min: 1, max: 120 });
/** Lower-case letters, digits and single hyphens, as both providers accept. */
export const slugSchema = plainText({ min: 2, max: 60 })
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters and digits joined by hyphens');

export const createTenantBodySchema = z.object({
  name: organizationNameSchema,
  slug: slugSchema.optional(),
  metadata: tenantMetadataSchema,
});
export type CreateTenantBody = z.infer<typeof createTenantBodySchema>;

export const tenantSchema = z
  .object({
    id: z.string(),
    identityOrgId: z.string().nullable(),
    name: z.string(),
    slug: z.string(),
    kind: tenantKindSchema,
    metadata: z.record(z.string(), z.unknown()),
    /** The caller's role in the organization, as last synced. */
    role: organizationRoleSchema.nullable(),
    /** The caller's primary organization (their profile's). */
    isPrimary: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    syncedAt: z.iso.datetime().nullable(),
    deletedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Tenant' });
export type TenantView = z.infer<typeof tenantSchema>;

export const tenantListQuerySchema = z.object({
  // A query string carries text: only the words, not z.coerce.boolean's "anything non-empty is true".
  sync_from_clerk: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true')
    .describe('Sync from the identity provider first (the name is the seed’s; any provider)'),
});

export const tenantListSchema = z
  .object({
    data: z.array(tenantSchema),
    /** `database` when the provider was not asked or could not answer. */
    source: z.enum(['provider', 'database']),
    warning: z.string().nullable(),
  })
  .meta({ id: 'TenantList' });
export type TenantList = z.infer<typeof tenantListSchema>;

export const identityOrgParamsSchema = z.object({ identityOrgId: providerIdSchema });
export const memberParamsSchema = z.object({
  identityOrgId: providerIdSchema,
  userId: providerIdSchema,
});
export const orgInvitationParamsSchema = z.object({
  identityOrgId: providerIdSchema,
  invitationId: providerIdSchema,
});
export const invitationParamsSchema = z.object({ invitationId: providerIdSchema });

export const memberSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    role: organizationRoleSchema,
    joinedAt: z.iso.datetime(),
  })
  .meta({ id: 'OrganizationMember' });
export const memberListSchema = z.object({ data: z.array(memberSchema) });
export type MemberView = z.infer<typeof memberSchema>;

export const updateMemberRoleBodySchema = z.object({ role: organizationRoleSchema });

export const inviteMemberBodySchema = z.object({
  email: emailSchema,
  role: organizationRoleSchema.default('member'),
});

export const invitationStatusSchema = z.enum(['pending', 'accepted', 'revoked', 'expired']);
export const invitationListQuerySchema = z.object({
  status: invitationStatusSchema.default('pending'),
});

export const orgInvitationSchema = z
  .object({
    id: z.string(),
    identityOrgId: z.string(),
    email: z.string(),
    role: organizationRoleSchema,
    status: invitationStatusSchema,
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'OrganizationInvitation' });
export const orgInvitationListSchema = z.object({ data: z.array(orgInvitationSchema) });
export type OrgInvitationView = z.infer<typeof orgInvitationSchema>;

/** What the invitation acceptance page (`/invitations/{id}`) shows the invitee. */
export const receivedInvitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: organizationRoleSchema,
    status: invitationStatusSchema,
    expiresAt: z.iso.datetime(),
    organization: z.object({
      identityOrgId: z.string(),
      name: z.string(),
      slug: z.string(),
      kind: tenantKindSchema.nullable(),
    }),
    /**
     * `embedded`: accept or decline here. `provider`: the provider accepts in its own flow (Clerk:
     * the link in its mail); declining still works here.
     */
    acceptance: z.enum(['embedded', 'provider']),
  })
  .meta({ id: 'ReceivedInvitation' });
export type ReceivedInvitation = z.infer<typeof receivedInvitationSchema>;

export const receivedInvitationListSchema = z.object({ data: z.array(receivedInvitationSchema) });
export const receivedInvitationQuerySchema = z.object({
  status: invitationStatusSchema.default('pending'),
});

export const acceptedInvitationSchema = z.object({ tenant: tenantSchema });
