import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { type CounterStore, createCounterStore } from './counters.ts';
import { TooManyRequestsError } from './errors.ts';

export type Limit = {
  /** Part of the counter's key, so that limits on one route do not share counters. */
  name: string;
  max: number;
  windowMs: number;
  /** What is counted, e.g. the client address or a normalised email; `undefined` skips this limit. */
  key(request: FastifyRequest): string | undefined;
};

export type RateLimiting = {
  /** A pre-handler that applies the limits in order; the first exceeded answers 429. */
  limit(...limits: Limit[]): preHandlerAsyncHookHandler;
  /** The same, for a handler that learns what to count only part-way (e.g. after parsing a body). */
  check(request: FastifyRequest, ...limits: Limit[]): Promise<void>;
  /** The counters themselves, for rules that are not a fixed window (sign-in backoff). */
  counters: CounterStore;
  enabled: boolean;
};

export const retryAfterSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Fixed-window limits over shared counters: Redis when REDIS_URL is set (every server counts
 * together), this process otherwise, and this process again while Redis is unreachable, so that a
 * Redis outage never switches the limits off. Every limit of a request is counted; the first one
 * exceeded answers 429 with `Retry-After`.
 */
export function registerRateLimiting(
  app: FastifyInstance,
  options: { enabled: boolean; redisUrl: string | undefined },
): RateLimiting {
  const counters = createCounterStore(options.enabled ? options.redisUrl : undefined, app.log);
  app.addHook('onClose', () => counters.close());
  if (!options.enabled) app.log.warn('RATE_LIMITS=off: requests are not rate limited');

  async function check(request: FastifyRequest, ...limits: Limit[]): Promise<void> {
    if (!options.enabled) return;
    for (const limit of limits) {
      const key = limit.key(request);
      if (key === undefined) continue;
      const { count, resetInMs } = await counters.hit(`${limit.name}:${key}`, limit.windowMs);
      if (count > limit.max) throw new TooManyRequestsError(retryAfterSeconds(resetInMs));
    }
  }

  const rateLimiting: RateLimiting = {
    limit:
      (...limits) =>
      (request) =>
        check(request, ...limits),
    check,
    counters,
    enabled: options.enabled,
  };
  app.decorate('rateLimiting', rateLimiting);
  return rateLimiting;
}

declare module 'fastify' {
  interface FastifyInstance {
    rateLimiting: RateLimiting;
  }
}
