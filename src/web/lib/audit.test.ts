import { describe, expect, it } from 'vitest';
import {
  dayEndIso,
  dayStartIso,
  describeAuditActor,
  describeAuditChanges,
  describeAuditTarget,
  formatAuditValue,
} from './audit.ts';

describe('describeAuditChanges', () => {
  it('lines up before and after by field', () => {
    expect(
      describeAuditChanges({
        before: { role: 'coach', status: 'pending' },
        after: { role: 'coach', notes: 'ok', status: 'approved' },
      }),
    ).toEqual([
      { field: 'role', before: 'coach', after: 'coach', changed: false },
      { field: 'status', before: 'pending', after: 'approved', changed: true },
      { field: 'notes', before: '—', after: 'ok', changed: true },
    ]);
  });

  it('shows a created or removed thing against nothing', () => {
    expect(describeAuditChanges({ before: null, after: { status: 'approved' } })).toEqual([
      { field: 'status', before: '—', after: 'approved', changed: true },
    ]);
    expect(describeAuditChanges({ before: { entries: 3 }, after: null })).toEqual([
      { field: 'entries', before: '3', after: '—', changed: true },
    ]);
  });

  it('copes with details of another shape', () => {
    expect(describeAuditChanges({ before: 'a', after: 'b' })).toEqual([
      { field: '(value)', before: 'a', after: 'b', changed: true },
    ]);
    expect(describeAuditChanges({ role: 'admin' })).toEqual([
      { field: 'role', before: '—', after: 'admin', changed: true },
    ]);
  });
});

describe('formatAuditValue', () => {
  it('shows nothing as a dash and objects as JSON', () => {
    expect(formatAuditValue(null)).toBe('—');
    expect(formatAuditValue(['a'])).toBe('["a"]');
    expect(formatAuditValue(false)).toBe('false');
  });
});

describe('dayStartIso and dayEndIso', () => {
  it('turn a day into the instants it starts and ends (local time), until exclusive', () => {
    const start = dayStartIso('2026-03-14');
    const end = dayEndIso('2026-03-14');
    expect(start).toBe(new Date(2026, 2, 14).toISOString());
    expect(end).toBe(new Date(2026, 2, 15).toISOString());
    expect(dayStartIso('14/03/2026')).toBeUndefined();
    expect(dayEndIso('')).toBeUndefined();
  });
});

describe('describeAuditActor', () => {
  it('names a user by name and email, and filters by the email', () => {
    expect(describeAuditActor('u1', { email: 'ada@example.com', name: 'Ada Lovelace' })).toEqual({
      name: 'Ada Lovelace',
      detail: 'ada@example.com',
      filter: 'ada@example.com',
    });
    expect(describeAuditActor('u1', { email: 'ada@example.com', name: null })).toEqual({
      name: 'ada@example.com',
      detail: '',
      filter: 'ada@example.com',
    });
  });

  it('names a command-line login, and a user the provider no longer knows', () => {
    expect(describeAuditActor('cli:deploy', null)).toEqual({
      name: 'Command line',
      detail: 'deploy',
      filter: 'deploy',
    });
    expect(describeAuditActor('user_gone', null)).toEqual({
      name: 'Deleted user',
      detail: 'user_gone',
      filter: 'user_gone',
    });
  });
});

describe('describeAuditTarget', () => {
  it('says what kind of thing changed and the address it is about', () => {
    expect(describeAuditTarget('waitlist:ada@example.com', null)).toEqual({
      kind: 'Registry entry',
      subject: 'ada@example.com',
      filter: 'ada@example.com',
    });
    expect(describeAuditTarget('user:u1', { email: 'ada@example.com' })).toEqual({
      kind: 'Account',
      subject: 'ada@example.com',
      filter: 'ada@example.com',
    });
    expect(describeAuditTarget('user:u2', null)).toEqual({
      kind: 'Account (deleted)',
      subject: 'u2',
      filter: 'user:u2',
    });
    expect(describeAuditTarget('waitlist:registry', null).kind).toBe('Whole registry');
  });
});
