import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditQuerySchema } from './audit.ts';
import { providerIdSchema, uuidSchema } from './ids.ts';
import { outboxQuerySchema } from './mail.ts';
import {
  CONTROL_CHARACTER_MESSAGE,
  emailSchema,
  multilineText,
  plainText,
  searchTextSchema,
  storedText,
} from './text.ts';
import { isoDateTime, isoDateTimeQuerySchema } from './time.ts';
import { userIdParamsSchema, userListQuerySchema } from './users.ts';
import {
  approveBodySchema,
  approvedUserBodySchema,
  approvedUserUpdateSchema,
  backupEntrySchema,
  joinWaitlistBodySchema,
  registryBackupSchema,
  waitlistQuerySchema,
} from './waitlist.ts';

const messagesOf = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

const C0_AND_C1 = [
  ...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)),
  ...Array.from({ length: 0x21 }, (_, offset) => String.fromCharCode(0x7f + offset)),
];

describe('plainText', () => {
  const name = plainText({ min: 1, max: 10 });

  it('trims, and keeps letters, accents, emoji and right-to-left text', () => {
    expect(name.parse('  Ada  ')).toBe('Ada');
    for (const value of ['Zoë', 'Ωmega', '😀 ok', 'שלום', 'e\u0301', '\u200Fمرحبا'])
      expect(name.parse(value)).toBe(value);
  });

  it('refuses NUL and every other C0 and C1 control character, and DEL', () => {
    for (const control of C0_AND_C1) {
      if (control.trim() === '') continue; // Blank controls are trimmed away at the ends…
      expect(messagesOf(name, `a${control}b`), JSON.stringify(control)).toContain(
        CONTROL_CHARACTER_MESSAGE,
      );
    }
    // …and refused inside.
    for (const control of ['\t', '\n', '\r', '\u000B', '\u000C', '\u0085'])
      expect(messagesOf(name, `a${control}b`)).toEqual([CONTROL_CHARACTER_MESSAGE]);
    expect(messagesOf(name, '\u0000')).toEqual([CONTROL_CHARACTER_MESSAGE]);
  });

  it('refuses lone surrogates, and keeps proper pairs', () => {
    for (const value of ['\ud800', 'a\udfff', '\ud83d'])
      expect(messagesOf(name, value)).toEqual([CONTROL_CHARACTER_MESSAGE]);
    expect(name.parse('\ud83d\ude00')).toBe('😀');
  });

  it('caps the length after trimming, and says so for a person', () => {
    expect(name.parse(`  ${'x'.repeat(10)}  `)).toHaveLength(10);
    expect(messagesOf(name, 'x'.repeat(11))).toEqual(['must be at most 10 characters long']);
    expect(messagesOf(name, 'x'.repeat(100_000))).toEqual(['must be at most 10 characters long']);
    expect(messagesOf(name, '   ')).toEqual(['must not be empty']);
    expect(messagesOf(plainText({ min: 3, max: 5 }), 'ab')).toEqual([
      'must be at least 3 characters long',
    ]);
  });

  it('refuses what is not a string', () => {
    for (const value of [1, null, [], {}, true]) expect(name.safeParse(value).success).toBe(false);
  });

  it('shows its rules in the JSON schema (and so in the OpenAPI document)', () => {
    expect(z.toJSONSchema(name)).toMatchObject({
      type: 'string',
      minLength: 1,
      maxLength: 10,
      pattern: expect.stringContaining('\\p{Cc}'),
    });
  });
});

describe('multilineText', () => {
  const note = multilineText({ max: 50 });

  it('keeps tab and line breaks inside, and refuses every other control character', () => {
    expect(note.parse('line one\r\n\tline two\n')).toBe('line one\r\n\tline two');
    for (const control of C0_AND_C1.filter((control) => !'\t\n\r'.includes(control)))
      expect(messagesOf(note, `a${control}b`), JSON.stringify(control)).toEqual([
        CONTROL_CHARACTER_MESSAGE,
      ]);
    expect(messagesOf(note, 'a\ud800')).toEqual([CONTROL_CHARACTER_MESSAGE]);
  });

  it('checks a long text in linear time', () => {
    const started = performance.now();
    expect(multilineText({ max: 2_000_000 }).parse('ab\n😀'.repeat(250_000))).toHaveLength(
      1_250_000,
    );
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('storedText (backups)', () => {
  it('refuses only what the database cannot hold, and keeps the value exactly', () => {
    const text = storedText({ max: 20 });
    expect(text.parse(' a\u0001b\tc ')).toBe(' a\u0001b\tc ');
    expect(messagesOf(text, 'a\u0000b')).toEqual([
      'must not contain NUL characters or malformed Unicode',
    ]);
    expect(text.safeParse('\ud800').success).toBe(false);
    expect(text.safeParse('x'.repeat(21)).success).toBe(false);
  });
});

describe('emailSchema', () => {
  it('trims and lower-cases', () => {
    expect(emailSchema.parse('  Ada@Example.COM ')).toBe('ada@example.com');
  });

  it('refuses NUL and other control characters, saying so', () => {
    for (const value of ['ada\u0000@example.com', 'ada@example.com\u0000', 'a\u0007@example.com'])
      expect(messagesOf(emailSchema, value)).toEqual([CONTROL_CHARACTER_MESSAGE]);
    expect(messagesOf(emailSchema, 'ada@example.com\r\nBcc: eve@example.com')).toEqual([
      CONTROL_CHARACTER_MESSAGE,
    ]);
  });

  it('refuses what is not an address, and over-long ones', () => {
    for (const value of ['', 'ada', '@example.com', 'ada@', 'Ada <ada@example.com>', '\ud800@x.io'])
      expect(emailSchema.safeParse(value).success, value).toBe(false);
    expect(emailSchema.safeParse(`${'a'.repeat(250)}@example.com`).success).toBe(false);
  });
});

describe('ids', () => {
  it('uuidSchema takes a UUID and nothing else', () => {
    expect(uuidSchema.parse('2f0c5a3e-9b1d-4c55-8a55-0a4fd1b7d001')).toBeTruthy();
    for (const value of ['not-a-uuid', '', '2f0c5a3e9b1d4c558a550a4fd1b7d001x', '\u0000', 1])
      expect(uuidSchema.safeParse(value).success).toBe(false);
    expect(messagesOf(uuidSchema, 'x')).toEqual(['must be a UUID']);
  });

  it('providerIdSchema takes Better Auth, Clerk and our own ids', () => {
    for (const id of [
      'Xy7kq2Lm9PzR4tVb8NcW1dFg6HjK3sAe',
      'user_2abcDEF123ghiJKL456mnoPQR78',
      'inv_0f8e7d6c5b4a39281706f5e4d3c2b1a0',
      'user_1',
    ])
      expect(providerIdSchema.parse(id)).toBe(id);
  });

  it('providerIdSchema refuses paths, escapes, control characters and over-long ids', () => {
    for (const id of ['', '../admin', 'a/b', '%00', '\u0000', 'a b', 'é', 'x'.repeat(129), 'a.b'])
      expect(providerIdSchema.safeParse(id).success, JSON.stringify(id)).toBe(false);
  });
});

describe('isoDateTime', () => {
  it('takes instants from 1970 to the end of 9999', () => {
    for (const value of [
      '1970-01-01T00:00:00Z',
      '2026-06-01T12:30:00.123Z',
      '9999-12-31T23:59:59.999Z',
      '2026-06-01T12:30:00+02:00',
    ])
      expect(isoDateTimeQuerySchema.parse(value)).toBe(value);
  });

  it('refuses year 0000, years before 1970 and after 9999, and impossible dates', () => {
    for (const value of [
      '0000-01-01T00:00:00Z',
      '0001-01-01T00:00:00Z',
      '1969-12-31T23:59:59.999Z',
      '9999-12-31T23:59:59-00:01',
    ])
      expect(messagesOf(isoDateTimeQuerySchema, value), value).toEqual([
        'must be between 1970-01-01 and 9999-12-31',
      ]);
    for (const value of [
      '99999-12-31T00:00:00Z',
      '+275760-09-13T00:00:00.000Z',
      '-000001-01-01T00:00:00Z',
      '2026-02-30T00:00:00Z',
      '2026-01-01',
      'infinity',
      'epoch',
      '',
    ])
      expect(messagesOf(isoDateTimeQuerySchema, value), value).toEqual(['Invalid ISO datetime']);
  });

  it('in documents, takes UTC only, as the server writes it', () => {
    expect(isoDateTime().safeParse('2026-06-01T12:30:00Z').success).toBe(true);
    expect(isoDateTime().safeParse('2026-06-01T12:30:00+02:00').success).toBe(false);
  });
});

describe('the contract schemas use them', () => {
  const NUL = '\u0000';

  it('refuses NUL in every string a caller sends', () => {
    const refused: [z.ZodType, unknown][] = [
      [joinWaitlistBodySchema, { email: 'a@example.com', role: 'coach', name: `A${NUL}` }],
      [joinWaitlistBodySchema, { email: 'a@example.com', role: 'coach', note: NUL }],
      [joinWaitlistBodySchema, { email: `a${NUL}@example.com`, role: 'coach' }],
      [approveBodySchema, { emails: ['a@example.com'], role: 'coach', notes: NUL }],
      [approveBodySchema, { ids: [NUL], role: 'coach' }],
      [approvedUserBodySchema, { email: 'a@example.com', role: 'coach', name: NUL }],
      [approvedUserUpdateSchema, { notes: `x${NUL}` }],
      [waitlistQuerySchema, { query: NUL }],
      [userListQuerySchema, { query: NUL }],
      [userIdParamsSchema, { userId: NUL }],
      [auditQuerySchema, { actor: NUL }],
      [auditQuerySchema, { target: `waitlist:${NUL}` }],
      [outboxQuerySchema, { to: `a${NUL}@example.com` }],
    ];
    for (const [schema, value] of refused)
      expect(schema.safeParse(value).success, JSON.stringify(value)).toBe(false);
  });

  it('still accepts ordinary values', () => {
    expect(
      joinWaitlistBodySchema.parse({
        email: ' Ada@Example.com',
        role: 'coach',
        name: ' Ada Lovelace ',
        note: 'Leadership coach.\nTen years.',
      }),
    ).toEqual({
      email: 'ada@example.com',
      role: 'coach',
      name: 'Ada Lovelace',
      note: 'Leadership coach.\nTen years.',
    });
    expect(searchTextSchema.parse('  ada ')).toBe('ada');
    expect(auditQuerySchema.parse({ from: '2026-01-01T00:00:00Z' }).from).toBe(
      '2026-01-01T00:00:00Z',
    );
  });

  it('bounds the audit log range', () => {
    expect(auditQuerySchema.safeParse({ from: '0000-01-01T00:00:00Z' }).success).toBe(false);
    expect(
      auditQuerySchema.safeParse({ from: '2026-02-01T00:00:00Z', until: '2026-01-01T00:00:00Z' })
        .success,
    ).toBe(false);
  });

  it('checks every field of a backup: UUID ids, bounded dates, no NUL', () => {
    const entry = {
      id: '2f0c5a3e-9b1d-4c55-8a55-0a4fd1b7d001',
      email: 'ada@example.com',
      name: 'Ada',
      note: null,
      role: 'coach',
      status: 'approved',
      waitlistJoinedAt: null,
      approvedAt: '2026-01-02T00:00:00.000Z',
      approvedBy: 'admin@example.com',
      rejectedAt: null,
      notes: 'Line one\nline two',
      invitedAt: null,
      joinedAt: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
      invitationId: 'inv_0f8e7d6c5b4a39281706f5e4d3c2b1a0',
      joinedUserId: null,
    };
    expect(backupEntrySchema.parse(entry)).toEqual(entry);
    for (const change of [
      { id: 'not-a-uuid' },
      { id: '%00' },
      { createdAt: '0000-01-01T00:00:00.000Z' },
      { approvedAt: '1969-12-31T00:00:00.000Z' },
      { name: `A${NUL}` },
      { notes: NUL },
      { invitationId: '../x' },
      { joinedUserId: NUL },
      { extra: 1 },
    ])
      expect(
        backupEntrySchema.safeParse({ ...entry, ...change }).success,
        JSON.stringify(change),
      ).toBe(false);
    const document = {
      format: 'arete.waitlist-registry',
      version: 1,
      exportedAt: '2026-01-03T00:00:00.000Z',
      entries: [entry],
    };
    expect(registryBackupSchema.safeParse(document).success).toBe(true);
    expect(
      registryBackupSchema.safeParse({ ...document, exportedAt: '0000-01-01T00:00:00.000Z' })
        .success,
    ).toBe(false);
  });
});
