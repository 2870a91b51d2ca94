import { z } from 'zod';
import {
  createGoalBodySchema,
  goalAreaSchema,
  goalSchema,
  newKeyResultSchema,
  newMilestoneSchema,
} from './goals.ts';
import { uuidSchema } from './ids.ts';
import { multilineText } from './text.ts';

const answerText = multilineText({ max: 4000 });

/**
 * The discovery questionnaire (issue 10): what the client values, the areas they want to work on,
 * their strengths and challenges, where they want to be in a year, what would make coaching worth it.
 */
export const discoveryAnswersSchema = z.strictObject({
  values: answerText.optional(),
  areas: z.array(goalAreaSchema).max(6).optional(),
  strengths: answerText.optional(),
  challenges: answerText.optional(),
  oneYear: answerText.optional(),
  worthIt: answerText.optional(),
});
export type DiscoveryAnswers = z.infer<typeof discoveryAnswersSchema>;

/** The questions in order, as the questionnaire asks them (the free-text ones). */
export const discoveryQuestions = {
  values: 'What matters most to you, at work and outside it?',
  strengths: 'What are you good at? What do others come to you for?',
  challenges: 'What gets in your way right now?',
  oneYear: 'Where do you want to be a year from now?',
  worthIt: 'What would make coaching worth it for you?',
} as const;
export type DiscoveryQuestion = keyof typeof discoveryQuestions;

/** Saved as the client goes: the answers given merge into those kept. */
export const saveDiscoveryBodySchema = z.strictObject({
  answers: discoveryAnswersSchema,
  sharedWithCoaches: z.boolean().optional(),
});

export const discoverySchema = z
  .object({
    answers: discoveryAnswersSchema,
    sharedWithCoaches: z.boolean(),
    completedAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'GoalDiscovery' });
export type DiscoveryView = z.infer<typeof discoverySchema>;

export const suggestionSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('answer'),
    question: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    excerpt: z.string(),
  }),
  z.object({
    kind: z.literal('document'),
    documentId: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    excerpt: z.string(),
  }),
]);
export type SuggestionSource = z.infer<typeof suggestionSourceSchema>;

export const suggestionStatusSchema = z.enum([
  'pending',
  'accepted',
  'edited_accepted',
  'dismissed',
  'superseded',
]);

export const suggestionSchema = z
  .object({
    id: z.string(),
    status: suggestionStatusSchema,
    title: z.string(),
    description: z.string(),
    area: goalAreaSchema,
    keyResults: z.array(
      z.object({
        title: z.string(),
        startValue: z.number(),
        targetValue: z.number(),
        unit: z.string().optional(),
      }),
    ),
    milestones: z.array(z.string()),
    /** Why it is suggested, quoting the client's own words. */
    reasoning: z.string(),
    sources: z.array(suggestionSourceSchema),
    generator: z.string(),
    generatorVersion: z.string(),
    /** The goal made from it, once accepted. */
    goalId: z.string().nullable(),
    createdAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'GoalSuggestion' });
export type SuggestionView = z.infer<typeof suggestionSchema>;

/** The last generation run: which generator, and why it made nothing when it failed or was skipped. */
export const suggestionRunSchema = z.object({
  generator: z.string(),
  status: z.enum(['succeeded', 'failed', 'skipped']),
  reason: z.string().nullable(),
  suggestionCount: z.number().int(),
  finishedAt: z.iso.datetime(),
});

export type SuggestionRun = z.infer<typeof suggestionRunSchema>;

export const suggestionListSchema = z
  .object({ data: z.array(suggestionSchema), lastRun: suggestionRunSchema.nullable() })
  .meta({ id: 'GoalSuggestionList' });

export const suggestionListQuerySchema = z.object({
  status: suggestionStatusSchema.optional(),
});

export const suggestionParamsSchema = z.object({ id: uuidSchema });

/** Accepting as suggested, or with edits (the goal's fields, as when creating one). */
export const acceptSuggestionBodySchema = z.strictObject({
  // Every field optional and without defaults: what is left out stays as suggested.
  edits: z
    .strictObject({
      title: createGoalBodySchema.shape.title.optional(),
      description: createGoalBodySchema.shape.description,
      whyItMatters: createGoalBodySchema.shape.whyItMatters,
      area: goalAreaSchema.optional(),
      targetDate: createGoalBodySchema.shape.targetDate,
      visibility: createGoalBodySchema.shape.visibility,
      keyResults: z.array(newKeyResultSchema).max(10).optional(),
      milestones: z.array(newMilestoneSchema).max(20).optional(),
    })
    .optional(),
});
export type AcceptSuggestionBody = z.infer<typeof acceptSuggestionBodySchema>;

export const acceptedSuggestionSchema = z
  .object({ suggestion: suggestionSchema, goal: goalSchema })
  .meta({ id: 'AcceptedGoalSuggestion' });

/**
 * How far a client's data may go to make suggestions, set by each side of a relationship: `none`
 * (nothing is generated), `local_only` (the offline generator, in the server), `external` (the
 * configured AI service may read it). The effective level is the lower of the two sides, and over
 * all of a client's open relationships the lowest.
 */
export const aiPrivacyLevels = ['none', 'local_only', 'external'] as const;
export const aiPrivacyLevelSchema = z.enum(aiPrivacyLevels);
export type AiPrivacyLevel = z.infer<typeof aiPrivacyLevelSchema>;

export const aiPrivacySchema = z
  .object({
    coach: aiPrivacyLevelSchema,
    client: aiPrivacyLevelSchema,
    effective: aiPrivacyLevelSchema,
  })
  .meta({ id: 'AiPrivacy' });
export type AiPrivacy = z.infer<typeof aiPrivacySchema>;

export const aiPrivacyBodySchema = z.strictObject({ level: aiPrivacyLevelSchema });
