import { and, eq, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { type JobRow, jobs } from './schema.ts';

/**
 * A kind of job and the shape of its payload: defined once beside its handler, then used both to
 * enqueue (`enqueueJob`) and to register the handler (`JobRunner.register`), so the two agree.
 */
export type JobKind<Payload> = { readonly name: string; readonly payload?: Payload };

export function jobKind<Payload>(name: string): JobKind<Payload> {
  return { name };
}

export type NewJob<Payload> = {
  kind: JobKind<Payload>;
  /** Stored as JSON: plain data only. */
  payload: Payload;
  /**
   * Idempotency key within the kind: a second job with the same key is not added (the call returns
   * false) for as long as the first one's row is kept, finished or not.
   */
  key?: string;
  /** Not before this moment; now by default. */
  runAt?: Date;
  /** This job's limit instead of its kind's. */
  maxAttempts?: number;
  /**
   * With `key`: if the job with that key already finished or failed, run it again (from a fresh
   * count of attempts) instead of ignoring the new one. A job still waiting or running is left as
   * it is: it reads the current state when it runs. True is then returned only when it was re-armed.
   */
  rearm?: boolean;
};

/**
 * Adds a job in the caller's transaction, so that it exists exactly when the change that causes it
 * commits. Returns whether a job was added (or re-armed); false for a duplicate key. The runner
 * picks it up on its next poll; call `JobRunner.nudge()` after the commit to start it at once.
 */
export async function enqueueJob<Payload>(tx: Database, job: NewJob<Payload>): Promise<boolean> {
  const { kind, rearm, ...one } = job;
  if (one.key === undefined) {
    await tx.insert(jobs).values(rowOf(kind, one));
    return true;
  }
  return (await enqueueKeyedJobs(tx, kind, [{ ...one, key: one.key }], { rearm })).size > 0;
}

type JobValues<Payload> = Omit<NewJob<Payload>, 'kind' | 'rearm'>;

function rowOf<Payload>(kind: JobKind<Payload>, job: JobValues<Payload>) {
  return {
    kind: kind.name,
    key: job.key ?? null,
    payload: job.payload,
    maxAttempts: job.maxAttempts ?? null,
    ...(job.runAt ? { runAt: job.runAt } : {}),
  };
}

const CHUNK = 500;

/**
 * `enqueueJob` for many jobs of one kind, each with a key, a few statements for all of them (an
 * import queues hundreds). Returns the keys of the jobs added (or re-armed).
 */
export async function enqueueKeyedJobs<Payload>(
  tx: Database,
  kind: JobKind<Payload>,
  batch: (JobValues<Payload> & { key: string })[],
  options: { rearm?: boolean } = {},
): Promise<Set<string>> {
  const added = new Set<string>();
  const target = [jobs.kind, jobs.key];
  // One statement may not touch a row twice: a key repeated in the batch is queued once.
  const seen = new Set<string>();
  batch = batch.filter((job) => !seen.has(job.key) && Boolean(seen.add(job.key)));
  for (let start = 0; start < batch.length; start += CHUNK) {
    const insert = tx
      .insert(jobs)
      .values(batch.slice(start, start + CHUNK).map((job) => rowOf(kind, job)));
    const rows = options.rearm
      ? await insert
          .onConflictDoUpdate({
            target,
            set: {
              payload: sql`excluded.payload`,
              attempts: 0,
              maxAttempts: sql`excluded.max_attempts`,
              runAt: sql`excluded.run_at`,
              leaseUntil: null,
              leaseToken: null,
              lastError: null,
              finishedAt: null,
              failedAt: null,
            },
            setWhere: or(isNotNull(jobs.finishedAt), isNotNull(jobs.failedAt)),
          })
          .returning({ key: jobs.key })
      : await insert.onConflictDoNothing({ target }).returning({ key: jobs.key });
    for (const row of rows) if (row.key !== null) added.add(row.key);
  }
  return added;
}

/** What a runner asks for, per kind: as many jobs as it has free slots, leased for `leaseMs`. */
export type ClaimRequest = { kind: string; slots: number; leaseMs: number; maxAttempts: number };

export type ClaimedJob = {
  id: string;
  kind: string;
  key: string | null;
  payload: unknown;
  /** This attempt's number, from 1. */
  attempt: number;
  maxAttempts: number;
  leaseToken: string;
};

type Rows<T> = { rows: T[] };

function rowsOf<T>(result: unknown): T[] {
  return (result as Rows<T>).rows;
}

/**
 * Claims due jobs in one statement (its own short transaction): per kind, the oldest due jobs up to
 * the free slots, skipping rows another runner is claiming at the same moment (`FOR UPDATE SKIP
 * LOCKED`), each counted as an attempt and leased under a new token. A job whose lease ran out
 * (its runner died or stalled) is due again. Nothing is held once this returns: the handlers run
 * outside any transaction.
 */
export async function claimDueJobs(db: Database, requests: ClaimRequest[]): Promise<ClaimedJob[]> {
  const wanted = requests.filter((request) => request.slots > 0);
  if (wanted.length === 0) return [];
  const values = sql.join(
    wanted.map(
      (request) =>
        sql`(${request.kind}::text, ${request.slots}::int, ${request.leaseMs}::int, ${request.maxAttempts}::int)`,
    ),
    sql`, `,
  );
  const result = await db.execute(sql`
    with wanted (kind, slots, lease_ms, max_attempts) as (values ${values}),
    due as materialized (
      select picked.id, wanted.lease_ms, wanted.max_attempts
      from wanted
      cross join lateral (
        select jobs.id
        from jobs
        where jobs.kind = wanted.kind
          and jobs.finished_at is null
          and jobs.failed_at is null
          and jobs.run_at <= now()
          and (jobs.lease_until is null or jobs.lease_until <= now())
          and jobs.attempts < coalesce(jobs.max_attempts, wanted.max_attempts)
        order by jobs.run_at, jobs.created_at
        limit wanted.slots
        for update skip locked
      ) as picked
    )
    update jobs
    set attempts = jobs.attempts + 1,
        lease_until = now() + due.lease_ms * interval '1 millisecond',
        lease_token = gen_random_uuid()
    from due
    where jobs.id = due.id
    returning jobs.id, jobs.kind, jobs.key, jobs.payload, jobs.attempts,
      coalesce(jobs.max_attempts, due.max_attempts) as max_attempts, jobs.lease_token
  `);
  return rowsOf<{
    id: string;
    kind: string;
    key: string | null;
    payload: unknown;
    attempts: number;
    max_attempts: number;
    lease_token: string;
  }>(result).map((row) => ({
    id: row.id,
    kind: row.kind,
    key: row.key,
    payload: row.payload,
    attempt: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    leaseToken: row.lease_token,
  }));
}

const held = (job: { id: string; leaseToken: string }): SQL | undefined =>
  and(eq(jobs.id, job.id), eq(jobs.leaseToken, job.leaseToken));

const released = { leaseUntil: null, leaseToken: null };

/** The job is done. False if its lease had been lost (another runner took it over meanwhile). */
export async function finishJob(
  db: Database,
  job: { id: string; leaseToken: string },
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ ...released, finishedAt: sql`now()`, lastError: null })
    .where(held(job))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** The attempt failed; the next one is due in `delayMs`. */
export async function scheduleRetry(
  db: Database,
  job: { id: string; leaseToken: string },
  error: string,
  delayMs: number,
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({
      ...released,
      lastError: error,
      runAt: sql`now() + ${Math.max(0, Math.round(delayMs))} * interval '1 millisecond'`,
    })
    .where(held(job))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** The job is given up: no more attempts. */
export async function failJob(
  db: Database,
  job: { id: string; leaseToken: string },
  error: string,
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ ...released, lastError: error, failedAt: sql`now()` })
    .where(held(job))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Extends a running job's lease; false if it was lost (then another runner may be running it). */
export async function renewLease(
  db: Database,
  job: { id: string; leaseToken: string },
  leaseMs: number,
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ leaseUntil: sql`now() + ${Math.round(leaseMs)} * interval '1 millisecond'` })
    .where(and(held(job), sql`${jobs.finishedAt} is null and ${jobs.failedAt} is null`))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/**
 * Gives up the jobs whose last allowed attempt was claimed and whose lease ran out (the runner died
 * during it): nothing would ever claim them again. Returns them, to be logged.
 */
export async function failAbandonedJobs(
  db: Database,
  limits: { kind: string; maxAttempts: number }[],
): Promise<{ id: string; kind: string; attempts: number; lastError: string | null }[]> {
  if (limits.length === 0) return [];
  const values = sql.join(
    limits.map((limit) => sql`(${limit.kind}::text, ${limit.maxAttempts}::int)`),
    sql`, `,
  );
  const result = await db.execute(sql`
    with limits (kind, max_attempts) as (values ${values})
    update jobs
    set failed_at = now(), lease_until = null, lease_token = null,
        last_error = coalesce(jobs.last_error || '; ', '') || 'the runner stopped during the last attempt'
    from limits
    where jobs.kind = limits.kind
      and jobs.finished_at is null
      and jobs.failed_at is null
      and jobs.lease_until <= now()
      and jobs.attempts >= coalesce(jobs.max_attempts, limits.max_attempts)
    returning jobs.id, jobs.kind, jobs.attempts, jobs.last_error
  `);
  return rowsOf<{ id: string; kind: string; attempts: number; last_error: string | null }>(
    result,
  ).map((row) => ({
    id: row.id,
    kind: row.kind,
    attempts: Number(row.attempts),
    lastError: row.last_error,
  }));
}

/**
 * Deletes finished and failed jobs older than `olderThanMs`, a batch at a time (so that no one
 * statement holds the table for long); returns how many.
 */
export async function pruneJobs(db: Database, olderThanMs: number, batch = 1_000): Promise<number> {
  const cutoff = sql`now() - ${Math.round(olderThanMs)} * interval '1 millisecond'`;
  let total = 0;
  for (;;) {
    const result = await db.execute(sql`
      with old as (
        select id from jobs
        where finished_at < ${cutoff} or failed_at < ${cutoff}
        limit ${batch}
      ),
      gone as (delete from jobs where id in (select id from old) returning 1)
      select count(*)::int as deleted from gone
    `);
    const deleted = Number(rowsOf<{ deleted: number }>(result)[0]?.deleted ?? 0);
    total += deleted;
    if (deleted < batch) return total;
  }
}

export async function findJob(
  db: Database,
  kind: JobKind<unknown>,
  key: string,
): Promise<JobRow | undefined> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, kind.name), eq(jobs.key, key)));
  return row;
}

/**
 * Removes a keyed job that has not started (nor been claimed by a runner that may still be on it),
 * in the caller's transaction: what it was for is gone. A running one is left to find that out.
 */
export async function cancelWaitingJob(
  tx: Database,
  kind: JobKind<unknown>,
  key: string,
): Promise<boolean> {
  const rows = await tx
    .delete(jobs)
    .where(
      and(
        eq(jobs.kind, kind.name),
        eq(jobs.key, key),
        sql`${jobs.finishedAt} is null and ${jobs.failedAt} is null`,
        sql`(${jobs.leaseUntil} is null or ${jobs.leaseUntil} <= now())`,
      ),
    )
    .returning({ id: jobs.id });
  return rows.length > 0;
}
