// Migration 0007_jobs moves identity events into the jobs table: the undelivered ones are delivered
// by the job runner after the upgrade, the recently delivered ones keep deduplicating their ids.
import { readFileSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPGlite, type DatabaseHandle, wrapPGlite } from '../db/client.ts';
import { migrationsFolder } from '../db/migrate.ts';
import { IdentityEventBus } from '../identity/event-bus.ts';
import type { IdentityEvent } from '../identity/events.ts';
import { JobRunner } from './runner.ts';

const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
  entries: { tag: string }[];
};

async function apply(client: PGlite, tag: string) {
  const text = readFileSync(`${migrationsFolder}/${tag}.sql`, 'utf8');
  for (const statement of text.split('--> statement-breakpoint')) {
    if (statement.trim()) await client.exec(statement);
  }
}

function deletion(id: string): IdentityEvent {
  return { id, type: 'user.deleted', occurredAt: new Date().toISOString(), data: { userId: id } };
}

let client: PGlite;
let handle: DatabaseHandle;
beforeAll(async () => {
  client = await createPGlite();
  const tags = journal.entries.map((entry) => entry.tag);
  const at = tags.indexOf('0007_jobs');
  for (const tag of tags.slice(0, at)) await apply(client, tag);
  // What a server left behind before the upgrade.
  const insert = `insert into identity_events (id, type, event, attempts, next_attempt_at, delivered_at, last_error)
    values ($1, 'user.deleted', $2, $3, now() - interval '1 minute', $4, $5)`;
  await client.query(insert, ['evt_waiting', deletion('evt_waiting'), 4, null, 'was down']);
  await client.query(insert, ['evt_done', deletion('evt_done'), 1, new Date(), null]);
  await client.query(insert, [
    'evt_ancient',
    deletion('evt_ancient'),
    1,
    new Date(Date.now() - 90 * 24 * 60 * 60_000),
    null,
  ]);
  await client.query(
    `insert into auth_app_invitation (id, email, public_metadata, status, expires_at)
     values ('inv_old', 'ghost@example.com', '{"primary_role":"coach","other":1}', 'pending', now() + interval '30 days')`,
  );
  for (const tag of tags.slice(at)) await apply(client, tag);
  handle = wrapPGlite(client);
});
afterAll(() => handle.close());

describe('migration 0007_jobs', () => {
  it('carries undelivered events over as due jobs, with a fresh count of attempts', async () => {
    const { rows } = await client.query<{ key: string; attempts: number; finished: boolean }>(
      `select key, attempts, finished_at is not null as finished from jobs
       where kind = 'identity.event' order by key`,
    );
    expect(rows).toEqual([
      { key: 'evt_done', attempts: 1, finished: true },
      { key: 'evt_waiting', attempts: 0, finished: false },
    ]);

    const bus = new IdentityEventBus(new JobRunner(handle.db, Fastify({ logger: false }).log));
    const delivered: string[] = [];
    bus.on('user.deleted', async (event) => {
      delivered.push(event.id);
    });
    await bus.drain();
    expect(delivered).toEqual(['evt_waiting']);
    // A redelivery of an event handled before the upgrade is still recognised.
    expect(await bus.publish(deletion('evt_done'))).toBe(false);
  });

  it('takes the role out of invitations still pending', async () => {
    const { rows } = await client.query<{ public_metadata: unknown }>(
      `select public_metadata from auth_app_invitation where id = 'inv_old'`,
    );
    expect(rows[0]?.public_metadata).toEqual({ other: 1 });
  });
});
