import { z } from 'zod';
import { readinessSchema } from '../../../contract/health.ts';

/**
 * `/readyz` as the server sends it: the shared readiness shape and whether this server can issue API
 * tokens, since a server that cannot (its AUTH_SECRET differs from the one the database's signing
 * keys were made with) must leave the load balancer's rotation instead of answering 500.
 */
export const serverReadinessSchema = readinessSchema
  .extend({
    identity: z.object({
      provider: z.enum(['local', 'clerk']),
      tokenSigning: z
        .enum(['ok', 'failing', 'not_applicable', 'not_checked'])
        .describe(
          '`not_applicable`: Clerk issues the tokens; `not_checked`: the database is not ready',
        ),
      problem: z.string().optional(),
    }),
  })
  .meta({ id: 'ServerReadiness' });

export type ServerReadiness = z.infer<typeof serverReadinessSchema>;
