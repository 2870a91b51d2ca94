import { z } from 'zod';
import { providerIdSchema, uuidSchema } from './ids.ts';
import { relationshipSchema } from './relationships.ts';
import { multilineText, plainText, searchTextSchema } from './text.ts';

export const coachingFormats = ['video', 'in_person', 'phone', 'no_preference'] as const;
export const coachingFormatSchema = z.enum(coachingFormats);

export const coachingInterestStatuses = ['new', 'contacted', 'matched', 'closed'] as const;
export const coachingInterestStatusSchema = z.enum(coachingInterestStatuses);
export type CoachingInterestStatus = z.infer<typeof coachingInterestStatusSchema>;
/** A member has at most one submission in these at a time. */
export const openCoachingInterestStatuses = ['new', 'contacted'] as const;

/** Seed 001's interest form: what the member wants from coaching, stored for the admins. */
export const coachingInterestBodySchema = z.object({
  goals: multilineText({ min: 1, max: 2000 }),
  focusAreas: z
    .array(plainText({ min: 1, max: 80 }))
    .min(1, 'choose at least one focus area')
    .max(10, 'choose at most 10 focus areas'),
  preferredFormat: coachingFormatSchema,
  availability: plainText({ max: 500 }).optional(),
  message: multilineText({ max: 2000 }).optional(),
});
export type CoachingInterestBody = z.infer<typeof coachingInterestBodySchema>;

export const coachingInterestSchema = z
  .object({
    id: z.string(),
    member: z.object({
      identityUserId: z.string(),
      email: z.string(),
      /** As the member's account gave it when they submitted. */
      name: z.string().nullable(),
    }),
    goals: z.string(),
    focusAreas: z.array(z.string()),
    preferredFormat: coachingFormatSchema,
    availability: z.string().nullable(),
    message: z.string().nullable(),
    status: coachingInterestStatusSchema,
    notes: z.string().nullable(),
    matchedCoachUserId: z.string().nullable(),
    matchedCoachName: z.string().nullable(),
    relationshipId: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'CoachingInterest' });
export type CoachingInterestView = z.infer<typeof coachingInterestSchema>;

/** The member's open submission, if any (the page shows it instead of a second form). */
export const myCoachingInterestSchema = z
  .object({ submission: coachingInterestSchema.nullable() })
  .meta({ id: 'MyCoachingInterest' });

export const coachingInterestQuerySchema = z.object({
  status: coachingInterestStatusSchema.optional(),
  query: searchTextSchema.optional().describe("Part of the member's email, name or goals"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type CoachingInterestQuery = z.infer<typeof coachingInterestQuerySchema>;

export const coachingInterestListSchema = z
  .object({ data: z.array(coachingInterestSchema), totalCount: z.number().int().nonnegative() })
  .meta({ id: 'CoachingInterestList' });

export const coachingInterestParamsSchema = z.object({ id: uuidSchema });

export const coachingInterestPatchSchema = z
  .strictObject({
    status: coachingInterestStatusSchema.optional(),
    notes: multilineText({ max: 4000 }).nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'change at least one field' });
export type CoachingInterestPatch = z.infer<typeof coachingInterestPatchSchema>;

export const matchBodySchema = z.object({ coachUserId: providerIdSchema });

export const matchResultSchema = z
  .object({ submission: coachingInterestSchema, relationship: relationshipSchema })
  .meta({ id: 'CoachingInterestMatch' });
