// Writes legacy users exports as real files, the way the legacy deployment's tools write them:
// `mongoexport` (JSON lines, Mongo extended JSON included), `mongoexport --jsonArray` and
// `mongoexport --type=csv` (objects as JSON in a cell, ObjectIds as `ObjectId(…)`).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { toCsv } from '../../../http/csv.ts';

/** Text written into the file exactly as given: a broken line, a broken cell. */
export class Raw {
  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }
}

export type LegacyFormatName = 'JSON lines' | 'JSON array' | 'CSV';

export const csvColumns = [
  '_id',
  'clerk_user_id',
  'email',
  'primary_role',
  'organization_roles',
  'session_auto_send_context',
  'created_at',
] as const;

/** Writes `entries` (each a document, or Raw) into `directory`; returns the file's path. */
export async function writeLegacyFile(
  directory: string,
  format: LegacyFormatName,
  entries: unknown[],
): Promise<string> {
  const name = { 'JSON lines': 'users.json', 'JSON array': 'users-array.json', CSV: 'users.csv' };
  const file = path.join(directory, name[format]);
  writeFileSync(file, await contentOf(format, entries));
  return file;
}

async function contentOf(format: LegacyFormatName, entries: unknown[]): Promise<string> {
  if (format === 'JSON lines')
    return `${entries.map((entry) => (entry instanceof Raw ? entry.text : JSON.stringify(entry))).join('\n')}\n`;
  if (format === 'JSON array') return `${JSON.stringify(entries, null, 2)}\n`;
  const rows = entries.map((entry) => {
    const document = entry as Record<string, unknown>;
    return Object.fromEntries(csvColumns.map((column) => [column, csvCell(document[column])]));
  });
  return toCsv(csvColumns, rows as Record<(typeof csvColumns)[number], string | null>[]);
}

function csvCell(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Raw) return value.text;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && '$oid' in value) return `ObjectId(${value.$oid})`;
  if (typeof value === 'object' && '$date' in value) return String(value.$date);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Where a person finds entry `index` (0-based) in a file of `format`, as the report names it. */
export function whereOf(format: LegacyFormatName, index: number): string {
  if (format === 'JSON lines') return `line ${index + 1}`;
  if (format === 'JSON array') return `record ${index + 1}`;
  return `row ${index + 2}`;
}
