import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { apiErrorSchema } from '../../contract/errors.ts';
import { BadRequestError, ServiceUnavailableError } from '../http/errors.ts';
import { verifyClerkWebhook, WebhookVerificationError } from './clerk/webhooks.ts';
import type { IdentityEventBus } from './event-bus.ts';

const receiptSchema = z.object({ received: z.boolean(), duplicate: z.boolean() });

/**
 * Clerk's identity events, delivered by Svix at least once. The signature is checked on the raw
 * body; the event is stored under its `svix-id` as a job (a redelivery is acknowledged and dropped)
 * and handled by the server's job runner after the answer, so Clerk never waits on our handlers.
 */
export function registerClerkWebhook(
  app: FastifyInstance,
  events: IdentityEventBus,
  signingSecret: string | undefined,
): void {
  app.register(async (scope) => {
    // The signature covers the exact bytes sent, so this route reads the body as a string.
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      '/webhooks/clerk',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'Identity events from Clerk (Svix-signed)',
          response: { 200: receiptSchema, 400: apiErrorSchema, 503: apiErrorSchema },
        },
      },
      async (request) => {
        if (!signingSecret)
          throw new ServiceUnavailableError('CLERK_WEBHOOK_SIGNING_SECRET is not configured.');
        let event: ReturnType<typeof verifyClerkWebhook>;
        try {
          const { headers } = request;
          event = verifyClerkWebhook(
            String(request.body ?? ''),
            {
              'svix-id': headers['svix-id'],
              'svix-timestamp': headers['svix-timestamp'],
              'svix-signature': headers['svix-signature'],
            },
            signingSecret,
          );
        } catch (error) {
          if (error instanceof WebhookVerificationError)
            throw new BadRequestError(`Webhook refused: ${error.message}`);
          throw error;
        }
        if (!event) return { received: true, duplicate: false };
        const isNew = await events.publish(event);
        return { received: true, duplicate: !isNew };
      },
    );
  });
}
