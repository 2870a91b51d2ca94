import { eq } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { IdentityEventBus } from './event-bus.ts';
import { storeIdentityEvent } from './event-store.ts';
import type { IdentityEvent } from './events.ts';
import { identityEvents } from './schema.ts';

const log = Fastify().log;
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

describe('IdentityEventBus', () => {
  it('delivers each stored event to its handlers, once per event id', async () => {
    const bus = new IdentityEventBus(database.db, log);
    const seen: string[] = [];
    bus.on('user.deleted', async (event) => {
      seen.push(event.data.userId);
    });
    expect(await bus.publish(deletion('once-1'))).toBe(true);
    expect(await bus.publish(deletion('once-1'))).toBe(false);
    await bus.drain();
    expect(seen).toEqual(['user_once-1']);
    const [row] = await database.db
      .select()
      .from(identityEvents)
      .where(eq(identityEvents.id, 'once-1'));
    expect(row?.deliveredAt).toBeInstanceOf(Date);
  });

  it('keeps undelivered events across a restart and delivers them after it', async () => {
    // Stored with its change, then the server stopped before the worker delivered it.
    await storeIdentityEvent(database.db, deletion('restart-1'));

    const after = new IdentityEventBus(database.db, log);
    const seen: string[] = [];
    after.on('user.deleted', async (event) => {
      seen.push(event.id);
    });
    await after.drain();
    expect(seen).toContain('restart-1');
  });

  it('retries a failing handler later and records why it failed', async () => {
    const bus = new IdentityEventBus(database.db, log);
    let calls = 0;
    bus.on('user.deleted', async (event) => {
      if (event.id !== 'flaky-1') return;
      calls += 1;
      if (calls === 1) throw new Error('downstream unavailable');
    });
    await bus.publish(deletion('flaky-1'));
    await bus.drain();
    const [failed] = await database.db
      .select()
      .from(identityEvents)
      .where(eq(identityEvents.id, 'flaky-1'));
    expect(failed).toMatchObject({
      deliveredAt: null,
      lastError: 'downstream unavailable',
      attempts: 1,
    });

    // Make it due now instead of waiting out the backoff.
    await database.db
      .update(identityEvents)
      .set({ nextAttemptAt: new Date(0) })
      .where(eq(identityEvents.id, 'flaky-1'));
    await bus.drain();
    const [delivered] = await database.db
      .select()
      .from(identityEvents)
      .where(eq(identityEvents.id, 'flaky-1'));
    expect(delivered?.deliveredAt).toBeInstanceOf(Date);
    expect(calls).toBe(2);
  });
});
