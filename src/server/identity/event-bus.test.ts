import { eq } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { JobRunner } from '../jobs/runner.ts';
import { jobs } from '../jobs/schema.ts';
import { IdentityEventBus } from './event-bus.ts';
import { storeIdentityEvent } from './event-store.ts';
import type { IdentityEvent } from './events.ts';
import { identityEvents } from './schema.ts';

const log = Fastify({ logger: false }).log;
let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

function deletion(id: string): IdentityEvent {
  return {
    id,
    type: 'user.deleted',
    occurredAt: new Date().toISOString(),
    data: { userId: `user_${id}` },
  };
}

function busOf(runner = new JobRunner(database.db, log)) {
  return new IdentityEventBus(runner);
}

async function eventRow(id: string) {
  const [row] = await database.db.select().from(identityEvents).where(eq(identityEvents.id, id));
  return row;
}

describe('IdentityEventBus', () => {
  it('delivers each stored event to its handlers, once per event id', async () => {
    const bus = busOf();
    const seen: string[] = [];
    bus.on('user.deleted', async (event) => {
      seen.push(event.data.userId);
    });
    expect(await bus.publish(deletion('once-1'))).toBe(true);
    expect(await bus.publish(deletion('once-1'))).toBe(false);
    await bus.drain();
    // Delivered: a redelivery of the same id (Clerk's svix-id) is still recognised.
    expect(await bus.publish(deletion('once-1'))).toBe(false);
    await bus.drain();
    expect(seen).toEqual(['user_once-1']);
    expect((await eventRow('once-1'))?.deliveredAt).toBeInstanceOf(Date);
  });

  it('stores an event only if the transaction it was recorded in commits', async () => {
    await database.db
      .transaction(async (tx) => {
        await storeIdentityEvent(tx, deletion('rolled-back-1'));
        throw new Error('the change failed');
      })
      .catch(() => undefined);
    expect(await eventRow('rolled-back-1')).toBeUndefined();
  });

  it('keeps undelivered events across a restart and delivers them after it', async () => {
    // Stored with its change, then the server stopped before the runner delivered it.
    await storeIdentityEvent(database.db, deletion('restart-1'));

    const after = busOf();
    const seen: string[] = [];
    after.on('user.deleted', async (event) => {
      seen.push(event.id);
    });
    await after.drain();
    expect(seen).toContain('restart-1');
  });

  it('retries a failing handler later and records why it failed', async () => {
    const bus = busOf();
    let calls = 0;
    bus.on('user.deleted', async (event) => {
      if (event.id !== 'flaky-1') return;
      calls += 1;
      if (calls === 1) throw new Error('downstream unavailable');
    });
    await bus.publish(deletion('flaky-1'));
    await bus.drain();
    expect(await eventRow('flaky-1')).toMatchObject({
      deliveredAt: null,
      lastError: 'downstream unavailable',
      attempts: 1,
    });

    // Make it due now instead of waiting out the backoff.
    await database.db
      .update(jobs)
      .set({ runAt: new Date(0) })
      .where(eq(jobs.key, 'flaky-1'));
    await bus.drain();
    expect((await eventRow('flaky-1'))?.deliveredAt).toBeInstanceOf(Date);
    expect(calls).toBe(2);
  });
});
