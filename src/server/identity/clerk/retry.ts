import { setTimeout as delay } from 'node:timers/promises';
import { isRateLimited, retryAfterMs } from './errors.ts';

export type RetryPolicy = {
  maxRetries: number;
  /** The most time spent waiting across all retries of one call. */
  maxTotalWaitMs: number;
  sleep: (ms: number) => Promise<unknown>;
};

// Clerk allows 1000 Backend API requests per 10 s; a 429 says to wait, usually with Retry-After.
export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 3,
  maxTotalWaitMs: 10_000,
  sleep: (ms) => delay(ms),
};

const firstBackoffMs = 500;

/**
 * Runs `request`, again after each 429 Clerk answers, waiting as long as Retry-After asks (or
 * backing off when it does not say), until the retry count or the total wait would pass the cap.
 * A 429 means Clerk did not act on the request, so repeating a POST is safe.
 */
export async function retryWhenRateLimited<T>(
  request: () => Promise<T>,
  policy: RetryPolicy = defaultRetryPolicy,
): Promise<T> {
  let waitedMs = 0;
  for (let retries = 0; ; retries++) {
    try {
      return await request();
    } catch (error) {
      if (!isRateLimited(error) || retries >= policy.maxRetries) throw error;
      const waitMs = retryAfterMs(error) ?? firstBackoffMs * 2 ** retries;
      if (waitedMs + waitMs > policy.maxTotalWaitMs) throw error;
      waitedMs += waitMs;
      await policy.sleep(waitMs);
    }
  }
}
