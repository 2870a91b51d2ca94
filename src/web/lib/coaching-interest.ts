import { z } from 'zod';
import {
  type CoachingInterestBody,
  type CoachingInterestPatch,
  type CoachingInterestStatus,
  type CoachingInterestView,
  coachingFormats,
  coachingInterestBodySchema,
  coachingInterestPatchSchema,
  coachingInterestQuerySchema,
  coachingInterestStatuses,
} from '../../contract/coaching-interest.ts';
import type { ListSpec } from './list-state.ts';
import { splitList } from './organizations.ts';
import type { FieldWords } from './plain-errors.ts';

/*
 * Seed 001's coaching interest: the member's form (flat text values checked with the contract's
 * schema, and the body built from them), its words, and the admin list's address.
 */

export type CoachingFormat = (typeof coachingFormats)[number];

export const COACHING_FORMAT_LABELS: Record<CoachingFormat, string> = {
  video: 'Video call',
  in_person: 'In person',
  phone: 'Phone',
  no_preference: 'No preference',
};

export const INTEREST_STATUS_LABELS: Record<CoachingInterestStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  matched: 'Matched',
  closed: 'Closed',
};

export const INTEREST_STATUS_OPTIONS = coachingInterestStatuses.map((status) => ({
  value: status,
  label: INTEREST_STATUS_LABELS[status],
}));

export const COACHING_FORMAT_OPTIONS = coachingFormats.map((format) => ({
  value: format,
  label: COACHING_FORMAT_LABELS[format],
}));

/** The submitting member's name, else their email. */
export function memberName(submission: Pick<CoachingInterestView, 'member'>): string {
  return submission.member.name?.trim() || submission.member.email;
}

/* ------------------------------------------------------------------------------------------ */
/* The member's form                                                                           */
/* ------------------------------------------------------------------------------------------ */

export type InterestFormValues = {
  goals: string;
  /** Typed as one line, separated by commas. */
  focusAreas: string;
  preferredFormat: CoachingFormat | '';
  availability: string;
  message: string;
};

export const EMPTY_INTEREST_FORM: InterestFormValues = {
  goals: '',
  focusAreas: '',
  preferredFormat: '',
  availability: '',
  message: '',
};

const body = coachingInterestBodySchema.shape;

/** The contract's body schema, with the focus areas read from their one line of text. */
export const interestFormSchema = z.object({
  goals: body.goals,
  focusAreas: z.string().transform(splitList).pipe(body.focusAreas),
  preferredFormat: body.preferredFormat,
  availability: body.availability,
  message: body.message,
});

export const INTEREST_FORM_WORDS: Record<keyof InterestFormValues, FieldWords> = {
  goals: { name: 'your goals', missing: 'Say in a few words what you want from coaching.' },
  focusAreas: {
    name: 'the focus areas',
    missing: 'Name at least one focus area.',
    each: 'Each focus area',
  },
  preferredFormat: { name: 'the format', missing: 'Choose how you would like to meet.' },
  availability: { name: 'your availability' },
  message: { name: 'the message' },
};

/** `POST /member/coaching-interest/`: the filled-in fields, trimmed; empty optional ones left out. */
export function interestBody(values: InterestFormValues): CoachingInterestBody {
  const availability = values.availability.trim();
  const message = values.message.trim();
  return {
    goals: values.goals.trim(),
    focusAreas: splitList(values.focusAreas),
    preferredFormat: values.preferredFormat as CoachingFormat,
    ...(availability && { availability }),
    ...(message && { message }),
  };
}

/* ------------------------------------------------------------------------------------------ */
/* The admin's review                                                                          */
/* ------------------------------------------------------------------------------------------ */

export type InterestReviewValues = { status: CoachingInterestStatus; notes: string };

export const interestReviewSchema = z.object({
  status: coachingInterestPatchSchema.shape.status,
  notes: coachingInterestPatchSchema.shape.notes,
});

export const INTEREST_REVIEW_WORDS: Record<keyof InterestReviewValues, FieldWords> = {
  status: { name: 'the status', missing: 'Choose a status.' },
  notes: { name: 'the notes' },
};

/**
 * `PATCH /admin/coaching-interest/{id}`: only what changed, emptied notes as `null` (cleared).
 * `null` when nothing changed, so that no request is sent.
 */
export function interestPatch(
  submission: Pick<CoachingInterestView, 'status' | 'notes'>,
  values: InterestReviewValues,
): CoachingInterestPatch | null {
  const notes = values.notes.trim() || null;
  const patch: CoachingInterestPatch = {
    ...(values.status !== submission.status && { status: values.status }),
    ...(notes !== (submission.notes?.trim() || null) && { notes }),
  };
  return Object.keys(patch).length > 0 ? patch : null;
}

/** The admin page of one submission. */
export function interestPath(id: string): string {
  return `/admin/coaching-interest/${encodeURIComponent(id)}`;
}

export type InterestListState = {
  status: CoachingInterestStatus | '';
  query: string;
  page: number;
};

const query = coachingInterestQuerySchema.shape;

export const interestListSpec: ListSpec<InterestListState> = {
  status: { schema: query.status, fallback: '', label: 'status', instead: 'every status' },
  query: { schema: query.query, fallback: '', label: 'search', instead: 'everyone' },
  page: { schema: query.page, fallback: 1, label: 'page number', instead: 'the first page' },
};
