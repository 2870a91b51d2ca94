import type { CounterStore } from '../../http/counters.ts';

const FREE_FAILURES = 5;
const FAILURE_MEMORY_MS = 15 * 60_000;
const MAX_WAIT_MS = 60_000;

/**
 * Failed sign-ins per account, wherever they come from. The first few cost nothing; after that each
 * failure makes the next attempt wait twice as long, up to a minute. Guessing is slowed to about one
 * try a minute per account, while the owner is never kept out for longer than that minute: a lockout
 * would hand an attacker a way to keep someone out of their own account.
 */
export function signInBackoff(counters: CounterStore) {
  const failuresKey = (email: string) => `sign-in-failures:${email}`;
  const waitKey = (email: string) => `sign-in-wait:${email}`;
  return {
    /** Milliseconds to wait before this account may try again; 0 when it may now. */
    waitMs(email: string): Promise<number> {
      return counters.remainingMs(waitKey(email));
    },
    async failed(email: string): Promise<void> {
      const { count } = await counters.hit(failuresKey(email), FAILURE_MEMORY_MS);
      if (count < FREE_FAILURES) return;
      const waitMs = Math.min(MAX_WAIT_MS, 1000 * 2 ** (count - FREE_FAILURES));
      await counters.holdFor(waitKey(email), waitMs);
    },
    async succeeded(email: string): Promise<void> {
      await counters.forget(failuresKey(email));
      await counters.forget(waitKey(email));
    },
  };
}

export type SignInBackoff = ReturnType<typeof signInBackoff>;
