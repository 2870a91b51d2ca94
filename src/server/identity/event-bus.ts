import { exponentialBackoff, type JobRunner } from '../jobs/runner.ts';
import { identityEventJob } from './event-store.ts';
import type { IdentityEvent, IdentityEventOf, IdentityEventType } from './events.ts';

type Handler<T extends IdentityEventType> = (event: IdentityEventOf<T>) => Promise<void>;

// 1 s doubling up to 10 minutes: about 2.5 hours of retries before an event is given up (and logged).
const MAX_ATTEMPTS = 25;

/**
 * Delivers stored identity events to the domain's handlers, at least once, as jobs of the server's
 * one job runner: what was not delivered before a restart is delivered after it, a failing event is
 * retried with exponential backoff and does not hold up the others. Events of one server are handled
 * one at a time, in the order they were stored.
 */
export class IdentityEventBus {
  readonly #jobs: JobRunner;
  readonly #handlers = new Map<IdentityEventType, Handler<IdentityEventType>[]>();

  constructor(jobs: JobRunner) {
    this.#jobs = jobs;
    jobs.register(identityEventJob, (event) => this.#deliver(event), {
      concurrency: 1,
      maxAttempts: MAX_ATTEMPTS,
      backoff: exponentialBackoff(),
    });
  }

  on<T extends IdentityEventType>(type: T, handler: Handler<T>): void {
    const list = this.#handlers.get(type) ?? [];
    list.push(handler as unknown as Handler<IdentityEventType>);
    this.#handlers.set(type, list);
  }

  /** Stores the event (once per id) and wakes the runner; returns false for a duplicate. */
  publish(event: IdentityEvent): Promise<boolean> {
    return this.#jobs.enqueue({ kind: identityEventJob, payload: event, key: event.id });
  }

  /** Wakes the runner once a transaction that stored events has committed. */
  nudge(): void {
    this.#jobs.nudge();
  }

  /** Runs what is due now (events, and every other job kind); resolves when nothing is due. */
  drain(): Promise<void> {
    return this.#jobs.drain();
  }

  async #deliver(event: IdentityEvent): Promise<void> {
    for (const handler of this.#handlers.get(event.type) ?? []) await handler(event);
  }
}
