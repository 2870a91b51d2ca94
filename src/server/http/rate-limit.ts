import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { Redis } from 'ioredis';
import { TooManyRequestsError } from './errors.ts';

export type Limit = {
  /** Part of the counter's key, so that limits on one route do not share counters. */
  name: string;
  max: number;
  windowMs: number;
  /** What is counted, e.g. the client address or a normalised email; `undefined` skips this limit. */
  key(request: FastifyRequest): string | undefined;
};

export type RateLimiting = { limit(...limits: Limit[]): preHandlerAsyncHookHandler };

/**
 * Counters in Redis when REDIS_URL is set (shared by every server), else in this process. Every
 * limit of a request is counted, and the first exceeded answers 429 with `Retry-After`.
 */
export async function registerRateLimiting(
  app: FastifyInstance,
  options: { enabled: boolean; redisUrl: string | undefined },
): Promise<RateLimiting> {
  if (!options.enabled) {
    app.log.warn('RATE_LIMITS=off: requests are not rate limited');
    return { limit: () => async () => undefined };
  }
  const { redisUrl } = options;
  let redis: Redis | undefined;
  if (redisUrl) {
    redis = new Redis(redisUrl, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      lazyConnect: false,
    });
    redis.on('error', (error) =>
      app.log.warn({ err: error }, 'redis unavailable for rate limiting'),
    );
    app.addHook('onClose', async () => {
      redis?.disconnect();
    });
  }
  await app.register(rateLimit, {
    global: false,
    redis,
    nameSpace: 'arete-rate-limit-',
    skipOnError: true,
  });

  return {
    limit(...limits) {
      const checks = limits.map((limit) => ({
        limit,
        check: app.createRateLimit({
          max: limit.max,
          timeWindow: limit.windowMs,
          keyGenerator: (request) => `${limit.name}:${limit.key(request)}`,
        }),
      }));
      return async (request) => {
        for (const { limit, check } of checks) {
          if (limit.key(request) === undefined) continue;
          const result = await check(request);
          if (!result.isAllowed && result.isExceeded)
            throw new TooManyRequestsError(Math.max(1, result.ttlInSeconds));
        }
      };
    },
  };
}
