import type { Database } from '../../db/client.ts';
import { insertAuditEntries } from './repository.ts';

export type AuditRecord = {
  actor: string;
  action: string;
  target: string;
  before?: unknown;
  after?: unknown;
};

/** Records an admin change: who did what to which thing, with the state before and after. */
export function recordAudit(db: Database, entry: AuditRecord): Promise<void> {
  return recordAudits(db, [entry]);
}

/** Many changes at once (an import): one entry each, written in batches. */
export async function recordAudits(db: Database, entries: AuditRecord[]): Promise<void> {
  await insertAuditEntries(
    db,
    entries.map((entry) => ({
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      details: { before: entry.before ?? null, after: entry.after ?? null },
    })),
  );
}
