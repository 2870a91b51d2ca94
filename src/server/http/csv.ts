import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CsvError, parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { BadRequestError } from './errors.ts';

/** How many rows are worked through between two turns of the event loop given to other requests. */
export const ROWS_PER_TURN = 500;

/** Lets the event loop serve other requests; call it every ROWS_PER_TURN rows of a long loop. */
export const yieldToOthers = () => nextTurn();

// A cell a spreadsheet may read as a formula (OWASP, "CSV Injection"): one starting with = + - @, a
// tab or a carriage return; also the full-width = + - @ that some spreadsheets fold into the ASCII
// ones, and any of these four after leading blanks (which some spreadsheets trim on import).
const FORMULA_START = /^'*(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;
const NEUTRALISED = /^'+(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/**
 * A leading single quote makes a spreadsheet show the cell as text. A cell that starts with quotes
 * before such a character gets one more, so that `restoreFormulaCell` gives back exactly what was
 * exported (csv-stringify's `escape_formulas` does not, for a value already starting with `'=`).
 */
export function neutraliseFormulaCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The inverse of `neutraliseFormulaCell`, applied to every cell a CSV import reads. */
export function restoreFormulaCell(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}

/** CSV with a header, every text cell neutralised; built in slices so other requests are served. */
export async function toCsv<Column extends string>(
  columns: readonly Column[],
  records: Record<Column, string | null>[],
): Promise<string> {
  const parts: string[] = [stringify([], { header: true, columns: [...columns] })];
  for (let start = 0; start < records.length; start += ROWS_PER_TURN) {
    if (start > 0) await yieldToOthers();
    const slice = records.slice(start, start + ROWS_PER_TURN).map((record) => {
      const cells: (string | null)[] = columns.map((column) => {
        const value = record[column];
        return value === null ? null : neutraliseFormulaCell(value);
      });
      return cells;
    });
    parts.push(stringify(slice));
  }
  return parts.join('');
}

const SLICE_CHARS = 64 * 1024;

/** The text in slices, never splitting a surrogate pair (each slice is valid UTF-16 on its own). */
function* slicesOf(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + SLICE_CHARS, text.length);
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff && end < text.length) end += 1;
    yield text.slice(start, end);
    start = end;
  }
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** A column name as a message quotes it: cut short, since it comes from the file. */
const quoted = (name: string) => JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);

/** Column names for a message: the first few. */
const names = (list: string[]) =>
  list.length === 0
    ? 'none'
    : `${list.slice(0, 8).map(quoted).join(', ')}${list.length > 8 ? `, and ${list.length - 8} more` : ''}`;

/** A csv-parse error in words for a person: what is wrong, and on which line and column. */
function describeCsvError(
  error: CsvError,
  header: string[] | undefined,
  read: { lines: number; emptyLines: number },
): string {
  const where = error as CsvError & {
    lines?: number;
    empty_lines?: number;
    column?: number | string;
    record?: unknown;
  };
  const line = where.lines;
  const index = typeof where.column === 'number' ? where.column : undefined;
  const column =
    index === undefined
      ? ''
      : header?.[index]
        ? ` in column ${index + 1} (${quoted(header[index])})`
        : ` in column ${index + 1}`;
  const onLine = line ? ` on line ${line}` : '';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED': {
      const start = read.lines + 1 + Math.max(0, (where.empty_lines ?? 0) - read.emptyLines);
      return `a quote opened${column} of the row on line ${start} is never closed (the file ends inside it); close the quote, and double any quote inside a value ("")`;
    }
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `a quoted value${column}${onLine} goes on after its closing quote; a quote inside a quoted value must be doubled ("")`;
    case 'INVALID_OPENING_QUOTE':
      return `a value${column}${onLine} has a quote in the middle; quote the whole value and double the quote inside it ("")`;
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const got = Array.isArray(where.record) ? where.record.length : undefined;
      const expected = header?.length;
      return got !== undefined && expected !== undefined
        ? `line ${line} has ${plural(got, 'value')} but the header has ${plural(expected, 'column')}; every line needs one value per column (leave a value empty, or quote a value that holds a comma)`
        : `a line${onLine} does not have one value per header column`;
    }
    default:
      return `the file is not valid CSV${onLine}${column}`;
  }
}

export type CsvTable = { header: string[]; rows: Record<string, string>[] };

/**
 * Reads a CSV whose first line is a header, a slice at a time, yielding to other requests as it
 * goes and stopping at the row after `maxRows`. Header names are trimmed and lower-cased; a
 * repeated name, or a missing one of `required`, is refused. Cells are trimmed, formula
 * neutralisation undone (`restoreFormulaCell`), and empty lines skipped. Every refusal is a
 * BadRequestError saying what is wrong and where.
 */
export async function readCsv(
  text: string,
  options: { required: readonly string[]; maxRows: number; tooManyRows: () => string },
): Promise<CsvTable> {
  let header: string[] | undefined;
  // Where the last whole record ended: an unclosed quote began in the record after it.
  let read = { lines: 0, emptyLines: 0 };
  const source = Readable.from(slicesOf(text));
  const parser = source.pipe(
    parse({
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
      // The header is checked as it is read, before anything after it (even an error) surfaces.
      on_record: (record: string[], info) => {
        header ??= checkedHeader(record, options.required);
        read = { lines: info.lines, emptyLines: info.empty_lines };
        return record;
      },
    }),
  );
  const rows: Record<string, string>[] = [];
  let first = true;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (first) {
        first = false;
        continue;
      }
      if (rows.length === options.maxRows) throw new BadRequestError(options.tooManyRows());
      const row: Record<string, string> = {};
      for (const [index, name] of (header as string[]).entries())
        if (name !== '') row[name] = restoreFormulaCell(record[index] ?? '');
      rows.push(row);
      if (rows.length % ROWS_PER_TURN === 0) await yieldToOthers();
    }
  } catch (error) {
    if (error instanceof CsvError)
      throw new BadRequestError(
        `The CSV could not be read: ${describeCsvError(error, header, read)}.`,
      );
    throw error;
  } finally {
    source.destroy();
    parser.destroy();
  }
  if (!header)
    throw new BadRequestError(
      `The CSV is empty: its first line must be a header naming the columns, at least ${options.required.join(' and ')}.`,
    );
  return { header, rows };
}

function checkedHeader(record: string[], required: readonly string[]): string[] {
  const header = record.map((name) => name.trim().toLowerCase());
  const first = new Map<string, number>();
  header.forEach((name, index) => {
    if (name === '') return;
    const earlier = first.get(name);
    if (earlier !== undefined)
      throw new BadRequestError(
        `The CSV header names the column ${quoted(name)} twice (columns ${earlier + 1} and ${index + 1}); keep one of them.`,
      );
    first.set(name, index);
  });
  const missing = required.filter((name) => !first.has(name));
  if (missing.length > 0) {
    throw new BadRequestError(
      `The CSV header has no ${missing.map(quoted).join(' or ')} column: the first line must name the columns, at least ${required.join(' and ')} (it names ${names(header.filter((name) => name !== ''))}).`,
    );
  }
  return header;
}
