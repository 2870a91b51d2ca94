import { useCallback, useState } from 'react';
import { publicApiRequest } from '../lib/api-client.ts';
import type { WaitlistFormValues, WaitlistRole } from '../lib/waitlist.ts';
import { joinBody } from '../lib/waitlist.ts';

/*
 * The public half of the waitlist, on its own: the landing page imports it, so it must not bring
 * the admin hooks (use-waitlist.ts, use-admin.ts) and their code onto a visitor's first page, nor
 * TanStack Query (the landing page's own entry goes without it). Nothing is cached or invalidated
 * by joining, so a pending flag is all the state there is.
 */

export type JoinReceipt = { status: 'received'; message: string };

type Variables = { role: WaitlistRole; values: WaitlistFormValues };
type Callbacks = { onSuccess: (receipt: JoinReceipt) => void; onError: (error: unknown) => void };

/** Asks for a place; the answer is the same whatever the registry holds for the email. */
export function useJoinWaitlist(): {
  mutate: (variables: Variables, callbacks: Callbacks) => void;
  isPending: boolean;
} {
  const [isPending, setPending] = useState(false);
  const mutate = useCallback(({ role, values }: Variables, { onSuccess, onError }: Callbacks) => {
    setPending(true);
    publicApiRequest<JoinReceipt>('/api/v1/waitlist', {
      method: 'POST',
      body: joinBody(role, values),
    }).then(
      // Still pending on success: the form's page is being left for the next one.
      onSuccess,
      (error: unknown) => {
        setPending(false);
        onError(error);
      },
    );
  }, []);
  return { mutate, isPending };
}
