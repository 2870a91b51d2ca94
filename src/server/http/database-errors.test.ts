import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/support/app.ts';
import { testConfig } from '../config.ts';
import { auditLog } from '../modules/audit/schema.ts';
import { errorForLog, isRefusedValue, redactQueryMessage, sqlStateOf } from './error-handler.ts';
import { loggerOptions } from './logging.ts';

const SECRET = 'grace.secret@example.com';
let app: Awaited<ReturnType<typeof createTestApp>>;
/** What the error handler logged as a warning or an error, per request id. */
const logged = new Map<string, { level: string; args: unknown[] }[]>();

/** The error the database raises for `query`, as the app's driver and Drizzle deliver it. */
async function failureOf(query: ReturnType<typeof sql>): Promise<unknown> {
  try {
    await app.database.db.execute(query);
  } catch (error) {
    return error;
  }
  throw new Error('the query did not fail');
}

/** A log line's fields as the configured logger writes them (its `err` serializer applied). */
function asLogged(fields: Record<string, unknown>): string {
  const { serializers } = loggerOptions(testConfig()) as {
    serializers: { err(error: unknown): unknown };
  };
  return JSON.stringify({ ...fields, err: serializers.err(fields.err) });
}

beforeAll(async () => {
  app = await createTestApp();
  app.addHook('onRequest', async (request) => {
    const entries: { level: string; args: unknown[] }[] = [];
    logged.set(String(request.id), entries);
    for (const level of ['warn', 'error'] as const) {
      const original = request.log[level].bind(request.log);
      request.log[level] = ((...args: unknown[]) => {
        entries.push({ level, args });
        return (original as (...a: unknown[]) => void)(...args);
      }) as typeof original;
    }
  });
  // Routes that hand the database a value it refuses, through Drizzle, as a service would.
  app.get('/api/test/nul', () =>
    app.database.db.insert(auditLog).values({
      actor: `${SECRET}\u0000`,
      action: 'test.nul',
      target: 'test',
      details: {},
    }),
  );
  app.get('/api/test/year-zero', () =>
    app.database.db.execute(sql`select ${'0000-01-01T00:00:00Z'}::timestamptz, ${SECRET}::text`),
  );
  app.get('/api/test/not-a-uuid', () => app.database.db.execute(sql`select ${`${SECRET}`}::uuid`));
  app.get('/api/test/missing-table', () =>
    app.database.db.execute(sql`select ${SECRET}::text from table_that_is_not_there`),
  );
  await app.ready();
});
afterAll(() => app.close());

describe('the database refusing a value', () => {
  it.each([
    ['/api/test/nul', '22021'],
    ['/api/test/year-zero', '22008'],
    ['/api/test/not-a-uuid', '22P02'],
  ])('%s answers 400 with a message for a person and nothing of the query', async (url, code) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body).toEqual({
      error: 'invalid_value',
      message: expect.stringMatching(/cannot be stored/),
      requestId: response.headers['x-request-id'],
    });
    // Without the request id: a random UUID may hold "22" and three digits, like a SQLSTATE.
    expect(response.body.replace(body.requestId, '')).not.toMatch(
      /grace|select|params|0x00|timestamptz|uuid|22\d\d\d/i,
    );

    const entries = logged.get(body.requestId) ?? [];
    expect(entries.map((entry) => entry.level)).toEqual(['warn']);
    const fields = (entries[0]?.args[0] ?? {}) as Record<string, unknown>;
    expect(fields.sqlState).toBe(code);
    expect(asLogged(fields)).not.toContain('grace');
  });

  it('a failure that is not about a value stays a 500, and its log line carries no parameters', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/test/missing-table' });
    expect(response.statusCode).toBe(500);
    expect(response.json().error).toBe('internal_error');
    expect(response.body).not.toMatch(/grace|table_that_is_not_there/);
    const entries = logged.get(response.json().requestId) ?? [];
    expect(entries.map((entry) => entry.level)).toEqual(['error']);
    const fields = (entries[0]?.args[0] ?? {}) as Record<string, unknown>;
    expect(fields.sqlState).toBe('42P01');
    const text = asLogged(fields);
    expect(text).not.toContain('grace');
    // What helps: the kind of error, the SQL with its placeholders, where it was thrown.
    expect(text).toContain('table_that_is_not_there');
    expect(text).toContain('params: [redacted]');
    expect(text).toContain('42P01');
  });
});

describe('reading database errors', () => {
  it('finds the SQLSTATE under Drizzle, on this driver', async () => {
    const nul = await failureOf(sql`select ${'a\u0000b'}::text`);
    expect((nul as Error).constructor.name).toBe('DrizzleQueryError');
    expect(sqlStateOf(nul)).toBe('22021');
    expect(sqlStateOf(await failureOf(sql`select ${'0000-01-01'}::date`))).toBe('22008');
    expect(sqlStateOf(await failureOf(sql`select ${'2026-13-45'}::date`))).toBe('22008');
    expect(sqlStateOf(await failureOf(sql`select ${'yesterday-ish'}::date`))).toBe('22007');
    expect(sqlStateOf(await failureOf(sql`select ${'99999999999'}::int`))).toBe('22003');
    expect(sqlStateOf(await failureOf(sql`select 'a' ~ ${'('}`))).toBe('2201B');
  });

  it('tells a refused value from other failures', () => {
    for (const code of ['22021', '22008', '22007', '22P02', '22001', '22003', '2201B', '54001'])
      expect(isRefusedValue(code), code).toBe(true);
    for (const code of [undefined, '23505', '42P01', '40001', '57014', '08006'])
      expect(isRefusedValue(code), code).toBe(false);
  });

  it('takes no Node or Fastify error code for a SQLSTATE', () => {
    expect(sqlStateOf(Object.assign(new Error('x'), { code: 'EPIPE' }))).toBeUndefined();
    expect(sqlStateOf(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBeUndefined();
    expect(sqlStateOf(Object.assign(new Error('x'), { code: 'FST_ERR_CTP_INVALID_JSON' }))).toBe(
      undefined,
    );
    expect(sqlStateOf(new Error('x', { cause: { code: '22021' } }))).toBe('22021');
    expect(sqlStateOf(null)).toBeUndefined();
  });
});

describe('what the log keeps of an error', () => {
  it('strips the parameters from a failed query', () => {
    expect(
      redactQueryMessage(
        `Failed query: insert into "audit_log" ("actor") values ($1)\nparams: ${SECRET},Ada,\nLovelace`,
      ),
    ).toBe('Failed query: insert into "audit_log" ("actor") values ($1)\nparams: [redacted]');
    expect(redactQueryMessage('connect ECONNREFUSED')).toBe('connect ECONNREFUSED');
  });

  it('keeps type, redacted message and stack, SQLSTATE and schema names; drops params and detail', async () => {
    const error = await failureOf(sql`select ${SECRET}::uuid`);
    const cause = (error as { cause: Record<string, unknown> }).cause;
    // The driver's own error carries the value too, in its message (and, on PGlite, as `params`).
    cause.detail = `Key (email)=(${SECRET}) already exists.`;
    const kept = errorForLog(error) as Record<string, unknown>;
    expect(kept).toMatchObject({
      name: 'DrizzleQueryError',
      message: 'Failed query: select $1::uuid\nparams: [redacted]',
      cause: { code: '22P02', message: 'invalid input syntax for type uuid: "[redacted]"' },
    });
    expect(kept.stack).toEqual(expect.stringContaining('database-errors.test.ts'));
    expect(JSON.stringify(kept)).not.toContain('grace');
    // As pino writes it under `err`.
    const written = pino.stdSerializers.err(kept as unknown as Error);
    expect(written).toMatchObject({ type: 'DrizzleQueryError' });
    expect(written.message).toContain('params: [redacted]');
    expect(JSON.stringify(written)).not.toContain('grace');
  });

  it('keeps an ordinary error as it is', () => {
    const kept = errorForLog(new Error('no "quotes" harmed', { cause: 'a reason' }));
    expect(kept).toMatchObject({ name: 'Error', message: 'no "quotes" harmed', cause: 'a reason' });
  });
});
