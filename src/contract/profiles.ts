import { z } from 'zod';
import { providerIdSchema } from './ids.ts';
import {
  clientCompanyFields,
  coachPracticeFields,
  organizationNameSchema,
  slugSchema,
  tenantSchema,
} from './tenants.ts';
import { multilineText, plainText } from './text.ts';

const shortText = plainText({ min: 1, max: 120 });

/** An IANA time zone the runtime knows (`Europe/Paris`, `UTC`). */
export const timezoneSchema = plainText({ min: 1, max: 64 }).refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as Europe/Paris' },
);

/** What a coach's profile adds (seed 000 CoachData). */
export const coachDataSchema = z.strictObject({
  specialties: z
    .array(plainText({ min: 1, max: 80 }))
    .max(20)
    .optional(),
  certifications: z
    .array(plainText({ min: 1, max: 120 }))
    .max(20)
    .optional(),
  yearsOfExperience: z.number().int().min(0).max(80).optional(),
});
export type CoachData = z.infer<typeof coachDataSchema>;

/** What a client's profile adds (seed 000 ClientData). */
export const clientDataSchema = z.strictObject({
  jobTitle: plainText({ min: 1, max: 120 }).optional(),
  goals: z
    .array(plainText({ min: 1, max: 200 }))
    .max(20)
    .optional(),
});
export type ClientData = z.infer<typeof clientDataSchema>;

const profileFields = {
  firstName: shortText,
  lastName: shortText,
  headline: plainText({ max: 160 }).nullable().optional(),
  bio: multilineText({ max: 4000 }).nullable().optional(),
  timezone: timezoneSchema.nullable().optional(),
};

/** `POST /users/me/profile`: `coachData` only for a coach, `clientData` only for a client. */
export const createProfileBodySchema = z.strictObject({
  ...profileFields,
  coachData: coachDataSchema.optional(),
  clientData: clientDataSchema.optional(),
});
export type CreateProfileBody = z.infer<typeof createProfileBodySchema>;

/** `PUT /users/me/profile`: the fields given replace the stored ones; `null` clears an optional one. */
export const updateProfileBodySchema = z
  .strictObject({
    firstName: shortText.optional(),
    lastName: shortText.optional(),
    headline: profileFields.headline,
    bio: profileFields.bio,
    timezone: profileFields.timezone,
    coachData: coachDataSchema.nullable().optional(),
    clientData: clientDataSchema.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'change at least one field' });
export type UpdateProfileBody = z.infer<typeof updateProfileBodySchema>;

export const profileSchema = z
  .object({
    identityUserId: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    headline: z.string().nullable(),
    bio: z.string().nullable(),
    timezone: z.string().nullable(),
    coachData: z.record(z.string(), z.unknown()).nullable(),
    clientData: z.record(z.string(), z.unknown()).nullable(),
    primaryOrganizationId: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Profile' });
export type ProfileView = z.infer<typeof profileSchema>;

/** What people who share an organization with the user see of them. */
export const profileSummarySchema = z
  .object({
    identityUserId: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    headline: z.string().nullable(),
    primaryOrganizationId: z.string().nullable(),
  })
  .meta({ id: 'ProfileSummary' });

export const profileUserParamsSchema = z.object({ identityUserId: providerIdSchema });

/** `POST /profiles/coach`: the profile and the coach's practice, in one step. */
export const coachOnboardingBodySchema = z.object({
  profile: createProfileBodySchema.omit({ clientData: true }),
  practice: z.object({
    name: organizationNameSchema,
    slug: slugSchema.optional(),
    ...coachPracticeFields,
  }),
});
export type CoachOnboardingBody = z.infer<typeof coachOnboardingBodySchema>;

/** `POST /profiles/client`: the profile, then a new company or the one whose invitation they hold. */
export const clientOnboardingBodySchema = z.object({
  profile: createProfileBodySchema.omit({ coachData: true }),
  company: z.discriminatedUnion('action', [
    z.object({
      action: z.literal('create'),
      name: organizationNameSchema,
      slug: slugSchema.optional(),
      ...clientCompanyFields,
    }),
    z.object({ action: z.literal('join'), invitationId: providerIdSchema }),
  ]),
});
export type ClientOnboardingBody = z.infer<typeof clientOnboardingBodySchema>;

export const onboardedSchema = z
  .object({ profile: profileSchema, tenant: tenantSchema })
  .meta({ id: 'Onboarded' });
export type Onboarded = z.infer<typeof onboardedSchema>;
