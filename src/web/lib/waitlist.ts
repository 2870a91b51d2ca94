import type {
  BulkOutcome,
  BulkResult,
  ImportReport,
  WaitlistEntryView,
} from '../../contract/waitlist.ts';
import { type FieldErrors, validateEmail } from './sign-up-validation.ts';

export type WaitlistRole = WaitlistEntryView['role'];
export type WaitlistStatus = WaitlistEntryView['status'];

export const WAITLIST_ROLES: readonly WaitlistRole[] = ['coach', 'client'];
export const WAITLIST_STATUSES: readonly WaitlistStatus[] = [
  'pending',
  'approved',
  'rejected',
  'joined',
];

export const WAITLIST_STATUS_LABELS: Record<WaitlistStatus, string> = {
  pending: 'Pending',
  approved: 'Approved',
  rejected: 'Rejected',
  joined: 'Joined',
};

export function isWaitlistRole(value: unknown): value is WaitlistRole {
  return value === 'coach' || value === 'client';
}

export function isWaitlistStatus(value: unknown): value is WaitlistStatus {
  return typeof value === 'string' && (WAITLIST_STATUSES as readonly string[]).includes(value);
}

/* ------------------------------------------------------------------------------------------ */
/* Joining                                                                                     */
/* ------------------------------------------------------------------------------------------ */

// The limits of `joinWaitlistBodySchema` (src/contract/waitlist.ts).
export const WAITLIST_NAME_MAX_LENGTH = 120;
export const WAITLIST_NOTE_MAX_LENGTH = 2000;

export type WaitlistFormValues = { name: string; email: string; note: string };

export function validateWaitlistForm(values: WaitlistFormValues): FieldErrors<WaitlistFormValues> {
  const errors: FieldErrors<WaitlistFormValues> = {};
  if (values.name.trim().length > WAITLIST_NAME_MAX_LENGTH) {
    errors.name = `Use at most ${WAITLIST_NAME_MAX_LENGTH} characters.`;
  }
  const email = validateEmail(values.email);
  if (email) errors.email = email;
  const note = values.note.trim().length;
  if (note > WAITLIST_NOTE_MAX_LENGTH) {
    errors.note = `Use at most ${WAITLIST_NOTE_MAX_LENGTH} characters (${note} so far).`;
  }
  return errors;
}

/** The request body: optional fields left out when empty (the server refuses an empty name). */
export function joinBody(role: WaitlistRole, values: WaitlistFormValues) {
  const name = values.name.trim();
  const note = values.note.trim();
  return {
    email: values.email.trim(),
    role,
    ...(name ? { name } : {}),
    ...(note ? { note } : {}),
  };
}

/** The form field a validation issue's path (`body.email`) is about, if it is one of ours. */
export function waitlistFieldOf(path: string): keyof WaitlistFormValues | null {
  const field = path.replace(/^body\./, '');
  return field === 'name' || field === 'email' || field === 'note' ? field : null;
}

function roughly(seconds: number): string {
  if (seconds < 120) return '';
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return ` (about ${minutes} minutes)`;
  const hours = Math.round(minutes / 60);
  return ` (about ${hours} hour${hours === 1 ? '' : 's'})`;
}

/** What a 429 says, with the wait the server asked for (`Retry-After`). */
export function tooManyRequestsMessage(retryAfterSeconds: number | undefined): string {
  if (retryAfterSeconds === undefined) return 'Too many requests, try again in a few minutes.';
  const seconds = Math.max(1, retryAfterSeconds);
  return `Too many requests, try again in ${seconds} second${seconds === 1 ? '' : 's'}${roughly(seconds)}.`;
}

/* ------------------------------------------------------------------------------------------ */
/* Approving and rejecting                                                                     */
/* ------------------------------------------------------------------------------------------ */

export const BULK_OUTCOME_LABELS: Record<BulkOutcome, string> = {
  approved: 'approved',
  already_approved: 'already approved',
  rejected: 'rejected',
  already_rejected: 'already rejected',
  already_joined: 'already signed up',
  not_found: 'not found',
};

const OUTCOME_ORDER: BulkOutcome[] = [
  'approved',
  'rejected',
  'already_approved',
  'already_rejected',
  'already_joined',
  'not_found',
];

/** "2 approved, 1 already approved", what happened to invitations, and how it went overall. */
export function summarizeBulkResults(
  kind: 'approve' | 'reject',
  results: BulkResult['results'],
): { title: string; description: string; tone: 'success' | 'info' | 'error' } {
  const counts = new Map<BulkOutcome, number>();
  for (const result of results) counts.set(result.outcome, (counts.get(result.outcome) ?? 0) + 1);
  const title =
    OUTCOME_ORDER.filter((outcome) => counts.has(outcome))
      .map((outcome) => `${counts.get(outcome)} ${BULK_OUTCOME_LABELS[outcome]}`)
      .join(', ') || 'Nothing changed';
  const invited = results.filter((result) => result.invitationSent).length;
  const done = counts.get(kind === 'approve' ? 'approved' : 'rejected') ?? 0;
  const description =
    kind === 'approve'
      ? invited > 0
        ? `Sign-up invitation${invited === 1 ? '' : 's'} sent to ${invited} ${invited === 1 ? 'person' : 'people'}.`
        : 'No invitation was sent.'
      : done > 0
        ? 'Unused invitations of those rejected were withdrawn.'
        : 'Nobody was rejected.';
  // Nothing to do for an entry already in that state is no failure; an entry not found is.
  const tone = done === results.length ? 'success' : counts.has('not_found') ? 'error' : 'info';
  return { title, description, tone };
}

/* ------------------------------------------------------------------------------------------ */
/* Importing                                                                                   */
/* ------------------------------------------------------------------------------------------ */

export type ImportOutcome = ImportReport['rows'][number]['outcome'];

export const IMPORT_OUTCOME_LABELS: Record<ImportOutcome, string> = {
  added: 'Added',
  updated: 'Updated',
  unchanged: 'Unchanged',
  skipped_joined: 'Skipped (already signed up)',
  invalid: 'Error',
};

/** What a dry run says each row would do. */
export const IMPORT_PREVIEW_LABELS: Record<Exclude<ImportOutcome, 'invalid'>, string> = {
  added: 'Would be added',
  updated: 'Would be updated',
  unchanged: 'Would stay as it is',
  skipped_joined: 'Would be skipped (already signed up)',
};

/** How many rows of a report have errors, and how many could be imported. */
export function importRowCounts(report: ImportReport): {
  rows: number;
  invalid: number;
  valid: number;
} {
  const invalid = report.rows.filter((row) => row.outcome === 'invalid').length;
  return { rows: report.rows.length, invalid, valid: report.rows.length - invalid };
}

/** A dry run in one line: "3 rows: 2 would be added, 1 with errors." */
export function summarizePreview(report: ImportReport): string {
  if (report.rows.length === 0) return 'The file has no rows under its header.';
  const counts = new Map<ImportOutcome, number>();
  for (const row of report.rows) counts.set(row.outcome, (counts.get(row.outcome) ?? 0) + 1);
  const parts = (Object.keys(IMPORT_PREVIEW_LABELS) as Exclude<ImportOutcome, 'invalid'>[])
    .filter((outcome) => counts.has(outcome))
    .map((outcome) => `${counts.get(outcome)} ${IMPORT_PREVIEW_LABELS[outcome].toLowerCase()}`);
  const invalid = counts.get('invalid') ?? 0;
  if (invalid > 0) parts.push(`${invalid} with errors`);
  return `${report.rows.length} row${report.rows.length === 1 ? '' : 's'}: ${parts.join(', ')}.`;
}

/** What an import sends: CSV as it is, JSON as `{ users: [...] }` (a bare array is fine too). */
export type ImportPayload =
  | { kind: 'csv'; content: string }
  | { kind: 'json'; body: { users: unknown[] } };

export function importPayloadOf(
  text: string,
  filename?: string,
): { payload: ImportPayload } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'The file is empty. Choose another file or paste CSV.' };
  const looksJson =
    filename?.toLowerCase().endsWith('.json') ||
    (!filename?.toLowerCase().endsWith('.csv') && /^[[{]/.test(trimmed));
  if (!looksJson) return { payload: { kind: 'csv', content: text } };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch (error) {
    return { error: `The JSON could not be read: ${(error as Error).message}` };
  }
  if (Array.isArray(parsed)) return { payload: { kind: 'json', body: { users: parsed } } };
  const users = (parsed as { users?: unknown } | null)?.users;
  if (Array.isArray(users)) return { payload: { kind: 'json', body: { users } } };
  return { error: 'The JSON needs a "users" list: { "users": [{ "email": …, "role": … }] }.' };
}

/** The count of each outcome of an import report, for a one-line summary. */
export function summarizeImport(report: ImportReport): string {
  const invalid = report.rows.filter((row) => row.outcome === 'invalid').length;
  const rows = `${report.rows.length} row${report.rows.length === 1 ? '' : 's'}`;
  if (!report.applied) {
    if (report.rows.length === 0) return 'The file has no rows under its header.';
    return invalid === 0
      ? `${rows}, all valid.`
      : `${rows}: ${report.rows.length - invalid} valid, ${invalid} with errors.`;
  }
  const parts = (Object.keys(IMPORT_OUTCOME_LABELS) as ImportOutcome[])
    .filter((outcome) => (report.counts[outcome] ?? 0) > 0)
    .map((outcome) => `${report.counts[outcome]} ${IMPORT_OUTCOME_LABELS[outcome].toLowerCase()}`);
  return `${rows}: ${parts.join(', ')}.`;
}
