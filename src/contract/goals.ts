import { z } from 'zod';
import { uuidSchema } from './ids.ts';
import { multilineText, plainText } from './text.ts';

export const goalAreas = [
  'career',
  'leadership',
  'wellbeing',
  'relationships',
  'skills',
  'other',
] as const;
export const goalAreaSchema = z.enum(goalAreas, {
  message: `must be one of: ${goalAreas.join(', ')}`,
});
export type GoalArea = z.infer<typeof goalAreaSchema>;

/**
 * `proposed` (by a coach or a suggestion) → `not_started` or `in_progress` when the client accepts,
 * `abandoned` when they decline; then `not_started → in_progress → on_hold ⇄ in_progress →
 * completed`, and `abandoned` from anywhere open. A completed or abandoned goal may be reopened.
 */
export const goalStatuses = [
  'proposed',
  'not_started',
  'in_progress',
  'on_hold',
  'completed',
  'abandoned',
] as const;
export const goalStatusSchema = z.enum(goalStatuses);
export type GoalStatus = z.infer<typeof goalStatusSchema>;

export const goalTransitions: Record<GoalStatus, readonly GoalStatus[]> = {
  proposed: ['not_started', 'in_progress', 'abandoned'],
  not_started: ['in_progress', 'on_hold', 'completed', 'abandoned'],
  in_progress: ['not_started', 'on_hold', 'completed', 'abandoned'],
  on_hold: ['in_progress', 'not_started', 'completed', 'abandoned'],
  completed: ['in_progress'],
  abandoned: ['not_started'],
};

export const goalSources = ['manual', 'coach', 'suggestion'] as const;
export const goalVisibilitySchema = z.enum(['private', 'shared']);
export type GoalVisibility = z.infer<typeof goalVisibilitySchema>;

/** On track, needs attention, or stalled: computed on read from dates, progress and check-ins. */
export const momentumSchema = z.enum(['on_track', 'needs_attention', 'stalled']);
export type Momentum = z.infer<typeof momentumSchema>;
/** The signals from the one that most needs a look: a coach's lists put stalled goals first. */
export const MOMENTUM_BY_URGENCY: readonly Momentum[] = ['stalled', 'needs_attention', 'on_track'];

/** A calendar date, `2027-03-31`. */
export const calendarDateSchema = z.iso
  .date({ message: 'must be a date like 2027-03-31' })
  .refine((value) => value >= '1970-01-01' && value <= '9999-12-31', {
    message: 'must be between 1970-01-01 and 9999-12-31',
  });

const measureNumber = z
  .number({ message: 'must be a number' })
  .finite()
  .min(-1e12, 'must be at least -1000000000000')
  .max(1e12, 'must be at most 1000000000000');

export const newKeyResultSchema = z
  .strictObject({
    title: plainText({ min: 1, max: 200 }),
    startValue: measureNumber,
    targetValue: measureNumber,
    unit: plainText({ max: 30 }).optional(),
    /** How much it counts in the goal's progress, against the others (milestones count 1 each). */
    weight: z.number().int().min(1).max(10).default(1),
  })
  .refine((keyResult) => keyResult.startValue !== keyResult.targetValue, {
    message: 'must have a target different from its start',
    path: ['targetValue'],
  });

export const newMilestoneSchema = z.strictObject({ title: plainText({ min: 1, max: 200 }) });

const goalFields = {
  title: plainText({ min: 1, max: 200 }),
  description: multilineText({ max: 4000 }).optional(),
  whyItMatters: multilineText({ max: 2000 }).optional(),
  area: goalAreaSchema,
  targetDate: calendarDateSchema.optional(),
  visibility: goalVisibilitySchema.optional(),
};

export const createGoalBodySchema = z.strictObject({
  ...goalFields,
  /** The relationship it is worked on in, if any (one of the client's own). */
  relationshipId: uuidSchema.optional(),
  status: z.enum(['not_started', 'in_progress']).default('not_started'),
  keyResults: z.array(newKeyResultSchema).max(10).default([]),
  milestones: z.array(newMilestoneSchema).max(20).default([]),
});
export type CreateGoalBody = z.infer<typeof createGoalBodySchema>;

/** A coach's proposal: the same fields, always `proposed`, always shared with the coach. */
export const proposeGoalBodySchema = createGoalBodySchema.omit({
  relationshipId: true,
  status: true,
  visibility: true,
});
export type ProposeGoalBody = z.infer<typeof proposeGoalBodySchema>;

export const updateGoalBodySchema = z
  .strictObject({
    title: goalFields.title.optional(),
    description: multilineText({ max: 4000 }).nullable().optional(),
    whyItMatters: multilineText({ max: 2000 }).nullable().optional(),
    area: goalAreaSchema.optional(),
    targetDate: calendarDateSchema.nullable().optional(),
    visibility: goalVisibilitySchema.optional(),
    status: goalStatusSchema.optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'must change at least one field',
  });
export type UpdateGoalBody = z.infer<typeof updateGoalBodySchema>;

export const checkInBodySchema = z.strictObject({
  values: z
    .array(z.strictObject({ keyResultId: uuidSchema, value: measureNumber }))
    .max(10)
    .default([]),
  milestones: z
    .array(z.strictObject({ milestoneId: uuidSchema, done: z.boolean() }))
    .max(20)
    .default([]),
  confidence: z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5'),
  note: multilineText({ max: 2000 }).optional(),
});
export type CheckInBody = z.infer<typeof checkInBodySchema>;

export const goalParamsSchema = z.object({ id: uuidSchema });
export const relationshipGoalParamsSchema = z.object({ id: uuidSchema, goalId: uuidSchema });

export const goalListQuerySchema = z.object({
  status: goalStatusSchema.optional(),
  area: goalAreaSchema.optional(),
});

export const keyResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  startValue: z.number(),
  currentValue: z.number(),
  targetValue: z.number(),
  unit: z.string().nullable(),
  weight: z.number().int(),
  /** 0 to 1: how far from start to target, clamped. */
  progress: z.number(),
});

export const milestoneSchema = z.object({
  id: z.string(),
  title: z.string(),
  doneAt: z.iso.datetime().nullable(),
});

export const goalSchema = z
  .object({
    id: z.string(),
    clientUserId: z.string(),
    relationshipId: z.string().nullable(),
    title: z.string(),
    description: z.string().nullable(),
    whyItMatters: z.string().nullable(),
    area: goalAreaSchema,
    status: goalStatusSchema,
    source: z.enum(goalSources),
    proposedBy: z.string().nullable(),
    visibility: goalVisibilitySchema,
    targetDate: z.string().nullable(),
    startedAt: z.iso.datetime().nullable(),
    completedAt: z.iso.datetime().nullable(),
    keyResults: z.array(keyResultSchema),
    milestones: z.array(milestoneSchema),
    /** 0 to 1, weighted over key results and milestones. */
    progress: z.number(),
    /** Only for goals in progress. */
    momentum: momentumSchema.nullable(),
    lastCheckInAt: z.iso.datetime().nullable(),
    checkInCount: z.number().int().nonnegative(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Goal' });
export type GoalView = z.infer<typeof goalSchema>;

export const goalListSchema = z
  .object({
    data: z.array(goalSchema),
    /** How many goals may be in progress at once, and how many are. */
    focus: z.object({ limit: z.number().int(), inProgress: z.number().int() }),
  })
  .meta({ id: 'GoalList' });
export type GoalList = z.infer<typeof goalListSchema>;

/** `momentum=needs_attention,stalled`: only goals with one of these (all in progress when absent). */
export const coachClientGoalsQuerySchema = z.object({
  momentum: z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim()))
    .pipe(
      z
        .array(
          z.enum(momentumSchema.options, {
            error: 'must be on_track, needs_attention or stalled, separated by commas',
          }),
        )
        .min(1),
    )
    .optional(),
});
export type CoachClientGoalsQuery = z.infer<typeof coachClientGoalsQuerySchema>;

/** A goal in progress that a client shares with their coach, with whose it is. */
export const coachClientGoalSchema = z
  .object({
    relationshipId: z.string(),
    client: z.object({
      identityUserId: z.string(),
      email: z.string(),
      firstName: z.string().nullable(),
      lastName: z.string().nullable(),
    }),
    goal: goalSchema,
  })
  .meta({ id: 'CoachClientGoal' });
export type CoachClientGoal = z.infer<typeof coachClientGoalSchema>;

export const coachClientGoalListSchema = z
  .object({ data: z.array(coachClientGoalSchema) })
  .meta({ id: 'CoachClientGoalList' });
export type CoachClientGoalList = z.infer<typeof coachClientGoalListSchema>;

export const checkInSchema = z
  .object({
    id: z.string(),
    goalId: z.string(),
    values: z.array(z.object({ keyResultId: z.string(), value: z.number() })),
    milestones: z.array(z.object({ milestoneId: z.string(), done: z.boolean() })),
    confidence: z.number().int(),
    note: z.string().nullable(),
    /** 0 to 1: the goal's progress right after this check-in. */
    progress: z.number(),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'GoalCheckIn' });
export type CheckInView = z.infer<typeof checkInSchema>;

export const checkInListSchema = z
  .object({ data: z.array(checkInSchema) })
  .meta({ id: 'GoalCheckInList' });

export const commentBodySchema = z.strictObject({ body: multilineText({ min: 1, max: 4000 }) });

export const goalCommentSchema = z
  .object({
    id: z.string(),
    goalId: z.string(),
    authorUserId: z.string(),
    body: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'GoalComment' });

export const goalCommentListSchema = z
  .object({ data: z.array(goalCommentSchema) })
  .meta({ id: 'GoalCommentList' });
