import { z } from 'zod';
import {
  emailSchema,
  IMPORT_MAX_ROWS,
  type ImportReport,
  noteSchema,
  personNameSchema,
  waitlistRoleSchema,
} from '../../../contract/waitlist.ts';
import { ROWS_PER_TURN, readCsv, toCsv, yieldToOthers } from '../../http/csv.ts';
import type { Caller } from '../../identity/auth-plugin.ts';
import { type AuditRecord, recordAudits } from '../audit/service.ts';
import { APPROVED } from './approved-users.ts';
import {
  type ApprovalChange,
  applyApprovalChanges,
  findEntriesByEmail,
  insertApproved,
  lockEntriesByEmail,
} from './bulk-repository.ts';
import { allEntries } from './repository.ts';
import type { WaitlistEntry } from './schema.ts';
import { queueInvitations, type WaitlistDeps } from './service.ts';

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const importRowSchema = z.object({
  email: emailSchema,
  role: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
    waitlistRoleSchema,
  ),
  notes: z.preprocess(blankToUndefined, noteSchema.optional()),
  name: z.preprocess(blankToUndefined, personNameSchema.optional()),
});
type ImportRow = z.infer<typeof importRowSchema>;

const split = `Split the file and import each part (an import takes at most ${IMPORT_MAX_ROWS.toLocaleString('en')} rows).`;

/** Why an import with `count` rows (or, unknown, more than the cap) is refused. */
export function tooManyRowsMessage(count?: number): string {
  return count === undefined
    ? `The CSV has more than ${IMPORT_MAX_ROWS.toLocaleString('en')} data rows. ${split}`
    : `The JSON has ${count.toLocaleString('en')} users. ${split}`;
}

/**
 * CSV with a header line naming at least `email` and `role` (any order, any case; other columns,
 * such as an export's, are ignored). Read as a stream, at most IMPORT_MAX_ROWS rows.
 */
export async function parseCsvRows(text: string): Promise<unknown[]> {
  const { rows } = await readCsv(text, {
    required: ['email', 'role'],
    maxRows: IMPORT_MAX_ROWS,
    tooManyRows: () => tooManyRowsMessage(),
  });
  return rows;
}

type Outcome = ImportReport['rows'][number]['outcome'];

type CheckedRow = { row: number; email: string | null; data?: ImportRow; errors: string[] };

async function validateRows(rows: unknown[]): Promise<CheckedRow[]> {
  const seen = new Map<string, number>();
  const checked: CheckedRow[] = [];
  for (const [index, raw] of rows.entries()) {
    if (index > 0 && index % ROWS_PER_TURN === 0) await yieldToOthers();
    const parsed = importRowSchema.safeParse(raw);
    const email = parsed.success
      ? parsed.data.email
      : typeof (raw as { email?: unknown })?.email === 'string'
        ? (raw as { email: string }).email
        : null;
    const errors = parsed.success
      ? []
      : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`);
    if (parsed.success) {
      const first = seen.get(parsed.data.email);
      if (first !== undefined) errors.push(`email: also on row ${first}`);
      else seen.set(parsed.data.email, index + 1);
    }
    checked.push({
      row: index + 1,
      email,
      data: errors.length === 0 && parsed.success ? parsed.data : undefined,
      errors,
    });
  }
  return checked;
}

type ValidRow = { row: number; data: ImportRow };

type Decision =
  | { outcome: 'added' | 'skipped_joined' | 'unchanged' }
  | { outcome: 'updated'; change: ApprovalChange };

/** What importing `row` does to the entry of its email as it is now (`undefined`: none yet). */
function decide(row: ImportRow, current: WaitlistEntry | undefined): Decision {
  if (!current) return { outcome: 'added' };
  if (current.status === 'joined') return { outcome: 'skipped_joined' };
  const notes = row.notes ?? current.notes;
  if (current.status === 'approved' && current.role === row.role && current.notes === notes)
    return { outcome: 'unchanged' };
  return {
    outcome: 'updated',
    change: { id: current.id, role: row.role, notes, approve: current.status !== 'approved' },
  };
}

/** The rows in email order (so two imports at once lock their common entries in one order), sliced. */
function* slicesOf(rows: ValidRow[]): Generator<ValidRow[]> {
  const sorted = rows.toSorted((a, b) =>
    a.data.email < b.data.email ? -1 : a.data.email > b.data.email ? 1 : 0,
  );
  for (let start = 0; start < sorted.length; start += ROWS_PER_TURN)
    yield sorted.slice(start, start + ROWS_PER_TURN);
}

/**
 * What each row would do, decided as the import decides it, from the entries as they are: a dry
 * run (or an all-or-nothing import with a bad row) writes nothing, locks nothing, and leaves the
 * database to other requests between slices.
 */
async function preview(db: WaitlistDeps['db'], rows: ValidRow[]): Promise<Map<number, Outcome>> {
  const outcomes = new Map<number, Outcome>();
  for (const slice of slicesOf(rows)) {
    const entries = await findEntriesByEmail(
      db,
      slice.map(({ data }) => data.email),
    );
    const current = new Map(entries.map((entry) => [entry.email, entry]));
    for (const { row, data } of slice)
      outcomes.set(row, decide(data, current.get(data.email)).outcome);
    await yieldToOthers();
  }
  return outcomes;
}

type Applied = { outcome: Outcome; entry?: WaitlistEntry };

/**
 * Applies the rows in one transaction, a slice at a time: add the new emails, lock the entries,
 * update those that change, and audit every change.
 */
async function applyAll(
  tx: WaitlistDeps['db'],
  caller: Caller,
  rows: ValidRow[],
): Promise<Map<number, Applied>> {
  const approval = { at: new Date(), by: caller.email };
  const audit = (email: string, before: unknown, after: WaitlistEntry): AuditRecord => ({
    actor: caller.userId,
    action: 'approved_users.import',
    target: `waitlist:${email}`,
    before,
    after: { status: after.status, role: after.role, notes: after.notes },
  });
  const results = new Map<number, Applied>();
  for (const slice of slicesOf(rows)) {
    const added = await insertApproved(
      tx,
      slice.map(({ data }) => ({
        email: data.email,
        name: data.name ?? null,
        notes: data.notes ?? null,
        role: data.role,
      })),
      approval,
    );
    const locked = await lockEntriesByEmail(
      tx,
      slice.map(({ data }) => data.email),
    );
    const current = new Map(locked.map((entry) => [entry.email, entry]));
    const audits: AuditRecord[] = [];
    const changing: { row: number; before: WaitlistEntry; change: ApprovalChange }[] = [];
    for (const { row, data } of slice) {
      const entry = current.get(data.email);
      if (!entry) throw new Error('the entry was neither inserted nor found');
      if (added.has(data.email)) {
        results.set(row, { outcome: 'added', entry });
        audits.push(audit(data.email, null, entry));
        continue;
      }
      const decision = decide(data, entry);
      if (decision.outcome === 'updated')
        changing.push({ row, before: entry, change: decision.change });
      else results.set(row, { outcome: decision.outcome, entry });
    }
    const updated = new Map(
      (
        await applyApprovalChanges(
          tx,
          changing.map(({ change }) => change),
          approval,
        )
      ).map((entry) => [entry.id, entry]),
    );
    for (const { row, before } of changing) {
      const after = updated.get(before.id);
      if (!after) throw new Error(`waitlist entry ${before.id} vanished inside its transaction`);
      results.set(row, { outcome: 'updated', entry: after });
      audits.push(
        audit(
          after.email,
          { status: before.status, role: before.role, notes: before.notes },
          after,
        ),
      );
    }
    await recordAudits(tx, audits);
    // The embedded database answers without ever giving the event loop a turn: give it one.
    await yieldToOthers();
  }
  return results;
}

/**
 * Imports approved users. Every row is validated first; with `all-or-nothing` one bad row means
 * nothing changes. The valid rows apply in one transaction, which also queues the newly approved
 * ones' invitations, so that a crash right after the commit loses none of them.
 * What is not applied (a dry run, or a bad row with all-or-nothing) is previewed: the report says
 * exactly what each row would do.
 */
export async function importApprovedUsers(
  deps: WaitlistDeps,
  caller: Caller,
  rows: unknown[],
  options: { mode: 'all-or-nothing' | 'valid-only'; dryRun: boolean; notify: boolean },
): Promise<ImportReport> {
  const checked = await validateRows(rows);
  const invalid = checked.filter((row) => row.errors.length > 0).length;
  const apply =
    !options.dryRun && rows.length > 0 && (invalid === 0 || options.mode === 'valid-only');
  const outcomes = new Map<number, Outcome>();
  const valid = checked.flatMap(({ row, data }) => (data ? [{ row, data }] : []));
  if (valid.length > 0 && apply) {
    let queued = 0;
    const results = await deps.db.transaction(async (tx) => {
      const applied = await applyAll(tx, caller, valid);
      if (options.notify) {
        const approved = [...applied.values()].flatMap((result) =>
          result.entry && (result.outcome === 'added' || result.outcome === 'updated')
            ? [result.entry]
            : [],
        );
        queued = (await queueInvitations(tx, approved)).size;
      }
      return applied;
    });
    if (queued > 0) deps.jobs.nudge();
    for (const [row, result] of results) outcomes.set(row, result.outcome);
  } else if (valid.length > 0) {
    for (const [row, outcome] of await preview(deps.db, valid)) outcomes.set(row, outcome);
  }
  const report: ImportReport = {
    applied: apply,
    counts: { added: 0, updated: 0, unchanged: 0, skipped_joined: 0, invalid },
    rows: checked.map((row) => ({
      row: row.row,
      email: row.email,
      outcome: row.errors.length > 0 ? 'invalid' : (outcomes.get(row.row) ?? 'unchanged'),
      errors: row.errors,
    })),
  };
  for (const outcome of outcomes.values())
    report.counts[outcome] = (report.counts[outcome] ?? 0) + 1;
  return report;
}

const exportColumns = [
  'email',
  'role',
  'status',
  'name',
  'notes',
  'approved_at',
  'approved_by',
  'joined_at',
] as const;

export async function exportApprovedUsers(deps: WaitlistDeps, format: 'csv' | 'json') {
  const entries = await allEntries(deps.db, { statuses: [...APPROVED] });
  const users = entries.map((entry) => ({
    email: entry.email,
    role: entry.role,
    status: entry.status,
    name: entry.name,
    notes: entry.notes,
    approved_at: entry.approvedAt?.toISOString() ?? null,
    approved_by: entry.approvedBy,
    joined_at: entry.joinedAt?.toISOString() ?? null,
  }));
  // JSON is the faithful copy (it re-imports as it is); in CSV a cell a spreadsheet would take for a
  // formula starts with a quote, which a CSV import takes off again.
  if (format === 'json')
    return { contentType: 'application/json', body: JSON.stringify({ users }, null, 2) };
  return { contentType: 'text/csv; charset=utf-8', body: await toCsv(exportColumns, users) };
}
