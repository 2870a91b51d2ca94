import { useMutation } from '@tanstack/react-query';
import { publicApiRequest } from '../lib/api-client.ts';
import type { WaitlistFormValues, WaitlistRole } from '../lib/waitlist.ts';
import { joinBody } from '../lib/waitlist.ts';

/*
 * The public half of the waitlist, on its own: the landing page imports it, so it must not bring
 * the admin hooks (use-waitlist.ts, use-admin.ts) and their code onto a visitor's first page.
 */

export type JoinReceipt = { status: 'received'; message: string };

/** Asks for a place; the answer is the same whatever the registry holds for the email. */
export function useJoinWaitlist() {
  return useMutation({
    mutationFn: ({ role, values }: { role: WaitlistRole; values: WaitlistFormValues }) =>
      publicApiRequest<JoinReceipt>('/api/v1/waitlist', {
        method: 'POST',
        body: joinBody(role, values),
      }),
  });
}
