import { z } from 'zod';

export const livenessSchema = z
  .object({
    status: z.literal('ok'),
    uptimeSeconds: z.number().nonnegative(),
  })
  .meta({ id: 'Liveness' });

export const readinessSchema = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    database: z.object({
      driver: z.enum(['pglite', 'postgres']),
      reachable: z.boolean(),
      migrations: z.object({
        applied: z.number().int().nonnegative(),
        expected: z.number().int().nonnegative(),
      }),
    }),
  })
  .meta({ id: 'Readiness' });

export type Liveness = z.infer<typeof livenessSchema>;
export type Readiness = z.infer<typeof readinessSchema>;
