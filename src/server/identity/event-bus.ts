import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.ts';
import {
  attemptsOf,
  claimDueEvents,
  markEventDelivered,
  markEventFailed,
  storeIdentityEvent,
} from './event-store.ts';
import type { IdentityEvent, IdentityEventOf, IdentityEventType } from './events.ts';

type Handler<T extends IdentityEventType> = (event: IdentityEventOf<T>) => Promise<void>;

const POLL_INTERVAL_MS = 1_000;
const BATCH_SIZE = 20;
const LEASE_MS = 60_000;
const MAX_BACKOFF_MS = 10 * 60_000;

/**
 * Delivers stored identity events to the domain's handlers, at least once. Events are durable in
 * the database: what was not delivered before a restart is delivered after it. A failing event is
 * retried with exponential backoff and does not hold up the others.
 */
export class IdentityEventBus {
  readonly #db: Database;
  readonly #log: FastifyBaseLogger;
  readonly #handlers = new Map<IdentityEventType, Handler<IdentityEventType>[]>();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;

  constructor(db: Database, log: FastifyBaseLogger) {
    this.#db = db;
    this.#log = log;
  }

  on<T extends IdentityEventType>(type: T, handler: Handler<T>): void {
    const list = this.#handlers.get(type) ?? [];
    list.push(handler as unknown as Handler<IdentityEventType>);
    this.#handlers.set(type, list);
  }

  /** Stores the event (once per id) and wakes the worker; returns false for a duplicate. */
  async publish(event: IdentityEvent): Promise<boolean> {
    const isNew = await storeIdentityEvent(this.#db, event);
    if (isNew) this.nudge();
    return isNew;
  }

  start(): void {
    this.#timer = setInterval(() => this.nudge(), POLL_INTERVAL_MS);
    this.#timer.unref();
    this.nudge();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  /** Delivers what is due now; resolves when the queue has nothing due. */
  async drain(): Promise<void> {
    this.nudge();
    while (this.#running) await this.#running;
  }

  nudge(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#deliverDue()
      .catch((error) => this.#log.error({ err: error }, 'identity event delivery failed'))
      .finally(() => {
        this.#running = undefined;
        if (this.#again) {
          this.#again = false;
          this.nudge();
        }
      });
  }

  async #deliverDue(): Promise<void> {
    for (;;) {
      const events = await claimDueEvents(this.#db, BATCH_SIZE, LEASE_MS);
      if (events.length === 0) return;
      for (const event of events) await this.#deliver(event);
    }
  }

  async #deliver(event: IdentityEvent): Promise<void> {
    try {
      for (const handler of this.#handlers.get(event.type) ?? []) await handler(event);
      await markEventDelivered(this.#db, event.id);
    } catch (error) {
      const attempts = await attemptsOf(this.#db, event.id);
      const retryInMs = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.min(attempts, 20));
      this.#log.warn(
        { err: error, eventId: event.id, type: event.type, attempts },
        'identity event handler failed; will retry',
      );
      await markEventFailed(
        this.#db,
        event.id,
        error instanceof Error ? error.message : String(error),
        retryInMs,
      );
    }
  }
}
