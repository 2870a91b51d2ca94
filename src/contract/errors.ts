import { z } from 'zod';

/** The body of every 4xx and 5xx answer of the API. */
export const apiErrorSchema = z
  .object({
    error: z.string().describe('A stable, machine-readable code, e.g. `validation_failed`.'),
    message: z.string().describe('What went wrong, written for a person.'),
    requestId: z
      .string()
      .describe('Quote it when reporting a problem; the server log has the rest.'),
    issues: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('For `validation_failed`: each invalid field and why.'),
    existing: z
      .unknown()
      .optional()
      .describe(
        'For `conflict`, when the caller may see it: what already exists (a second onboarding answers the profile made by the first).',
      ),
  })
  .meta({ id: 'ApiError' });

export type ApiError = z.infer<typeof apiErrorSchema>;
