import { z } from 'zod';

/** What the web app needs to know before anyone signs in. */
export const clientConfigSchema = z
  .object({
    identityProvider: z.enum(['local', 'clerk']),
    clerkPublishableKey: z.string().nullable(),
    /** Clerk's Frontend API through a proxy (an absolute URL or a same-origin path), if one is set. */
    clerkProxyUrl: z.string().nullable(),
    signUpMode: z.enum(['open', 'waitlist']),
    mailTransport: z.enum(['smtp', 'outbox']),
  })
  .meta({ id: 'ClientConfig' });

export type ClientConfig = z.infer<typeof clientConfigSchema>;
