import { describe, expect, it } from 'vitest';
import { auditListSpec, daySchema, outboxListSpec, usersListSpec } from './admin-lists.ts';
import { parseListState } from './list-state.ts';

describe('the admin lists’ addresses', () => {
  it('take a day for the audit log’s dates, within what the server accepts', () => {
    expect(daySchema.safeParse('2026-04-01')).toEqual({ success: true, data: '2026-04-01' });
    expect(daySchema.safeParse('2026-02-30').success).toBe(false);
    expect(daySchema.safeParse('1969-12-30').success).toBe(false);
    expect(daySchema.safeParse('0050-01-01').success).toBe(false);
    expect(daySchema.safeParse('yesterday').success).toBe(false);
    const { state, problems } = parseListState(
      auditListSpec,
      new URLSearchParams('who=ada&from=2026-04-01&until=tomorrow'),
    );
    expect(state).toMatchObject({ who: 'ada', from: '2026-04-01', until: '' });
    expect(problems.map((problem) => problem.message)).toEqual([
      '“tomorrow” is not an end date this list knows, so the list shows up to today.',
    ]);
  });

  it('take part of an address for the outbox, as long as an address', () => {
    const part = parseListState(outboxListSpec, new URLSearchParams('to=ada@'));
    expect(part).toEqual({ state: { to: 'ada@', page: 1 }, problems: [] });
    const long = parseListState(outboxListSpec, new URLSearchParams(`to=${'a'.repeat(255)}`));
    expect(long.state.to).toBe('');
    expect(long.problems).toHaveLength(1);
  });

  it('know every role of the users list, and nothing else', () => {
    expect(parseListState(usersListSpec, new URLSearchParams('role=pending')).state.role).toBe(
      'pending',
    );
    expect(
      parseListState(usersListSpec, new URLSearchParams('role=superuser')).problems[0]?.message,
    ).toBe('“superuser” is not a role this list knows, so the list shows every role.');
  });
});
