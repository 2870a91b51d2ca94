import Fastify from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createCounterStore, fallbackCounters, memoryCounters, redisCounters } from './counters.ts';
import { registerRateLimiting } from './rate-limit.ts';

// The Redis server of this machine and of CI (see README); each run counts under its own keys.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const run = `test-${process.pid}-${Date.now()}`;

const silentLog = Fastify({ logger: false }).log;

function recordingLog() {
  const warnings: string[] = [];
  const log = Object.assign(Object.create(silentLog), {
    warn: (_object: unknown, message: string) => warnings.push(message),
    info: () => undefined,
  });
  return { log, warnings };
}

describe('counters in this process', () => {
  it('count within a window, then forget', async () => {
    let now = 1_000;
    const counters = memoryCounters(() => now);
    expect(await counters.hit('k', 100)).toEqual({ count: 1, resetInMs: 100 });
    now += 40;
    expect(await counters.hit('k', 100)).toEqual({ count: 2, resetInMs: 60 });
    now += 60;
    expect((await counters.hit('k', 100)).count).toBe(1);
    await counters.holdFor('wait', 30);
    expect(await counters.remainingMs('wait')).toBe(30);
    now += 30;
    expect(await counters.remainingMs('wait')).toBe(0);
  });
});

describe('counters in Redis', () => {
  const redis = new Redis(REDIS_URL);
  afterAll(() => redis.disconnect());

  it('are shared by every store on the same Redis', async () => {
    const first = redisCounters(redis, `${run}:`);
    const second = redisCounters(new Redis(REDIS_URL), `${run}:`);
    await first.hit('shared', 60_000);
    const { count, resetInMs } = await second.hit('shared', 60_000);
    expect(count).toBe(2);
    expect(resetInMs).toBeGreaterThan(0);
    await second.holdFor('wait', 5_000);
    expect(await first.remainingMs('wait')).toBeGreaterThan(0);
    await first.forget('wait');
    expect(await second.remainingMs('wait')).toBe(0);
    await second.close();
  });
});

describe('when Redis is unreachable', () => {
  it('keeps limiting, in this process, and says so once', async () => {
    const { log, warnings } = recordingLog();
    // Nothing listens on port 1: every command fails at once.
    const counters = createCounterStore('redis://127.0.0.1:1', log);
    const counts: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1)
      counts.push((await counters.hit('fallback', 60_000)).count);
    expect(counts).toEqual([1, 2, 3]);
    expect(warnings).toEqual(['redis unavailable: rate limits now count in this process only']);
    await counters.close();
  });

  it('falls back when a command fails, and returns to Redis when it answers again', async () => {
    const { log, warnings } = recordingLog();
    let failing = true;
    const primary = memoryCounters();
    const flaky = {
      ...primary,
      hit: (key: string, windowMs: number) =>
        failing ? Promise.reject(new Error('connection lost')) : primary.hit(key, windowMs),
    };
    const counters = fallbackCounters(flaky, () => true, log);
    expect((await counters.hit('k', 60_000)).count).toBe(1);
    expect((await counters.hit('k', 60_000)).count).toBe(2);
    failing = false;
    expect((await counters.hit('k', 60_000)).count).toBe(1);
    expect(warnings).toHaveLength(1);
  });

  it('still answers 429 on a limited route', async () => {
    const app = Fastify({ logger: false });
    const limiting = registerRateLimiting(app, { enabled: true, redisUrl: 'redis://127.0.0.1:1' });
    app.get(
      '/limited',
      { preHandler: limiting.limit({ name: 'l', max: 2, windowMs: 60_000, key: () => 'one' }) },
      async () => ({ ok: true }),
    );
    app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) =>
      reply.code(error.statusCode ?? 500).send({ message: error.message }),
    );
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1)
      statuses.push((await app.inject({ method: 'GET', url: '/limited' })).statusCode);
    expect(statuses).toEqual([200, 200, 429]);
    await app.close();
  });
});
