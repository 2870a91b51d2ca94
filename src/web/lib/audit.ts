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
  'user.ban': 'Users: banned',
  'user.unban': 'Users: unbanned',
  'relationship.invite': 'Coaching: coach invited a client',
  'relationship.request': 'Coaching: client asked a coach',
  'relationship.active': 'Coaching: active',
  'relationship.paused': 'Coaching: paused',
  'relationship.completed': 'Coaching: completed',
  'relationship.declined': 'Coaching: declined',
  'relationship.revoked': 'Coaching: invitation revoked',
  'relationship.expired': 'Coaching: invitation expired',
  'relationship.read': 'Coaching: read by an admin',
  'coaching_interest.update': 'Coaching interest: changed',
  'coaching_interest.match': 'Coaching interest: matched',
  'member.session_settings.update': 'Session settings: changed',
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
  const [year, month, dayOfMonth] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, dayOfMonth);
  // 2026-02-30 would roll over into March, and year 0050 be read as 1950: not that day.
  if (
    Number.isNaN(date.getTime()) ||
    date.getFullYear() !== year ||
    date.getDate() !== dayOfMonth ||
    date.getMonth() !== month - 1
  ) {
    return undefined;
  }
  return date.toISOString();
}

/** `yyyy-mm-dd` as the instant the next day starts: `until` is exclusive, so that day counts. */
export function dayEndIso(day: string): string | undefined {
  const start = dayStartIso(day);
  if (!start) return undefined;
  const date = new Date(start);
  date.setDate(date.getDate() + 1);
  return date.toISOString();
}

/** What a change was made to, as a person reads it: the kind of thing and the address it is about. */
export type AuditTargetView = {
  kind: string;
  /** The email address or id it is about (empty for the whole registry). */
  subject: string;
  /** What to put in the Target filter to see every change to it. */
  filter: string;
};

export function describeAuditTarget(
  target: string,
  targetUser: { email: string } | null,
): AuditTargetView {
  if (target === 'waitlist:registry')
    return { kind: 'Whole registry', subject: '', filter: target };
  if (target.startsWith('waitlist:')) {
    const email = target.slice('waitlist:'.length);
    return { kind: 'Registry entry', subject: email, filter: email };
  }
  if (target.startsWith('user:')) {
    return targetUser
      ? { kind: 'Account', subject: targetUser.email, filter: targetUser.email }
      : { kind: 'Account (deleted)', subject: target.slice('user:'.length), filter: target };
  }
  return { kind: '', subject: target, filter: target };
}

/** Who made a change, as a person reads it, and what to put in the Who filter to see theirs. */
export function describeAuditActor(
  actor: string,
  actorUser: { email: string; name: string | null } | null,
): { name: string; detail: string; filter: string } {
  if (actor.startsWith('cli:')) {
    const login = actor.slice('cli:'.length);
    return { name: 'Command line', detail: login, filter: login };
  }
  if (actorUser) {
    return {
      name: actorUser.name ?? actorUser.email,
      detail: actorUser.name ? actorUser.email : '',
      filter: actorUser.email,
    };
  }
  return { name: 'Deleted user', detail: actor, filter: actor };
}
