import { z } from 'zod';
import {
  type ClientOnboardingBody,
  type CoachOnboardingBody,
  type CreateProfileBody,
  clientDataSchema,
  coachDataSchema,
  createProfileBodySchema,
  type ProfileView,
  type UpdateProfileBody,
} from '../../contract/profiles.ts';
import {
  clientCompanyFields,
  coachPracticeFields,
  companySizeSchema,
  organizationNameSchema,
} from '../../contract/tenants.ts';
import { type CompanySize, joinList, splitList } from './organizations.ts';
import type { FieldWords } from './plain-errors.ts';

/*
 * The forms of onboarding and of the profile page: flat values as the inputs hold them (text), the
 * contract's own schemas to check them (plainResolver), and the request bodies built from them.
 */

/** A list typed in one field, checked as the list the request carries. */
const listOf = <T extends z.ZodType<unknown, string[]>>(schema: T) =>
  z.string().transform(splitList).pipe(schema);
/** A whole number typed in a field. */
const wholeNumber = <T extends z.ZodType<unknown, number>>(schema: T) =>
  z.string().regex(/^\d+$/, 'expected int').transform(Number).pipe(schema);

const profileShape = createProfileBodySchema.shape;

/** The fields every profile has. */
export type ProfileFieldValues = {
  firstName: string;
  lastName: string;
  headline: string;
  bio: string;
  timezone: string;
};

const profileFieldSchemas = {
  firstName: profileShape.firstName,
  lastName: profileShape.lastName,
  headline: profileShape.headline,
  bio: profileShape.bio,
  timezone: profileShape.timezone,
};

export const PROFILE_WORDS: Record<keyof ProfileFieldValues, FieldWords> = {
  firstName: { name: 'your first name', missing: 'Enter your first name.' },
  lastName: { name: 'your last name', missing: 'Enter your last name.' },
  headline: { name: 'the headline' },
  bio: { name: 'the bio' },
  timezone: { name: 'the time zone', missing: 'Choose your time zone.' },
};

/** First and last name from the account's name, to start from. */
export function namesFrom(user: { firstName?: string | null; lastName?: string | null }) {
  return { firstName: user.firstName?.trim() ?? '', lastName: user.lastName?.trim() ?? '' };
}

const optionalText = (value: string): string | undefined => value.trim() || undefined;

function profileFields(values: ProfileFieldValues) {
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    ...(optionalText(values.headline) && { headline: values.headline.trim() }),
    ...(optionalText(values.bio) && { bio: values.bio.trim() }),
    ...(optionalText(values.timezone) && { timezone: values.timezone.trim() }),
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Coach onboarding                                                                            */
/* ------------------------------------------------------------------------------------------ */

export type CoachOnboardingValues = ProfileFieldValues & {
  practiceName: string;
  website: string;
  specialties: string;
  experienceYears: string;
  languages: string;
  philosophy: string;
  /** Opt in to the coach directory. */
  listed: boolean;
};

/** The practice's opt-in to the coach directory, in onboarding and in its settings. */
export const LISTED_LABEL = 'List my practice in the coach directory';
export const LISTED_HINT = 'Clients find you there and can ask to work with you.';

export const coachOnboardingSchema = z.object({
  practiceName: organizationNameSchema,
  website: coachPracticeFields.website,
  specialties: listOf(coachPracticeFields.specialties),
  experienceYears: wholeNumber(coachPracticeFields.experience_years),
  languages: listOf(z.array(z.string().trim().min(1).max(40)).max(20)).optional(),
  philosophy: coachPracticeFields.philosophy,
  listed: coachPracticeFields.listed,
  ...profileFieldSchemas,
});

export const COACH_ONBOARDING_WORDS: Record<keyof CoachOnboardingValues, FieldWords> = {
  ...PROFILE_WORDS,
  practiceName: { name: 'the practice’s name', missing: 'Enter your practice’s name.' },
  website: { name: 'the website address (it starts with https://)' },
  specialties: { name: 'the specialties', missing: 'Name at least one specialty.' },
  experienceYears: {
    name: 'the years of experience',
    missing: 'Enter how many years you have coached.',
  },
  languages: { name: 'the languages' },
  philosophy: { name: 'your philosophy', missing: 'Say in a few words how you coach.' },
  listed: { name: 'the coach directory' },
};

export function coachOnboardingBody(values: CoachOnboardingValues): CoachOnboardingBody {
  const specialties = splitList(values.specialties);
  const languages = splitList(values.languages);
  const years = Number(values.experienceYears);
  return {
    profile: {
      ...profileFields(values),
      coachData: { specialties, yearsOfExperience: years },
    },
    practice: {
      name: values.practiceName.trim(),
      specialties,
      experience_years: years,
      philosophy: values.philosophy.trim(),
      ...(languages.length > 0 && { languages }),
      ...(optionalText(values.website) && { website: values.website.trim() }),
      ...(values.listed && { listed: true }),
    },
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Client onboarding                                                                           */
/* ------------------------------------------------------------------------------------------ */

/** `company`: `create` for a new company, else the id of the invitation to join with. */
export type ClientOnboardingValues = ProfileFieldValues & {
  jobTitle: string;
  company: string;
  companyName: string;
  industry: string;
  size: CompanySize | '';
};

export const NEW_COMPANY = 'create';

const clientProfileSchemas = {
  ...profileFieldSchemas,
  jobTitle: clientDataSchema.shape.jobTitle,
};

/** A new company: its name, industry and size are asked for. */
export const clientCreateSchema = z.object({
  ...clientProfileSchemas,
  company: z.literal(NEW_COMPANY),
  companyName: organizationNameSchema,
  industry: clientCompanyFields.industry,
  size: companySizeSchema,
});

/** Joining the company whose invitation they hold. */
export const clientJoinSchema = z.object({
  ...clientProfileSchemas,
  company: z.string().min(1),
});

export const CLIENT_ONBOARDING_WORDS: Record<keyof ClientOnboardingValues, FieldWords> = {
  ...PROFILE_WORDS,
  jobTitle: { name: 'the job title' },
  company: { name: 'the company', missing: 'Choose your company.' },
  companyName: { name: 'the company’s name', missing: 'Enter your company’s name.' },
  industry: { name: 'the industry', missing: 'Enter your company’s industry.' },
  size: { name: 'the size', missing: 'Choose how many people work there.' },
};

export function clientOnboardingBody(values: ClientOnboardingValues): ClientOnboardingBody {
  const jobTitle = optionalText(values.jobTitle);
  return {
    profile: {
      ...profileFields(values),
      ...(jobTitle && { clientData: { jobTitle } }),
    },
    company:
      values.company === NEW_COMPANY
        ? {
            action: 'create',
            name: values.companyName.trim(),
            industry: values.industry.trim(),
            size: values.size as CompanySize,
          }
        : { action: 'join', invitationId: values.company },
  };
}

/* ------------------------------------------------------------------------------------------ */
/* The profile page                                                                            */
/* ------------------------------------------------------------------------------------------ */

export type ProfilePageValues = ProfileFieldValues & {
  /** Coaches. */
  specialties: string;
  certifications: string;
  yearsOfExperience: string;
  /** Clients. */
  jobTitle: string;
  goals: string;
};

export const profilePageSchema = z.object({
  ...profileFieldSchemas,
  specialties: listOf(coachDataSchema.shape.specialties.unwrap()).optional(),
  certifications: listOf(coachDataSchema.shape.certifications.unwrap()).optional(),
  yearsOfExperience: wholeNumber(z.number().int().min(0).max(80)).optional(),
  jobTitle: clientDataSchema.shape.jobTitle,
  goals: z
    .string()
    .transform((text) =>
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(clientDataSchema.shape.goals.unwrap())
    .optional(),
});

export const PROFILE_PAGE_WORDS: Record<keyof ProfilePageValues, FieldWords> = {
  ...PROFILE_WORDS,
  specialties: { name: 'the specialties' },
  certifications: { name: 'the certifications' },
  yearsOfExperience: { name: 'the years of experience' },
  jobTitle: { name: 'the job title' },
  goals: { name: 'the goals' },
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function profilePageValues(
  profile: ProfileView | null,
  fallback: { firstName: string; lastName: string; timezone: string },
): ProfilePageValues {
  const coach = profile?.coachData ?? {};
  const client = profile?.clientData ?? {};
  return {
    firstName: profile?.firstName ?? fallback.firstName,
    lastName: profile?.lastName ?? fallback.lastName,
    headline: profile?.headline ?? '',
    bio: profile?.bio ?? '',
    timezone: profile ? (profile.timezone ?? '') : fallback.timezone,
    specialties: joinList(coach.specialties),
    certifications: joinList(coach.certifications),
    yearsOfExperience:
      typeof coach.yearsOfExperience === 'number' ? String(coach.yearsOfExperience) : '',
    jobTitle: text(client.jobTitle),
    goals: Array.isArray(client.goals)
      ? client.goals.filter((goal) => typeof goal === 'string').join('\n')
      : '',
  };
}

function roleData(values: ProfilePageValues, kind: 'coach' | 'client' | 'none') {
  if (kind === 'coach') {
    const specialties = splitList(values.specialties);
    const certifications = splitList(values.certifications);
    const years = values.yearsOfExperience.trim();
    return {
      coachData: {
        ...(specialties.length > 0 && { specialties }),
        ...(certifications.length > 0 && { certifications }),
        ...(years !== '' && { yearsOfExperience: Number(years) }),
      },
    };
  }
  if (kind === 'client') {
    const jobTitle = optionalText(values.jobTitle);
    const goals = values.goals
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    return {
      clientData: { ...(jobTitle && { jobTitle }), ...(goals.length > 0 && { goals }) },
    };
  }
  return {};
}

/** `POST /users/me/profile`: what is filled in. */
export function createProfileBody(
  values: ProfilePageValues,
  kind: 'coach' | 'client' | 'none',
): CreateProfileBody {
  return { ...profileFields(values), ...roleData(values, kind) };
}

/** `PUT /users/me/profile`: every field, an emptied optional one as `null` (cleared). */
export function updateProfileBody(
  values: ProfilePageValues,
  kind: 'coach' | 'client' | 'none',
): UpdateProfileBody {
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    headline: optionalText(values.headline) ?? null,
    bio: optionalText(values.bio) ?? null,
    timezone: optionalText(values.timezone) ?? null,
    ...roleData(values, kind),
  };
}
