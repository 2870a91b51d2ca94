import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { emailSchema, type ImportReport, waitlistRoleSchema } from '../../../contract/waitlist.ts';
import { BadRequestError } from '../../http/errors.ts';
import type { Caller } from '../../identity/auth-plugin.ts';
import { type AuditRecord, recordAudits } from '../audit/service.ts';
import { APPROVED } from './approved-users.ts';
import { allEntries, insertIfNew, lockEntry, updateEntry } from './repository.ts';
import type { WaitlistEntry } from './schema.ts';
import { sendInvitation, type WaitlistDeps } from './service.ts';

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const importRowSchema = z.object({
  email: emailSchema,
  role: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
    waitlistRoleSchema,
  ),
  notes: z.preprocess(blankToUndefined, z.string().trim().max(2000).optional()),
  name: z.preprocess(blankToUndefined, z.string().trim().max(120).optional()),
});
type ImportRow = z.infer<typeof importRowSchema>;

/** CSV with a header row naming at least `email` and `role` (any order, any case). */
export function parseCsvRows(text: string): unknown[] {
  try {
    return parse(text, {
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (error) {
    throw new BadRequestError(`The CSV could not be read: ${(error as Error).message}`);
  }
}

type Outcome = ImportReport['rows'][number]['outcome'];

const DRY_RUN = Symbol('dry run');

function validateRows(rows: unknown[]) {
  const seen = new Map<string, number>();
  return rows.map((raw, index) => {
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
    return {
      row: index + 1,
      email,
      data: errors.length === 0 && parsed.success ? parsed.data : undefined,
      errors,
    };
  });
}

async function applyRow(
  tx: WaitlistDeps['db'],
  caller: Caller,
  row: ImportRow,
): Promise<{ outcome: Outcome; entry?: WaitlistEntry; audit?: AuditRecord }> {
  const approvedFields = {
    status: 'approved' as const,
    role: row.role,
    approvedAt: new Date(),
    approvedBy: caller.email,
    rejectedAt: null,
  };
  const inserted = await insertIfNew(tx, {
    ...approvedFields,
    email: row.email,
    name: row.name ?? null,
    notes: row.notes ?? null,
  });
  const audit = (before: unknown, after: WaitlistEntry): AuditRecord => ({
    actor: caller.userId,
    action: 'approved_users.import',
    target: `waitlist:${row.email}`,
    before,
    after: { status: after.status, role: after.role, notes: after.notes },
  });
  if (inserted) return { outcome: 'added', entry: inserted, audit: audit(null, inserted) };
  const current = await lockEntry(tx, { email: row.email });
  if (!current) throw new Error('the entry was neither inserted nor found');
  if (current.status === 'joined') return { outcome: 'skipped_joined' };
  const notes = row.notes ?? current.notes;
  if (current.status === 'approved' && current.role === row.role && current.notes === notes)
    return { outcome: 'unchanged', entry: current };
  const updated = await updateEntry(
    tx,
    current.id,
    current.status === 'approved' ? { role: row.role, notes } : { ...approvedFields, notes },
  );
  return {
    outcome: 'updated',
    entry: updated,
    audit: audit({ status: current.status, role: current.role, notes: current.notes }, updated),
  };
}

/**
 * Imports approved users. Every row is validated first; with `all-or-nothing` one bad row means
 * nothing changes. The valid rows apply in one transaction, then the newly approved are invited.
 */
export async function importApprovedUsers(
  deps: WaitlistDeps,
  caller: Caller,
  rows: unknown[],
  options: { mode: 'all-or-nothing' | 'valid-only'; dryRun: boolean; notify: boolean },
): Promise<ImportReport> {
  const checked = validateRows(rows);
  const invalid = checked.filter((row) => row.errors.length > 0).length;
  const apply =
    !options.dryRun && rows.length > 0 && (invalid === 0 || options.mode === 'valid-only');
  const outcomes = new Map<number, Outcome>();
  const approved: WaitlistEntry[] = [];
  if (checked.some((row) => row.data)) {
    try {
      await deps.db.transaction(async (tx) => {
        const audits: AuditRecord[] = [];
        for (const row of checked) {
          if (!row.data) continue;
          const result = await applyRow(tx, caller, row.data);
          outcomes.set(row.row, result.outcome);
          if (result.audit) audits.push(result.audit);
          if (result.entry && result.outcome !== 'unchanged') approved.push(result.entry);
        }
        await recordAudits(tx, audits);
        // What is not to be applied (a dry run, or a bad row with all-or-nothing) is still worked
        // out in full, so the report says exactly what each row would do, and then taken back.
        if (!apply) throw DRY_RUN;
      });
    } catch (error) {
      if (error !== DRY_RUN) throw error;
    }
    if (apply && options.notify) for (const entry of approved) await sendInvitation(deps, entry);
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
  if (format === 'json')
    return { contentType: 'application/json', body: JSON.stringify({ users }, null, 2) };
  return {
    contentType: 'text/csv; charset=utf-8',
    body: stringify(users, { header: true, columns: [...exportColumns] }),
  };
}
