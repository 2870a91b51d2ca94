import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';

/** A count that lives for a window, and how long until it is forgotten. */
export type Count = { count: number; resetInMs: number };

/**
 * Expiring counters: what rate limits and sign-in backoff count with. In Redis when REDIS_URL is set,
 * so every server counts together; in this process otherwise.
 */
export type CounterStore = {
  /** Adds one to `key`; a new key lives `windowMs`, an existing one keeps its expiry. */
  hit(key: string, windowMs: number): Promise<Count>;
  /** Sets `key` to live exactly `ms` from now (a wait that replaces any earlier one). */
  holdFor(key: string, ms: number): Promise<void>;
  /** How long `key` still lives, 0 when it does not exist. */
  remainingMs(key: string): Promise<number>;
  forget(key: string): Promise<void>;
  close(): Promise<void>;
};

const MAX_MEMORY_KEYS = 100_000;

export function memoryCounters(now: () => number = Date.now): CounterStore {
  const entries = new Map<string, { count: number; expiresAt: number }>();
  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  // A flood of distinct keys (one per forged email) must not grow memory without bound.
  const makeRoom = () => {
    if (entries.size < MAX_MEMORY_KEYS) return;
    const time = now();
    for (const [key, entry] of entries) if (entry.expiresAt <= time) entries.delete(key);
    for (const key of entries.keys()) {
      if (entries.size < MAX_MEMORY_KEYS) break;
      entries.delete(key);
    }
  };
  return {
    async hit(key, windowMs) {
      const entry = live(key);
      if (entry) {
        entry.count += 1;
        return { count: entry.count, resetInMs: entry.expiresAt - now() };
      }
      makeRoom();
      entries.set(key, { count: 1, expiresAt: now() + windowMs });
      return { count: 1, resetInMs: windowMs };
    },
    async holdFor(key, ms) {
      makeRoom();
      entries.set(key, { count: 1, expiresAt: now() + ms });
    },
    async remainingMs(key) {
      const entry = live(key);
      return entry ? entry.expiresAt - now() : 0;
    },
    async forget(key) {
      entries.delete(key);
    },
    async close() {
      entries.clear();
    },
  };
}

// One round trip, atomic: the first hit of a window sets its expiry.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}
`;

type ScriptedRedis = Redis & {
  counterHit(key: string, windowMs: number): Promise<[number, number]>;
};

export function redisCounters(redis: Redis, prefix = 'arete:counter:'): CounterStore {
  const scripted = redis as ScriptedRedis;
  if (!('counterHit' in scripted))
    redis.defineCommand('counterHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
  return {
    async hit(key, windowMs) {
      const [count, resetInMs] = await scripted.counterHit(prefix + key, windowMs);
      return { count, resetInMs };
    },
    async holdFor(key, ms) {
      await redis.set(prefix + key, '1', 'PX', Math.max(1, Math.ceil(ms)));
    },
    async remainingMs(key) {
      return Math.max(0, await redis.pttl(prefix + key));
    },
    async forget(key) {
      await redis.del(prefix + key);
    },
    async close() {
      redis.disconnect();
    },
  };
}

/**
 * Redis while it answers; this process's own counters while it does not, so that limits hold (per
 * server) through an outage instead of switching off. Each change of state is logged once.
 */
export function fallbackCounters(
  primary: CounterStore,
  isPrimaryUp: () => boolean,
  log: FastifyBaseLogger,
): CounterStore {
  const local = memoryCounters();
  let usingLocal = false;
  const switchTo = (toLocal: boolean, error?: unknown) => {
    if (toLocal === usingLocal) return;
    usingLocal = toLocal;
    if (toLocal)
      log.warn({ err: error }, 'redis unavailable: rate limits now count in this process only');
    else log.info('redis available again: rate limits count across servers');
  };
  const run = async <T>(use: (store: CounterStore) => Promise<T>): Promise<T> => {
    if (!isPrimaryUp()) {
      switchTo(true);
      return use(local);
    }
    try {
      const result = await use(primary);
      switchTo(false);
      return result;
    } catch (error) {
      switchTo(true, error);
      return use(local);
    }
  };
  return {
    hit: (key, windowMs) => run((store) => store.hit(key, windowMs)),
    holdFor: (key, ms) => run((store) => store.holdFor(key, ms)),
    remainingMs: (key) => run((store) => store.remainingMs(key)),
    forget: (key) => run((store) => store.forget(key)),
    async close() {
      await primary.close();
      await local.close();
    },
  };
}

export function createCounterStore(
  redisUrl: string | undefined,
  log: FastifyBaseLogger,
): CounterStore {
  if (!redisUrl) return memoryCounters();
  const redis = new Redis(redisUrl, {
    // Fail fast while Redis is away: the fallback answers instead of requests waiting on it.
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: 2_000,
  });
  redis.on('error', () => {
    // Reported by the fallback when a request notices; ioredis keeps reconnecting by itself.
  });
  return fallbackCounters(redisCounters(redis), () => redis.status === 'ready', log);
}
