// Reads a legacy users export into records, each with where it sits in the file: a JSON array
// (`mongoexport --jsonArray`), JSON lines (plain `mongoexport`, one document a line, Mongo extended
// JSON included) or CSV (`mongoexport --type=csv`, or a spreadsheet) with a header line.
import { readFile } from 'node:fs/promises';
import { readCsv } from '../../http/csv.ts';
import { BadRequestError } from '../../http/errors.ts';

export type LegacyFormat = 'JSON array' | 'JSON lines' | 'CSV';

/** `where` is what a person finds in the file: `line 3`, `record 3` or `row 3`. */
export type SourceRecord =
  | { where: string; value: unknown }
  | { where: string; unreadable: string };

export type LegacyFile = { format: LegacyFormat; records: SourceRecord[] };

/** The file as a whole cannot be read: nothing in it is migrated. */
export class LegacyFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LegacyFileError';
  }
}

// Far above any real user base; it only stops a wrong file (a database dump) from filling memory.
export const MAX_RECORDS = 1_000_000;
const tooMany = () =>
  `the file holds more than ${MAX_RECORDS.toLocaleString('en')} records; split it and migrate each part`;

export async function readLegacyFile(file: string): Promise<LegacyFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new LegacyFileError(`cannot read ${file}: ${(error as Error).message}`);
  }
  return parseLegacyText(text, file);
}

/** Picks the format from the extension (`.csv`) or else the first character, and reads it. */
export async function parseLegacyText(text: string, fileName: string): Promise<LegacyFile> {
  const content = text.replace(/^\uFEFF/, '');
  const first = content.trimStart()[0];
  if (first === undefined) throw new LegacyFileError(`${fileName} is empty`);
  if (/\.csv$/i.test(fileName) || (first !== '[' && first !== '{')) {
    return { format: 'CSV', records: await csvRecords(content) };
  }
  if (first === '[') return { format: 'JSON array', records: arrayRecords(content, fileName) };
  return { format: 'JSON lines', records: jsonLineRecords(content) };
}

function arrayRecords(content: string, fileName: string): SourceRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    throw new LegacyFileError(`${fileName} is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed)) throw new LegacyFileError(`${fileName} is not a JSON array`);
  if (parsed.length > MAX_RECORDS) throw new LegacyFileError(tooMany());
  return parsed.map((value, index) => ({
    where: `record ${index + 1}`,
    value: fromExtendedJson(value),
  }));
}

function jsonLineRecords(content: string): SourceRecord[] {
  const records: SourceRecord[] = [];
  for (const [index, line] of content.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    if (records.length === MAX_RECORDS) throw new LegacyFileError(tooMany());
    const where = `line ${index + 1}`;
    try {
      records.push({ where, value: fromExtendedJson(JSON.parse(line)) });
    } catch {
      // One broken line is one invalid record: the others are still worth migrating.
      records.push({ where, unreadable: 'is not valid JSON' });
    }
  }
  return records;
}

async function csvRecords(content: string): Promise<SourceRecord[]> {
  let table: Awaited<ReturnType<typeof readCsv>>;
  try {
    table = await readCsv(content, { required: [], maxRows: MAX_RECORDS, tooManyRows: tooMany });
  } catch (error) {
    if (error instanceof BadRequestError) throw new LegacyFileError(error.message);
    throw error;
  }
  if (!table.header.includes('clerk_user_id') && !table.header.includes('email')) {
    throw new LegacyFileError(
      `the CSV header names neither clerk_user_id nor email (it names ${table.header.filter(Boolean).join(', ')}); the first line must name the columns`,
    );
  }
  // Rows are numbered as a spreadsheet shows them: the header is row 1.
  return table.rows.map((row, index) => ({ where: `row ${index + 2}`, value: typedCells(row) }));
}

/** CSV cells are text: the object (as JSON, as mongoexport writes it) and the boolean are typed. */
function typedCells(row: Record<string, string>): Record<string, unknown> {
  const typed: Record<string, unknown> = { ...row };
  const roles = row.organization_roles;
  if (roles) {
    try {
      typed.organization_roles = JSON.parse(roles);
    } catch {
      // Left as text: validation then says it must be an object, naming the field.
    }
  }
  const flag = row.session_auto_send_context?.toLowerCase();
  if (flag === 'true' || flag === 'false') typed.session_auto_send_context = flag === 'true';
  return typed;
}

/**
 * Mongo extended JSON (relaxed or canonical) to plain values: `{"$oid": …}` → the hex id,
 * `{"$date": …}` → an ISO date string, `{"$numberInt": "1"}` and its kin → a number. Anything else
 * stays as it is, recursively.
 */
export function fromExtendedJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromExtendedJson);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  const [only] = entries;
  if (entries.length === 1 && only) {
    const [key, inner] = only;
    if (key === '$oid' && typeof inner === 'string') return inner;
    if (key === '$date') return dateOf(inner) ?? value;
    if (['$numberInt', '$numberLong', '$numberDouble', '$numberDecimal'].includes(key)) {
      const number = Number(inner);
      return Number.isNaN(number) ? value : number;
    }
  }
  return Object.fromEntries(entries.map(([key, inner]) => [key, fromExtendedJson(inner)]));
}

function dateOf(value: unknown): string | undefined {
  const raw = fromExtendedJson(value);
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
