import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.ts';
import {
  type ClaimedJob,
  claimDueJobs,
  enqueueJob,
  failAbandonedJobs,
  failJob,
  finishJob,
  type JobKind,
  type NewJob,
  pruneJobs,
  renewLease,
  scheduleRetry,
} from './repository.ts';

export type JobContext = {
  jobId: string;
  kind: string;
  key: string | null;
  /** This attempt's number, from 1. */
  attempt: number;
  maxAttempts: number;
  /**
   * Aborted when this runner lost the job's lease (it could not renew it in time, so another
   * runner may have taken the job over) or is stopping: a long handler should stop at its next
   * step and throw, so that the job runs again later.
   */
  signal: AbortSignal;
};

export type JobHandler<Payload> = (payload: Payload, context: JobContext) => Promise<void>;

export type JobKindOptions<Payload> = {
  /** How many jobs of this kind this runner runs at once. Default 1 (in order of due time). */
  concurrency?: number;
  /**
   * How long a claim holds the job before another runner may take it over. It is renewed while the
   * handler runs, so a long job keeps it; only a runner that died (or stalled) lets it lapse.
   */
  leaseMs?: number;
  /** Attempts before the job is given up as `failed` (each claim counts). Default 10. */
  maxAttempts?: number;
  /** Milliseconds to wait after failed attempt number `attempt` (from 1). */
  backoff?: (attempt: number) => number;
  /** Called once the job is given up, e.g. to undo a "queued" mark; its errors are only logged. */
  onFailed?: (payload: Payload, context: JobContext, error: unknown) => Promise<void>;
};

/** Thrown by a handler for a failure that no retry can fix: the job fails at once. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

/** 1 s, 2 s, 4 s, … up to `maxMs`, plus up to 10% of jitter so that retries do not bunch up. */
export function exponentialBackoff(baseMs = 1_000, maxMs = 10 * 60_000) {
  return (attempt: number): number => {
    const delay = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
    return delay + Math.floor(Math.random() * delay * 0.1);
  };
}

export type JobRunnerOptions = {
  /** How often a started runner looks for due jobs (a `nudge` looks at once). */
  pollIntervalMs?: number;
  /** How often a started runner prunes old rows and gives up abandoned last attempts. */
  maintenanceIntervalMs?: number;
  /** Finished and failed jobs are kept this long (they deduplicate keys meanwhile). */
  retentionMs?: number;
};

const DAY_MS = 24 * 60 * 60_000;
const DEFAULTS = {
  pollIntervalMs: 1_000,
  maintenanceIntervalMs: 10 * 60_000,
  retentionMs: 30 * DAY_MS,
};
const DEFAULT_LEASE_MS = 60_000;
const DEFAULT_MAX_ATTEMPTS = 10;
const MAX_ERROR_LENGTH = 2_000;

type Registration = {
  kind: string;
  handler: JobHandler<unknown>;
  concurrency: number;
  leaseMs: number;
  maxAttempts: number;
  backoff: (attempt: number) => number;
  onFailed: JobKindOptions<unknown>['onFailed'];
  active: number;
};

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH)}…` : message;
}

/**
 * Runs the durable jobs of the `jobs` table: one runner per server process, for every kind. Several
 * servers on one database share the work: a claim skips rows another server is claiming, each job
 * is leased to one runner at a time, and each runner takes no more than it has free slots for, so
 * none starves the others. Delivery is at least once: a handler may run again after a crash, so
 * handlers are idempotent (they re-read the state they act on).
 *
 * Handlers run outside any transaction (on PGlite there is a single connection: a transaction held
 * open while a handler queries would wait on itself). A failed attempt is retried with exponential
 * backoff; after the kind's `maxAttempts` the job is `failed`, with its error, logged at error level.
 */
export class JobRunner {
  readonly #db: Database;
  readonly #log: FastifyBaseLogger;
  readonly #options: typeof DEFAULTS;
  readonly #kinds = new Map<string, Registration>();
  readonly #inflight = new Set<Promise<void>>();
  readonly #running = new Set<AbortController>();
  #pollTimer: NodeJS.Timeout | undefined;
  #maintenanceTimer: NodeJS.Timeout | undefined;
  #pumping: Promise<void> | undefined;
  #again = false;
  #stopped = false;

  constructor(db: Database, log: FastifyBaseLogger, options: JobRunnerOptions = {}) {
    this.#db = db;
    this.#log = log;
    this.#options = { ...DEFAULTS, ...options };
  }

  /** Registers the handler of a kind; jobs of kinds no handler was registered for are left alone. */
  register<Payload>(
    kind: JobKind<Payload>,
    handler: JobHandler<Payload>,
    options: JobKindOptions<Payload> = {},
  ): void {
    if (this.#kinds.has(kind.name)) throw new Error(`job kind ${kind.name} is already registered`);
    this.#kinds.set(kind.name, {
      kind: kind.name,
      handler: handler as JobHandler<unknown>,
      concurrency: Math.max(1, options.concurrency ?? 1),
      leaseMs: Math.max(1_000, options.leaseMs ?? DEFAULT_LEASE_MS),
      maxAttempts: Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
      backoff: options.backoff ?? exponentialBackoff(),
      onFailed: options.onFailed as JobKindOptions<unknown>['onFailed'],
      active: 0,
    });
  }

  /**
   * Adds a job on its own (no transaction of the caller's) and starts it. A job that belongs with a
   * change is added with `enqueueJob(tx, …)` in the change's transaction instead, then `nudge()`.
   */
  async enqueue<Payload>(job: NewJob<Payload>): Promise<boolean> {
    const isNew = await enqueueJob(this.#db, job);
    if (isNew) this.nudge();
    return isNew;
  }

  /** Polls for due jobs and keeps the table tidy until `stop()`. */
  start(): void {
    this.#stopped = false;
    clearInterval(this.#pollTimer);
    clearInterval(this.#maintenanceTimer);
    this.#pollTimer = setInterval(() => this.nudge(), this.#options.pollIntervalMs);
    this.#pollTimer.unref();
    this.#maintenanceTimer = setInterval(
      () => void this.maintain(),
      this.#options.maintenanceIntervalMs,
    );
    this.#maintenanceTimer.unref();
    void this.maintain();
    this.nudge();
  }

  /**
   * Stops claiming jobs, tells the running ones to stop (their signal aborts) and waits for them to
   * end. What is still waiting stays in the table for the next start (of this server or another).
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#pollTimer);
    clearInterval(this.#maintenanceTimer);
    this.#pollTimer = undefined;
    this.#maintenanceTimer = undefined;
    for (const controller of this.#running) controller.abort(new Error('the server is stopping'));
    await this.#settled();
  }

  /** Looks for due jobs now (e.g. after a transaction that enqueued some has committed). */
  nudge(): void {
    if (this.#stopped) return;
    if (this.#pumping) {
      this.#again = true;
      return;
    }
    this.#pumping = this.#pump()
      .catch((error: unknown) => this.#log.error({ err: error }, 'could not claim due jobs'))
      .finally(() => {
        this.#pumping = undefined;
        if (this.#again) {
          this.#again = false;
          this.nudge();
        }
      });
  }

  /**
   * Runs what is due now, and what that enqueues, until nothing is due and nothing is running;
   * retries scheduled for later are not waited for. Tests and command-line tools call it.
   */
  async drain(): Promise<void> {
    this.nudge();
    await this.#settled();
  }

  async #settled(): Promise<void> {
    while (this.#pumping || this.#inflight.size > 0) {
      await Promise.all([this.#pumping, ...this.#inflight]);
    }
  }

  /** Gives up abandoned last attempts and prunes rows past retention. */
  async maintain(): Promise<void> {
    try {
      const abandoned = await failAbandonedJobs(
        this.#db,
        [...this.#kinds.values()].map(({ kind, maxAttempts }) => ({ kind, maxAttempts })),
      );
      for (const job of abandoned) {
        this.#log.error(
          { jobId: job.id, kind: job.kind, attempts: job.attempts, error: job.lastError },
          'job failed: its last attempt was abandoned',
        );
      }
      const pruned = await pruneJobs(this.#db, this.#options.retentionMs);
      if (pruned > 0) this.#log.info({ pruned }, 'pruned old jobs');
    } catch (error) {
      this.#log.warn({ err: error }, 'job maintenance failed; it runs again later');
    }
  }

  async #pump(): Promise<void> {
    for (;;) {
      if (this.#stopped) return;
      const requests = [...this.#kinds.values()].map((registration) => ({
        kind: registration.kind,
        slots: registration.concurrency - registration.active,
        leaseMs: registration.leaseMs,
        maxAttempts: registration.maxAttempts,
      }));
      if (!requests.some((request) => request.slots > 0)) return;
      const claimed = await claimDueJobs(this.#db, requests);
      if (claimed.length === 0) return;
      for (const job of claimed) this.#launch(job);
    }
  }

  #launch(job: ClaimedJob): void {
    const registration = this.#kinds.get(job.kind);
    if (!registration) return;
    registration.active += 1;
    const running: Promise<void> = this.#run(registration, job).finally(() => {
      registration.active -= 1;
      this.#inflight.delete(running);
      this.nudge();
    });
    this.#inflight.add(running);
  }

  async #run(registration: Registration, job: ClaimedJob): Promise<void> {
    const controller = new AbortController();
    this.#running.add(controller);
    const context: JobContext = {
      jobId: job.id,
      kind: job.kind,
      key: job.key,
      attempt: job.attempt,
      maxAttempts: job.maxAttempts,
      signal: controller.signal,
    };
    const about = { jobId: job.id, kind: job.kind, key: job.key, attempt: job.attempt };
    const renewal = setInterval(
      () => {
        renewLease(this.#db, job, registration.leaseMs)
          .then((renewed) => {
            if (renewed || controller.signal.aborted) return;
            this.#log.warn(about, 'lost the lease of a running job; another runner may take it');
            controller.abort(new Error('the job lease was lost'));
          })
          .catch((error: unknown) =>
            this.#log.warn({ ...about, err: error }, 'could not renew a job lease'),
          );
      },
      Math.max(500, Math.floor(registration.leaseMs / 3)),
    );
    renewal.unref();
    try {
      let failure: { error: unknown } | undefined;
      try {
        await registration.handler(job.payload, context);
      } catch (error) {
        failure = { error };
      } finally {
        clearInterval(renewal);
        this.#running.delete(controller);
      }
      if (!failure) {
        if (!(await finishJob(this.#db, job)))
          this.#log.warn(about, 'a job finished after its lease was lost');
        return;
      }
      const { error } = failure;
      const message = messageOf(error);
      if (error instanceof PermanentJobError || job.attempt >= job.maxAttempts) {
        await failJob(this.#db, job, message);
        this.#log.error(
          { ...about, err: error, maxAttempts: job.maxAttempts },
          `job failed for good after ${job.attempt} attempt(s)`,
        );
        await registration
          .onFailed?.(job.payload, context, error)
          .catch((hookError: unknown) =>
            this.#log.error({ ...about, err: hookError }, 'the failed-job hook failed'),
          );
        return;
      }
      const delayMs = registration.backoff(job.attempt);
      await scheduleRetry(this.#db, job, message, delayMs);
      this.#log.warn({ ...about, err: error, retryInMs: delayMs }, 'job failed; will retry');
    } catch (error) {
      // The outcome could not be recorded: the lease runs out and the job is claimed again.
      this.#log.error({ ...about, err: error }, 'could not record the outcome of a job');
    }
  }
}
