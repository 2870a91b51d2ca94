import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { buildAuditEntry } from '../../../../test/support/factories.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import {
  countAuditEntries,
  insertAuditEntries,
  listAuditEntries,
  listDistinctActors,
} from './repository.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const everything = { limit: 100, offset: 0 };

describe('audit log repository', () => {
  it('stores an entry with its details and gives it an id and a time', async () => {
    const entry = buildAuditEntry({ details: { before: null, after: { role: 'coach' } } });
    const [stored] = await insertAuditEntries(database.db, [entry]);
    expect(stored?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(stored?.createdAt).toBeInstanceOf(Date);
    expect(stored).toMatchObject(entry);
  });

  it('lists newest first and filters by actor, action and target', async () => {
    const actor = 'user_lister';
    const [first] = await insertAuditEntries(database.db, [
      buildAuditEntry({ actor, action: 'a.one' }),
    ]);
    const [second] = await insertAuditEntries(database.db, [
      buildAuditEntry({ actor, action: 'a.two' }),
    ]);

    const byActor = await listAuditEntries(database.db, { actor }, everything);
    expect(byActor.map((row) => row.id)).toEqual([second?.id, first?.id]);

    const byAction = await listAuditEntries(database.db, { actor, action: 'a.one' }, everything);
    expect(byAction.map((row) => row.id)).toEqual([first?.id]);

    const byTarget = await listAuditEntries(database.db, { target: second?.target }, everything);
    expect(byTarget.map((row) => row.id)).toEqual([second?.id]);
  });

  it('filters by time range and pages', async () => {
    const actor = 'user_pager';
    const [old] = await insertAuditEntries(database.db, [
      buildAuditEntry({ actor, createdAt: new Date('2020-01-01T00:00:00Z') }),
    ]);
    const [recent] = await insertAuditEntries(database.db, [buildAuditEntry({ actor })]);

    const since2021 = await listAuditEntries(
      database.db,
      { actor, from: new Date('2021-01-01T00:00:00Z') },
      everything,
    );
    expect(since2021.map((row) => row.id)).toEqual([recent?.id]);

    const before2021 = await listAuditEntries(
      database.db,
      { actor, until: new Date('2021-01-01T00:00:00Z') },
      everything,
    );
    expect(before2021.map((row) => row.id)).toEqual([old?.id]);

    const secondPage = await listAuditEntries(database.db, { actor }, { limit: 1, offset: 1 });
    expect(secondPage.map((row) => row.id)).toEqual([old?.id]);
  });

  it('filters by any of several actors or targets, an empty list matching nothing, and counts', async () => {
    const [one, two] = await insertAuditEntries(database.db, [
      buildAuditEntry({ actor: 'user_many_a', target: 'waitlist:many-a@example.com' }),
      buildAuditEntry({ actor: 'user_many_b', target: 'waitlist:many-b@example.com' }),
    ]);
    const both = await listAuditEntries(
      database.db,
      { actor: ['user_many_a', 'user_many_b'] },
      everything,
    );
    expect(both.map((row) => row.id).sort()).toEqual([one?.id, two?.id].sort());
    expect(await listAuditEntries(database.db, { actor: [] }, everything)).toEqual([]);
    const byTargets = await listAuditEntries(
      database.db,
      { target: ['waitlist:many-b@example.com', 'waitlist:nobody@example.com'] },
      everything,
    );
    expect(byTargets.map((row) => row.id)).toEqual([two?.id]);
    expect(await countAuditEntries(database.db, { actor: ['user_many_a', 'user_many_b'] })).toBe(2);
    expect(await countAuditEntries(database.db, { target: [] })).toBe(0);
  });

  it('lists every distinct actor once, in order, up to a limit', async () => {
    await insertAuditEntries(database.db, [
      buildAuditEntry({ actor: 'cli:zed' }),
      buildAuditEntry({ actor: 'cli:zed' }),
      buildAuditEntry({ actor: 'cli:amy' }),
    ]);
    const actors = await listDistinctActors(database.db, 1_000);
    expect(new Set(actors).size).toBe(actors.length);
    expect(actors).toEqual([...actors].sort());
    expect(actors).toEqual(expect.arrayContaining(['cli:amy', 'cli:zed', 'user_lister']));
    expect(await listDistinctActors(database.db, 2)).toEqual(actors.slice(0, 2));
  });
});
