import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import {
  claimDueJobs,
  enqueueJob,
  findJob,
  finishJob,
  jobKind,
  pruneJobs,
  renewLease,
} from './repository.ts';
import { JobRunner, PermanentJobError } from './runner.ts';
import { jobs } from './schema.ts';

type Logged = { level: string; message: string | undefined; details: unknown };

/** A logger that keeps what it is told, to check what reached the error level. */
function recordingLogger() {
  const logged: Logged[] = [];
  const at =
    (level: string) =>
    (details: unknown, message?: string): void => {
      logged.push({ level, message, details });
    };
  const log = {
    level: 'trace',
    fatal: at('fatal'),
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    trace: at('trace'),
    silent: () => undefined,
    child: () => log,
  };
  return { log: log as unknown as FastifyBaseLogger, logged };
}

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** A kind of its own per test, so tests sharing the database never run each other's jobs. */
function uniqueKind() {
  return jobKind<{ n: number }>(`test.${randomUUID().slice(0, 8)}`);
}

async function rowsOf(kind: { name: string }) {
  return database.db.select().from(jobs).where(eq(jobs.kind, kind.name));
}

/** Makes every waiting job of the kind due now, instead of waiting out a backoff. */
async function makeDue(kind: { name: string }) {
  await database.db
    .update(jobs)
    .set({ runAt: new Date(0) })
    .where(and(eq(jobs.kind, kind.name), sql`finished_at is null and failed_at is null`));
}

describe('enqueueJob', () => {
  it('writes in the caller transaction: a rollback leaves no job', async () => {
    const kind = uniqueKind();
    await database.db
      .transaction(async (tx) => {
        await enqueueJob(tx, { kind, payload: { n: 1 } });
        throw new Error('the change failed');
      })
      .catch(() => undefined);
    expect(await rowsOf(kind)).toEqual([]);

    await database.db.transaction(async (tx) => {
      await enqueueJob(tx, { kind, payload: { n: 2 } });
    });
    expect((await rowsOf(kind)).map((row) => row.payload)).toEqual([{ n: 2 }]);
  });

  it('adds a keyed job once; `rearm` runs a finished one again but leaves a waiting one be', async () => {
    const kind = uniqueKind();
    expect(await enqueueJob(database.db, { kind, payload: { n: 1 }, key: 'k' })).toBe(true);
    expect(await enqueueJob(database.db, { kind, payload: { n: 2 }, key: 'k' })).toBe(false);
    expect(await enqueueJob(database.db, { kind, payload: { n: 3 }, key: 'k', rearm: true })).toBe(
      false,
    );

    const runner = new JobRunner(database.db, recordingLogger().log);
    const seen: number[] = [];
    runner.register(kind, async ({ n }) => {
      seen.push(n);
    });
    await runner.drain();
    expect(seen).toEqual([1]);
    expect(await enqueueJob(database.db, { kind, payload: { n: 4 }, key: 'k' })).toBe(false);
    expect(await enqueueJob(database.db, { kind, payload: { n: 5 }, key: 'k', rearm: true })).toBe(
      true,
    );
    await runner.drain();
    expect(seen).toEqual([1, 5]);
    expect(await rowsOf(kind)).toHaveLength(1);
  });
});

describe('JobRunner', () => {
  it('runs a job outside any transaction, once, and marks it finished', async () => {
    const kind = uniqueKind();
    const runner = new JobRunner(database.db, recordingLogger().log);
    const seen: { n: number; attempt: number }[] = [];
    runner.register(kind, async ({ n }, { attempt }) => {
      // A query of the handler's own: on PGlite's single connection this would wait forever if
      // the runner held a transaction open around the handler.
      await database.db.select().from(jobs).limit(1);
      seen.push({ n, attempt });
    });
    await runner.enqueue({ kind, payload: { n: 7 } });
    await runner.drain();
    await runner.drain();
    expect(seen).toEqual([{ n: 7, attempt: 1 }]);
    const [row] = await rowsOf(kind);
    expect(row).toMatchObject({ attempts: 1, lastError: null, leaseUntil: null, failedAt: null });
    expect(row?.finishedAt).toBeInstanceOf(Date);
  });

  it('retries a failing job with growing backoff, then fails it for good and logs the error', async () => {
    const kind = uniqueKind();
    const { log, logged } = recordingLogger();
    const runner = new JobRunner(database.db, log);
    let calls = 0;
    runner.register(
      kind,
      async () => {
        calls += 1;
        throw new Error(`unavailable (${calls})`);
      },
      { maxAttempts: 3 },
    );
    await runner.enqueue({ kind, payload: { n: 1 } });

    const delays: number[] = [];
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      const startedAt = Date.now();
      await runner.drain();
      const [row] = await rowsOf(kind);
      expect(row).toMatchObject({
        attempts: attempt,
        lastError: `unavailable (${attempt})`,
        finishedAt: null,
        failedAt: null,
        leaseUntil: null,
      });
      delays.push((row?.runAt.getTime() ?? 0) - startedAt);
      // Not due yet: draining again runs nothing.
      await runner.drain();
      expect(calls).toBe(attempt);
      await makeDue(kind);
    }
    expect(delays[0]).toBeGreaterThanOrEqual(500);
    expect(delays[1]).toBeGreaterThan(delays[0] ?? 0);

    await runner.drain();
    const [failed] = await rowsOf(kind);
    expect(failed).toMatchObject({ attempts: 3, lastError: 'unavailable (3)', finishedAt: null });
    expect(failed?.failedAt).toBeInstanceOf(Date);
    expect(logged.filter((entry) => entry.level === 'error')).toEqual([
      expect.objectContaining({ message: 'job failed for good after 3 attempt(s)' }),
    ]);

    // Failed is final: nothing runs it again.
    await makeDue(kind);
    await runner.drain();
    expect(calls).toBe(3);
  });

  it('fails a job at once on a PermanentJobError, and calls the kind’s onFailed hook', async () => {
    const kind = uniqueKind();
    const runner = new JobRunner(database.db, recordingLogger().log);
    const failedWith: unknown[] = [];
    runner.register(
      kind,
      async () => {
        throw new PermanentJobError('no such thing');
      },
      {
        onFailed: async (payload, _context, error) => {
          failedWith.push(payload, (error as Error).message);
        },
      },
    );
    await runner.enqueue({ kind, payload: { n: 4 } });
    await runner.drain();
    const [row] = await rowsOf(kind);
    expect(row).toMatchObject({ attempts: 1, lastError: 'no such thing' });
    expect(row?.failedAt).toBeInstanceOf(Date);
    expect(failedWith).toEqual([{ n: 4 }, 'no such thing']);
  });

  it('takes over a job whose lease ran out (its runner died) and ignores the dead runner', async () => {
    const kind = uniqueKind();
    await enqueueJob(database.db, { kind, payload: { n: 1 }, key: 'crashed' });
    // A runner claims it and dies mid-job: it never finishes, its lease is left to run out.
    const [dead] = await claimDueJobs(database.db, [
      { kind: kind.name, slots: 1, leaseMs: 60_000, maxAttempts: 5 },
    ]);
    expect(dead?.attempt).toBe(1);

    const runner = new JobRunner(database.db, recordingLogger().log);
    const attempts: number[] = [];
    runner.register(kind, async (_payload, { attempt }) => {
      attempts.push(attempt);
    });
    // Leased: not taken while the lease lasts.
    await runner.drain();
    expect(attempts).toEqual([]);

    await database.db
      .update(jobs)
      .set({ leaseUntil: new Date(Date.now() - 1_000) })
      .where(eq(jobs.kind, kind.name));
    await runner.drain();
    expect(attempts).toEqual([2]);
    expect((await findJob(database.db, kind, 'crashed'))?.finishedAt).toBeInstanceOf(Date);

    // The dead runner coming back can neither finish nor keep the job any more.
    if (!dead) throw new Error('nothing was claimed');
    expect(await finishJob(database.db, dead)).toBe(false);
    expect(await renewLease(database.db, dead, 60_000)).toBe(false);
  });

  it('renews the lease of a running job until it ends', async () => {
    const kind = uniqueKind();
    await enqueueJob(database.db, { kind, payload: { n: 1 } });
    const [claimed] = await claimDueJobs(database.db, [
      { kind: kind.name, slots: 1, leaseMs: 1_000, maxAttempts: 5 },
    ]);
    if (!claimed) throw new Error('nothing was claimed');
    const [before] = await rowsOf(kind);
    expect(await renewLease(database.db, claimed, 10 * 60_000)).toBe(true);
    const [after] = await rowsOf(kind);
    expect(after?.leaseUntil?.getTime()).toBeGreaterThan(before?.leaseUntil?.getTime() ?? 0);
    expect(await finishJob(database.db, claimed)).toBe(true);
    expect(await renewLease(database.db, claimed, 10 * 60_000)).toBe(false);
  });

  it('gives up a job whose last attempt was abandoned', async () => {
    const kind = uniqueKind();
    const { log, logged } = recordingLogger();
    const runner = new JobRunner(database.db, log);
    runner.register(kind, async () => undefined, { maxAttempts: 1 });
    await enqueueJob(database.db, { kind, payload: { n: 1 } });
    await claimDueJobs(database.db, [
      { kind: kind.name, slots: 1, leaseMs: 60_000, maxAttempts: 1 },
    ]);
    await database.db
      .update(jobs)
      .set({ leaseUntil: new Date(Date.now() - 1_000) })
      .where(eq(jobs.kind, kind.name));
    await runner.maintain();
    const [row] = await rowsOf(kind);
    expect(row?.failedAt).toBeInstanceOf(Date);
    expect(row?.lastError).toMatch(/stopped during the last attempt/);
    expect(logged.some((entry) => entry.level === 'error')).toBe(true);
  });

  it('never runs more jobs of a kind at once than its concurrency', async () => {
    const kind = uniqueKind();
    const runner = new JobRunner(database.db, recordingLogger().log);
    let running = 0;
    let most = 0;
    const done: number[] = [];
    runner.register(
      kind,
      async ({ n }) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setImmediate(resolve));
        await database.db.select().from(jobs).limit(1);
        running -= 1;
        done.push(n);
      },
      { concurrency: 2 },
    );
    await database.db.transaction(async (tx) => {
      for (let n = 0; n < 7; n += 1) await enqueueJob(tx, { kind, payload: { n } });
    });
    await runner.drain();
    expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(most).toBe(2);
  });

  it('runs each job exactly once when two servers share the database', async () => {
    const kind = uniqueKind();
    const count = 40;
    await database.db.transaction(async (tx) => {
      for (let n = 0; n < count; n += 1) await enqueueJob(tx, { kind, payload: { n } });
    });
    // Each "server" has its own connections (on PostgreSQL; PGlite has only the one).
    const second = database.another();
    const runs = new Map<number, string[]>();
    const servers = [
      { name: 'a', db: database.db },
      { name: 'b', db: second.db },
    ];
    const runners = servers.map(({ name, db }) => {
      const runner = new JobRunner(db, recordingLogger().log);
      runner.register(
        kind,
        async ({ n }) => {
          runs.set(n, [...(runs.get(n) ?? []), name]);
          await new Promise((resolve) => setImmediate(resolve));
          await db.select().from(jobs).limit(1);
        },
        { concurrency: 3 },
      );
      return runner;
    });
    try {
      await Promise.all(runners.map((runner) => runner.drain()));
    } finally {
      await second.close();
    }
    expect([...runs.keys()].sort((a, b) => a - b)).toEqual(
      Array.from({ length: count }, (_, n) => n),
    );
    expect([...runs.values()].filter((names) => names.length !== 1)).toEqual([]);
    const rows = await rowsOf(kind);
    expect(rows.every((row) => row.finishedAt !== null && row.attempts === 1)).toBe(true);
    if (database.driver === 'postgres') {
      // On PostgreSQL both really worked at the same time, and neither took everything.
      const by = (name: string) => [...runs.values()].filter((names) => names[0] === name).length;
      expect(by('a')).toBeGreaterThan(0);
      expect(by('b')).toBeGreaterThan(0);
    }
  });

  it('stops claiming when stopped, and leaves the rest to the next runner', async () => {
    const kind = uniqueKind();
    const first = new JobRunner(database.db, recordingLogger().log);
    const seen: string[] = [];
    first.register(kind, async () => {
      seen.push('first');
    });
    await first.stop();
    await first.enqueue({ kind, payload: { n: 1 } });
    first.nudge();
    await first.drain();
    expect(seen).toEqual([]);

    const next = new JobRunner(database.db, recordingLogger().log);
    next.register(kind, async () => {
      seen.push('next');
    });
    await next.drain();
    expect(seen).toEqual(['next']);
  });

  it('tells running jobs to stop when stopped; one that throws then runs again later', async () => {
    const kind = uniqueKind();
    const runner = new JobRunner(database.db, recordingLogger().log);
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    runner.register(kind, (_payload, { signal }) => {
      started();
      return new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason));
      });
    });
    await runner.enqueue({ kind, payload: { n: 1 } });
    await running;
    await runner.stop();

    const [row] = await rowsOf(kind);
    expect(row).toMatchObject({ attempts: 1, finishedAt: null, failedAt: null });
    expect(row?.lastError).toBe('the server is stopping');
  });

  it('leaves jobs of kinds it has no handler for alone', async () => {
    const kind = uniqueKind();
    await enqueueJob(database.db, { kind, payload: { n: 1 } });
    const runner = new JobRunner(database.db, recordingLogger().log);
    runner.register(uniqueKind(), async () => undefined);
    await runner.drain();
    const [row] = await rowsOf(kind);
    expect(row).toMatchObject({ attempts: 0, finishedAt: null });
  });
});

describe('pruneJobs', () => {
  it('deletes finished and failed jobs past retention and keeps the rest', async () => {
    const kind = uniqueKind();
    const old = new Date(Date.now() - 31 * 24 * 60 * 60_000);
    await database.db.insert(jobs).values([
      { kind: kind.name, key: 'old-done', payload: {}, finishedAt: old },
      { kind: kind.name, key: 'old-failed', payload: {}, failedAt: old },
      { kind: kind.name, key: 'recent-done', payload: {}, finishedAt: new Date() },
      { kind: kind.name, key: 'waiting', payload: {}, runAt: old },
    ]);
    expect(await pruneJobs(database.db, 30 * 24 * 60 * 60_000, 1)).toBeGreaterThanOrEqual(2);
    expect((await rowsOf(kind)).map((row) => row.key).sort()).toEqual(['recent-done', 'waiting']);
  });
});
