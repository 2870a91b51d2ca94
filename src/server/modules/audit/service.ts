import type { Database } from '../../db/client.ts';
import { insertAuditEntry } from './repository.ts';

/** Records an admin change: who did what to which thing, with the state before and after. */
export async function recordAudit(
  db: Database,
  entry: { actor: string; action: string; target: string; before?: unknown; after?: unknown },
): Promise<void> {
  await insertAuditEntry(db, {
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    details: { before: entry.before ?? null, after: entry.after ?? null },
  });
}
