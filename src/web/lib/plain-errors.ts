import { ApiRequestError } from './api-client.ts';

/**
 * Validator text in plain words. The contract's schemas say "must be at most 254 characters long";
 * zod's own messages say "Too big: expected string to have <=254 characters" or
 * `Invalid option: expected one of "coach"|"client"`, and the server's 400 answers quote them
 * after a path (`querystring.status`). None of that reaches a person: each message is read for
 * what it means (too long, missing, not one of the choices, …) and said again for the field it is
 * about. Nothing here imports zod, so any page may use it.
 */

/**
 * How a field is named in a sentence ("the email address"), and what to say when it is empty. A
 * list typed in one field names one of its items in `each` ("Each focus area"), for a message about
 * one item.
 */
export type FieldWords = { name: string; missing?: string; each?: string };

export type Reason =
  | { kind: 'too_long'; max: number }
  | { kind: 'too_short'; min: number }
  | { kind: 'too_many'; max: number }
  | { kind: 'missing' }
  | { kind: 'email' }
  | { kind: 'choice'; options: string[] }
  | { kind: 'control' }
  | { kind: 'date' }
  | { kind: 'duplicate'; row: number }
  | { kind: 'id' }
  | { kind: 'number' }
  | { kind: 'unknown' };

/** What a validator message means, whoever wrote it (the contract, zod, the server). */
export function reasonOf(message: string): Reason {
  const text = message.trim();
  let match = /at most (\d+) characters|<=\s*(\d+) characters/i.exec(text);
  if (match) return { kind: 'too_long', max: Number(match[1] ?? match[2]) };
  match = /at least (\d+) characters|>=\s*(\d+) characters/i.exec(text);
  if (match) {
    const min = Number(match[1] ?? match[2]);
    return min <= 1 ? { kind: 'missing' } : { kind: 'too_short', min };
  }
  // A list's length: the contract's "choose at most 10 focus areas", zod's "<=20 items".
  match = /at most (\d+) (?!characters)\p{L}|<=\s*(\d+) items/iu.exec(text);
  if (match) return { kind: 'too_many', max: Number(match[1] ?? match[2]) };
  if (/must not be empty|received undefined|required|at least one\b|>=\s*1 items?/i.test(text)) {
    return { kind: 'missing' };
  }
  if (/email/i.test(text)) return { kind: 'email' };
  if (/control characters|NUL characters|malformed Unicode/i.test(text)) return { kind: 'control' };
  match = /also on row (\d+)/i.exec(text);
  if (match) return { kind: 'duplicate', row: Number(match[1]) };
  if (/expected one of|expected "|invalid option|invalid enum/i.test(text)) {
    const options = [...text.matchAll(/"([^"]*)"/g)].map((found) => found[1] ?? '');
    return { kind: 'choice', options };
  }
  if (/between 1970|datetime|date/i.test(text)) return { kind: 'date' };
  if (/uuid|must be an id/i.test(text)) return { kind: 'id' };
  if (/expected number|expected int|too (big|small): expected number|NaN/i.test(text)) {
    return { kind: 'number' };
  }
  return { kind: 'unknown' };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function either(options: string[]): string {
  const quoted = options.map((option) => `“${option}”`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/** Under a field: the field is clear from where the text stands. */
export function messageUnderField(reason: Reason, field: FieldWords): string {
  switch (reason.kind) {
    case 'too_long':
      return `Use at most ${reason.max} characters.`;
    case 'too_short':
      return `Use at least ${reason.min} characters.`;
    case 'too_many':
      return `Use at most ${reason.max} items.`;
    case 'missing':
      return field.missing ?? `Enter ${field.name}.`;
    case 'email':
      return 'Enter an email address like name@example.com.';
    case 'choice':
      return (
        field.missing ??
        (reason.options.length > 0
          ? `Choose ${either(reason.options)}.`
          : 'Choose one of the options.')
      );
    case 'control':
      return 'Remove the invisible control characters (such as tabs) from it.';
    case 'date':
      return 'Enter a date between 1970 and 9999.';
    case 'duplicate':
      return `This email is also on row ${reason.row}.`;
    case 'id':
      return 'This is not a valid id.';
    case 'number':
      return 'Enter a whole number.';
    default:
      return `Check ${field.name}.`;
  }
}

/** In a sentence of its own: the field is named. */
export function sentenceFor(reason: Reason, field: FieldWords): string {
  const name = capitalise(field.name);
  switch (reason.kind) {
    case 'too_long':
      return `${name} is too long: at most ${reason.max} characters.`;
    case 'too_short':
      return `${name} is too short: at least ${reason.min} characters.`;
    case 'too_many':
      return `Too many items in ${field.name}: at most ${reason.max}.`;
    case 'missing':
      return `${name} is missing.`;
    case 'email':
      return `${name} is not a valid email address.`;
    case 'choice':
      return reason.options.length > 0
        ? `${name} must be ${either(reason.options)}.`
        : `${name} is not one of the choices.`;
    case 'control':
      return `${name} holds invisible control characters.`;
    case 'date':
      return `${name} is not a date between 1970 and 9999.`;
    case 'duplicate':
      return `The email is also on row ${reason.row}.`;
    case 'id':
      return `${name} is not a valid id.`;
    case 'number':
      return `${name} is not a whole number.`;
    default:
      return `${name} is not valid.`;
  }
}

const FIELD_WORDS: Record<string, FieldWords> = {
  email: { name: 'the email address', missing: 'Enter the email address.' },
  emails: { name: 'the email addresses' },
  role: { name: 'the role', missing: 'Choose a role.' },
  name: { name: 'the name' },
  note: { name: 'the note' },
  notes: { name: 'the notes' },
  query: { name: 'the search' },
  who: { name: 'who made the change' },
  actor: { name: 'the actor' },
  action: { name: 'the action' },
  target: { name: 'what was changed' },
  status: { name: 'the status' },
  sort: { name: 'the order' },
  order: { name: 'the order' },
  page: { name: 'the page number' },
  pageSize: { name: 'the page size' },
  to: { name: 'the recipient' },
  from: { name: 'the start date' },
  until: { name: 'the end date' },
  ids: { name: 'the selection' },
  format: { name: 'the file’s format' },
  version: { name: 'the file’s version' },
  exportedAt: { name: 'the backup date' },
  entries: { name: 'the entries' },
  users: { name: 'the users' },
  mode: { name: 'the import mode' },
  row: { name: 'the row' },
  message: { name: 'the message' },
  goals: { name: 'the goals' },
  focusAreas: { name: 'the focus areas' },
  preferredFormat: { name: 'the format' },
  availability: { name: 'the availability' },
  coachUserId: { name: 'the coach' },
  specialty: { name: 'the specialty' },
  title: { name: 'the title' },
  category: { name: 'the category', missing: 'Choose a category.' },
  sharedWithCoaches: { name: 'the sharing choice' },
  q: { name: 'the search' },
  file: { name: 'the file', missing: 'Choose a file to upload.' },
};

/**
 * The words for a field named by a path (`body.email`, `querystring.status`, `body.entries.3.role`):
 * its last named part; a list index on the way becomes "Entry 4:" in front.
 */
export function wordsForPath(path: string): { field: FieldWords; prefix: string } {
  const parts = path.split('.').filter(Boolean);
  const index = parts.findLastIndex((part) => /^\d+$/.test(part));
  const named = parts.filter(
    (part) => !/^\d+$/.test(part) && !['body', 'querystring', 'params', 'headers'].includes(part),
  );
  const last = named.at(-1) ?? '';
  const field = FIELD_WORDS[last] ?? { name: last ? `“${last}”` : 'a value' };
  const prefix = index >= 0 ? `Entry ${Number(parts[index]) + 1}: ` : '';
  return { field, prefix };
}

/** One issue of a server answer (`{ path, message }`) as a sentence. */
export function plainIssue(issue: { path: string; message: string }): string {
  const { field, prefix } = wordsForPath(issue.path);
  return `${prefix}${sentenceFor(reasonOf(issue.message), field)}`;
}

/** An import row's error as the server writes it (`email: must be a valid email address`). */
export function plainRowError(error: string): string {
  const split = error.indexOf(': ');
  if (split < 0) return sentenceFor(reasonOf(error), { name: 'this row' });
  return plainIssue({ path: error.slice(0, split), message: error.slice(split + 2) });
}

/** Whether asking again can help: the server or the network failed, or a limit was hit. */
export function isRetryable(error: Error): boolean {
  if (!(error instanceof ApiRequestError)) return true;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

/**
 * A failed request in plain words: validation issues said again field by field, the server's own
 * sentences as they are, and the request id to quote when the server failed.
 */
export function plainApiError(error: Error): string {
  if (!(error instanceof ApiRequestError)) return error.message;
  if (error.status === 400 && error.issues.length > 0) {
    const shown = error.issues.slice(0, 3).map(plainIssue);
    const more = error.issues.length - shown.length;
    return [...shown, ...(more > 0 ? [`And ${more} more.`] : [])].join(' ');
  }
  // A 400 without issues still quotes the validator; say what it means instead.
  if (error.status === 400 && /^Invalid request:/.test(error.message)) {
    return 'The request was not accepted: check what you entered and try again.';
  }
  if (error.status >= 500 && error.requestId) {
    return `${error.message} (request ${error.requestId})`;
  }
  return error.message;
}
