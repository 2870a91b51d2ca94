import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromExtendedJson, LegacyFileError, parseLegacyText, readLegacyFile } from './parse.ts';

const directory = mkdtempSync(path.join(tmpdir(), 'arete-legacy-parse-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function written(name: string, text: string): string {
  const file = path.join(directory, name);
  writeFileSync(file, text);
  return file;
}

async function refusal(file: string): Promise<string> {
  const error = await readLegacyFile(file).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(LegacyFileError);
  return (error as Error).message;
}

describe('JSON lines, as mongoexport writes them', () => {
  it('numbers records by their line, skips blank lines, and reads Mongo extended JSON', async () => {
    const file = written(
      'users.json',
      '\uFEFF{"_id":{"$oid":"65f0c0ffee0000000000000a"},"email":"ada@example.com","created_at":{"$date":"2024-03-01T10:00:00Z"}}\r\n' +
        '\r\n' +
        '{"email":"bob@example.com","created_at":{"$date":{"$numberLong":"1709287200000"}},"logins":{"$numberInt":"3"}}\n' +
        '{"email": "broken@example.com",\n',
    );
    expect(await readLegacyFile(file)).toEqual({
      format: 'JSON lines',
      records: [
        {
          where: 'line 1',
          value: {
            _id: '65f0c0ffee0000000000000a',
            email: 'ada@example.com',
            created_at: '2024-03-01T10:00:00.000Z',
          },
        },
        {
          where: 'line 3',
          value: { email: 'bob@example.com', created_at: '2024-03-01T10:00:00.000Z', logins: 3 },
        },
        { where: 'line 4', unreadable: 'is not valid JSON' },
      ],
    });
  });
});

describe('a JSON array, as mongoexport --jsonArray writes it', () => {
  it('numbers records from 1 and keeps what is not an object for validation to refuse', async () => {
    const file = written(
      'users-array.json',
      JSON.stringify([{ email: 'ada@example.com', _id: { $oid: 'abc' } }, 'not a user'], null, 2),
    );
    expect(await readLegacyFile(file)).toEqual({
      format: 'JSON array',
      records: [
        { where: 'record 1', value: { email: 'ada@example.com', _id: 'abc' } },
        { where: 'record 2', value: 'not a user' },
      ],
    });
  });

  it('refuses a broken array as a whole, saying where JSON.parse stopped', async () => {
    const message = await refusal(written('broken-array.json', '[{"email": "ada@example.com"},'));
    expect(message).toMatch(/^.*broken-array\.json is not valid JSON: .+/);
  });
});

describe('CSV', () => {
  it('numbers rows as a spreadsheet does and types the object and boolean cells', async () => {
    const file = written(
      'users.csv',
      '_id,clerk_user_id,Email,primary_role,organization_roles,session_auto_send_context\n' +
        'ObjectId(65f0),user_1,ada@example.com,coach,"{""org_1"":""admin""}",TRUE\n' +
        ',,bob@example.com,,{org_1: admin},maybe\n',
    );
    expect(await readLegacyFile(file)).toEqual({
      format: 'CSV',
      records: [
        {
          where: 'row 2',
          value: {
            _id: 'ObjectId(65f0)',
            clerk_user_id: 'user_1',
            email: 'ada@example.com',
            primary_role: 'coach',
            organization_roles: { org_1: 'admin' },
            session_auto_send_context: true,
          },
        },
        {
          where: 'row 3',
          value: {
            _id: '',
            clerk_user_id: '',
            email: 'bob@example.com',
            primary_role: '',
            // Not JSON: kept as text, for validation to refuse with the field's name.
            organization_roles: '{org_1: admin}',
            session_auto_send_context: 'maybe',
          },
        },
      ],
    });
  });

  it('is recognised by its content when the extension says nothing', async () => {
    const parsed = await parseLegacyText('email\nada@example.com\n', 'export.txt');
    expect(parsed).toEqual({
      format: 'CSV',
      records: [{ where: 'row 2', value: { email: 'ada@example.com' } }],
    });
  });

  it('refuses a header with neither clerk_user_id nor email', async () => {
    expect(await refusal(written('no-key.csv', 'name,primary_role\nAda,coach\n'))).toBe(
      'the CSV header names neither clerk_user_id nor email (it names name, primary_role); the first line must name the columns',
    );
  });

  it('refuses a CSV that cannot be read, with the CSV helper’s reason', async () => {
    expect(
      await refusal(written('unclosed.csv', 'email,primary_role\n"ada@example.com,coach\n')),
    ).toBe(
      'The CSV could not be read: a quote opened in column 1 ("email") of the row on line 2 is never closed (the file ends inside it); close the quote, and double any quote inside a value ("").',
    );
  });
});

describe('files that hold nothing to read', () => {
  it('refuses an empty file and one that does not exist', async () => {
    const empty = written('empty.json', ' \n\n');
    expect(await refusal(empty)).toBe(`${empty} is empty`);
    const missing = path.join(directory, 'missing.json');
    expect(await refusal(missing)).toMatch(
      new RegExp(`^cannot read ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ENOENT`),
    );
  });
});

describe('fromExtendedJson', () => {
  it('turns canonical and relaxed extended JSON into plain values, deep inside too', () => {
    expect(
      fromExtendedJson({
        _id: { $oid: '65f0' },
        nested: [{ at: { $date: 0 } }, { n: { $numberDouble: '1.5' } }],
        notExtended: { $oid: 'x', other: 1 },
        badDate: { $date: 'yesterday' },
      }),
    ).toEqual({
      _id: '65f0',
      nested: [{ at: '1970-01-01T00:00:00.000Z' }, { n: 1.5 }],
      notExtended: { $oid: 'x', other: 1 },
      badDate: { $date: 'yesterday' },
    });
  });
});
