import { z } from 'zod';
import { providerIdSchema, uuidSchema } from './ids.ts';
import { profileSchema } from './profiles.ts';
import { emailSchema, multilineText, searchTextSchema } from './text.ts';

/**
 * A coaching relationship's lifecycle: `pending → active | declined | revoked | expired`,
 * `active → paused | completed`, `paused → active | completed`; the others are final.
 */
export const relationshipStatuses = [
  'pending',
  'active',
  'paused',
  'completed',
  'declined',
  'revoked',
  'expired',
] as const;
export const relationshipStatusSchema = z.enum(relationshipStatuses);
export type RelationshipStatus = z.infer<typeof relationshipStatusSchema>;

/** What may follow each status; anything else answers 409 naming these. */
export const relationshipTransitions: Record<RelationshipStatus, readonly RelationshipStatus[]> = {
  pending: ['active', 'declined', 'revoked', 'expired'],
  active: ['paused', 'completed'],
  paused: ['active', 'completed'],
  completed: [],
  declined: [],
  revoked: [],
  expired: [],
};

/** Open relationships: at most one per coach and client. */
export const openRelationshipStatuses = ['pending', 'active', 'paused'] as const;

/** `invitation`: the coach invited the client by email. `request`: the client asked the coach. */
export const relationshipOriginSchema = z.enum(['invitation', 'request']);

const messageSchema = multilineText({ max: 2000 });

export const inviteClientBodySchema = z.object({
  email: emailSchema,
  message: messageSchema.optional(),
});
export type InviteClientBody = z.infer<typeof inviteClientBodySchema>;

export const connectionRequestBodySchema = z.object({
  coachUserId: providerIdSchema,
  message: messageSchema.optional(),
});
export type ConnectionRequestBody = z.infer<typeof connectionRequestBodySchema>;

export const respondBodySchema = z.object({ accept: z.boolean() });

export const changeStatusBodySchema = z.object({
  status: z.enum(['paused', 'active', 'completed']),
});

export const relationshipParamsSchema = z.object({ id: uuidSchema });

/** One side of a relationship, as the other side sees it. */
export const relationshipPartySchema = z.object({
  identityUserId: z.string().nullable(),
  email: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  headline: z.string().nullable(),
});
export type RelationshipParty = z.infer<typeof relationshipPartySchema>;

/** The coach's practice, from the organization's business metadata. */
export const practiceSummarySchema = z.object({
  identityOrgId: z.string(),
  name: z.string(),
  specialties: z.array(z.string()),
  philosophy: z.string().nullable(),
  experienceYears: z.number().nullable(),
});
export type PracticeSummary = z.infer<typeof practiceSummarySchema>;

export const relationshipSchema = z
  .object({
    id: z.string(),
    status: relationshipStatusSchema,
    origin: relationshipOriginSchema,
    message: z.string().nullable(),
    coach: relationshipPartySchema,
    client: relationshipPartySchema,
    practice: practiceSummarySchema.nullable(),
    /** The provider's organization invitation (origin `invitation`), once it has been sent. */
    invitationId: z.string().nullable(),
    /** Why the invitation could not be sent, when the provider refused it. */
    invitationError: z.string().nullable(),
    expiresAt: z.iso.datetime().nullable(),
    /** When it first became active. */
    startedAt: z.iso.datetime().nullable(),
    endedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    /** What the caller may do now (`revoke` a coach's invitation, `withdraw` a client's request). */
    allowedActions: z.array(
      z.enum(['accept', 'decline', 'revoke', 'withdraw', 'pause', 'resume', 'complete']),
    ),
  })
  .meta({ id: 'Relationship' });
export type RelationshipView = z.infer<typeof relationshipSchema>;
export type RelationshipAction = RelationshipView['allowedActions'][number];

export const relationshipListQuerySchema = z.object({
  status: relationshipStatusSchema.optional(),
  origin: relationshipOriginSchema.optional().describe('Invitations by the coach, or requests'),
  query: searchTextSchema.optional().describe("Part of the other side's name or email"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type RelationshipListQuery = z.infer<typeof relationshipListQuerySchema>;

export const relationshipListSchema = z
  .object({
    data: z.array(relationshipSchema),
    totalCount: z.number().int().nonnegative(),
    /**
     * How many of the caller's relationships (this side, the origin and search asked) are in each
     * status, whatever the status filter.
     */
    counts: z.record(relationshipStatusSchema, z.number().int().nonnegative()),
  })
  .meta({ id: 'RelationshipList' });
export type RelationshipList = z.infer<typeof relationshipListSchema>;

export const memberRelationshipListSchema = z
  .object({ data: z.array(relationshipSchema) })
  .meta({ id: 'MemberRelationshipList' });

/** The coach directory: coaches who listed their practice. */
export const coachDirectoryQuerySchema = z.object({
  specialty: searchTextSchema.optional(),
  query: searchTextSchema.optional().describe('Part of the coach’s name, headline or practice'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const listedCoachSchema = profileSchema
  .pick({ identityUserId: true, firstName: true, lastName: true, headline: true, bio: true })
  .extend({ practice: practiceSummarySchema })
  .meta({ id: 'ListedCoach' });
export type ListedCoach = z.infer<typeof listedCoachSchema>;

export const coachDirectorySchema = z
  .object({ data: z.array(listedCoachSchema), totalCount: z.number().int().nonnegative() })
  .meta({ id: 'CoachDirectory' });

/** Seed 001: shared with the coach before a session; kept in the user's `publicMetadata`. */
export const sessionSettingsSchema = z
  .object({ auto_send_context: z.boolean() })
  .meta({ id: 'SessionSettings' });
export const sessionSettingsBodySchema = z.strictObject({ auto_send_context: z.boolean() });
export type SessionSettings = z.infer<typeof sessionSettingsSchema>;
