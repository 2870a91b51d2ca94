import { describe, expect, it } from 'vitest';
import type { BulkResult, ImportReport } from '../../contract/waitlist.ts';
import {
  importPayloadOf,
  importRowCounts,
  joinBody,
  summarizeBulkResults,
  summarizeImport,
  summarizePreview,
  tooManyRequestsMessage,
  validateWaitlistForm,
  waitlistFieldOf,
} from './waitlist.ts';

describe('validateWaitlistForm', () => {
  it('needs an email only; name and note are optional', () => {
    expect(validateWaitlistForm({ name: '', email: '', note: '' })).toEqual({
      email: 'Enter your email address.',
    });
    expect(validateWaitlistForm({ name: '', email: 'a@example.com', note: '' })).toEqual({});
  });

  it('holds name and note to the server limits', () => {
    const errors = validateWaitlistForm({
      name: 'x'.repeat(121),
      email: 'a@example.com',
      note: 'y'.repeat(2001),
    });
    expect(errors.name).toBe('Use at most 120 characters.');
    expect(errors.note).toBe('Use at most 2000 characters (2001 so far).');
  });
});

describe('joinBody', () => {
  it('leaves out empty optional fields and trims the rest', () => {
    expect(joinBody('coach', { name: ' ', email: ' a@example.com ', note: '' })).toEqual({
      email: 'a@example.com',
      role: 'coach',
    });
    expect(joinBody('client', { name: 'Cleo', email: 'c@example.com', note: ' hi ' })).toEqual({
      email: 'c@example.com',
      role: 'client',
      name: 'Cleo',
      note: 'hi',
    });
  });
});

describe('waitlistFieldOf', () => {
  it('maps an issue path to a form field', () => {
    expect(waitlistFieldOf('body.email')).toBe('email');
    expect(waitlistFieldOf('body.note')).toBe('note');
    expect(waitlistFieldOf('body.role')).toBeNull();
  });
});

describe('tooManyRequestsMessage', () => {
  it('says how long to wait, in seconds as the server said', () => {
    expect(tooManyRequestsMessage(30)).toBe('Too many requests, try again in 30 seconds.');
    expect(tooManyRequestsMessage(1)).toBe('Too many requests, try again in 1 second.');
    expect(tooManyRequestsMessage(600)).toBe(
      'Too many requests, try again in 600 seconds (about 10 minutes).',
    );
    expect(tooManyRequestsMessage(3600)).toBe(
      'Too many requests, try again in 3600 seconds (about 60 minutes).',
    );
    expect(tooManyRequestsMessage(7200)).toBe(
      'Too many requests, try again in 7200 seconds (about 2 hours).',
    );
    expect(tooManyRequestsMessage(undefined)).toBe(
      'Too many requests, try again in a few minutes.',
    );
  });
});

function result(
  outcome: BulkResult['results'][number]['outcome'],
  invitationSent = false,
): BulkResult['results'][number] {
  return { target: `${outcome}@example.com`, outcome, invitationSent, entry: null };
}

describe('summarizeBulkResults', () => {
  it('counts each outcome and the invitations sent', () => {
    expect(
      summarizeBulkResults('approve', [
        result('approved', true),
        result('approved', true),
        result('already_approved'),
      ]),
    ).toEqual({
      title: '2 approved, 1 already approved',
      description: 'Sign-up invitations sent to 2 people.',
      tone: 'info',
    });
    expect(summarizeBulkResults('reject', [result('rejected')])).toMatchObject({
      title: '1 rejected',
      tone: 'success',
    });
    expect(summarizeBulkResults('reject', [result('already_joined')])).toMatchObject({
      title: '1 already signed up',
      description: 'Nobody was rejected.',
      tone: 'info',
    });
    expect(summarizeBulkResults('approve', [result('not_found')])).toMatchObject({
      title: '1 not found',
      description: 'No invitation was sent.',
      tone: 'error',
    });
  });
});

describe('importPayloadOf', () => {
  it('sends CSV as it is', () => {
    expect(importPayloadOf('email,role\na@example.com,coach\n', 'list.csv')).toEqual({
      payload: { kind: 'csv', content: 'email,role\na@example.com,coach\n' },
    });
  });

  it('reads JSON, with or without the users key', () => {
    const users = [{ email: 'a@example.com', role: 'coach' }];
    expect(importPayloadOf(JSON.stringify({ users }), 'list.json')).toEqual({
      payload: { kind: 'json', body: { users } },
    });
    expect(importPayloadOf(JSON.stringify(users))).toEqual({
      payload: { kind: 'json', body: { users } },
    });
  });

  it('says what is wrong with an empty file or broken JSON', () => {
    expect(importPayloadOf('  ')).toEqual({
      error: 'The file is empty. Choose another file or paste CSV.',
    });
    expect(importPayloadOf('{"users": [', 'list.json')).toMatchObject({
      error: expect.stringMatching(/^The JSON could not be read/),
    });
    expect(importPayloadOf('{"people": []}', 'list.json')).toMatchObject({
      error: expect.stringMatching(/"users" list/),
    });
  });
});

describe('summarizeImport', () => {
  const rows: ImportReport['rows'] = [
    { row: 1, email: 'a@example.com', outcome: 'unchanged', errors: [] },
    { row: 2, email: 'bad', outcome: 'invalid', errors: ['email: must be a valid email address'] },
  ];
  const counts = { added: 0, updated: 0, unchanged: 0, skipped_joined: 0, invalid: 1 };

  it('describes a preview by valid and invalid rows', () => {
    expect(summarizeImport({ applied: false, counts, rows })).toBe(
      '2 rows: 1 valid, 1 with errors.',
    );
    expect(summarizeImport({ applied: false, counts, rows: [] })).toBe(
      'The file has no rows under its header.',
    );
  });

  it('describes an applied import by outcome', () => {
    expect(
      summarizeImport({
        applied: true,
        counts: { ...counts, added: 1 },
        rows: [
          { row: 1, email: 'a@example.com', outcome: 'added', errors: [] },
          { row: 2, email: 'bad', outcome: 'invalid', errors: ['email: must be a valid email'] },
        ],
      }),
    ).toBe('2 rows: 1 added, 1 error.');
  });
});

describe('summarizePreview and importRowCounts', () => {
  const row = (n: number, outcome: ImportReport['rows'][number]['outcome']) => ({
    row: n,
    email: `r${n}@example.com`,
    outcome,
    errors: outcome === 'invalid' ? ['email: must be a valid email address'] : [],
  });

  it('says what each kind of row would do', () => {
    const counts = { added: 2, updated: 1, unchanged: 0, skipped_joined: 0, invalid: 1 };
    const report: ImportReport = {
      applied: false,
      counts,
      rows: [row(1, 'added'), row(2, 'added'), row(3, 'updated'), row(4, 'invalid')],
    };
    expect(summarizePreview(report)).toBe(
      '4 rows: 2 would be added, 1 would be updated, 1 with errors.',
    );
    expect(importRowCounts(report)).toEqual({ rows: 4, invalid: 1, valid: 3 });
    expect(summarizePreview({ applied: false, counts, rows: [] })).toBe(
      'The file has no rows under its header.',
    );
  });
});
