/** The audit actions the server records, in words for the filter and the list. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'waitlist.approve': 'Waitlist: approved',
  'waitlist.reject': 'Waitlist: rejected',
  'waitlist.restore': 'Waitlist: registry restored',
  'approved_users.add': 'Approved users: added',
  'approved_users.update': 'Approved users: changed',
  'approved_users.remove': 'Approved users: removed',
  'approved_users.import': 'Approved users: imported',
  'user.role.set': 'Users: role changed',
};

export type AuditChange = { field: string; before: string; after: string; changed: boolean };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One value as a person reads it: `—` for nothing, text as it is, the rest as JSON. */
export function formatAuditValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * `details: { before, after }` as one line per field, before → after. A side that is not an object
 * (`null` for "did not exist") shows as a single `(value)` line.
 */
export function describeAuditChanges(details: Record<string, unknown>): AuditChange[] {
  const hasSides = 'before' in details || 'after' in details;
  const before = hasSides ? details.before : null;
  const after = hasSides ? details.after : details;
  if (!isRecord(before) && !isRecord(after)) {
    return [
      {
        field: '(value)',
        before: formatAuditValue(before),
        after: formatAuditValue(after),
        changed: formatAuditValue(before) !== formatAuditValue(after),
      },
    ];
  }
  const fields = [
    ...new Set([
      ...(isRecord(before) ? Object.keys(before) : []),
      ...(isRecord(after) ? Object.keys(after) : []),
    ]),
  ];
  return fields.map((field) => {
    const from = formatAuditValue(isRecord(before) ? before[field] : undefined);
    const to = formatAuditValue(isRecord(after) ? after[field] : undefined);
    return { field, before: from, after: to, changed: from !== to };
  });
}

/** `yyyy-mm-dd` from a date input, as the ISO instant its day starts (local time). */
export function dayStartIso(day: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** `yyyy-mm-dd` as the instant the next day starts: `until` is exclusive, so that day counts. */
export function dayEndIso(day: string): string | undefined {
  const start = dayStartIso(day);
  if (!start) return undefined;
  const date = new Date(start);
  date.setDate(date.getDate() + 1);
  return date.toISOString();
}
