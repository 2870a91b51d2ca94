import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type AuditEntry, auditLog, type NewAuditEntry } from './schema.ts';

export type AuditFilter = {
  actor?: string;
  action?: string;
  target?: string;
  from?: Date;
  until?: Date;
};

export async function insertAuditEntries(
  db: Database,
  entries: NewAuditEntry[],
): Promise<AuditEntry[]> {
  const CHUNK = 500;
  const stored: AuditEntry[] = [];
  for (let start = 0; start < entries.length; start += CHUNK) {
    stored.push(
      ...(await db
        .insert(auditLog)
        .values(entries.slice(start, start + CHUNK))
        .returning()),
    );
  }
  return stored;
}

/** Newest first. The audit log is the platform's own record, so it is read by admins only. */
export async function listAuditEntries(
  db: Database,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<AuditEntry[]> {
  const conditions: SQL[] = [];
  if (filter.actor) conditions.push(eq(auditLog.actor, filter.actor));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.target) conditions.push(eq(auditLog.target, filter.target));
  if (filter.from) conditions.push(gte(auditLog.createdAt, filter.from));
  if (filter.until) conditions.push(lt(auditLog.createdAt, filter.until));
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(page.limit)
    .offset(page.offset);
}
