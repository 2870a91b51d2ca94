import { and, count, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type AuditEntry, auditLog, type NewAuditEntry } from './schema.ts';

/** Each of `actor` and `target` is one value or any of several (an empty list matches nothing). */
export type AuditFilter = {
  actor?: string | readonly string[];
  action?: string;
  target?: string | readonly string[];
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

function oneOrAny(
  column: typeof auditLog.actor | typeof auditLog.target,
  value: string | readonly string[],
): SQL {
  if (typeof value === 'string') return eq(column, value);
  // `IN ()` is not SQL: nothing can match an empty list.
  return value.length === 0 ? sql`false` : inArray(column, [...value]);
}

function whereOf(filter: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.actor !== undefined) conditions.push(oneOrAny(auditLog.actor, filter.actor));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.target !== undefined) conditions.push(oneOrAny(auditLog.target, filter.target));
  if (filter.from) conditions.push(gte(auditLog.createdAt, filter.from));
  if (filter.until) conditions.push(lt(auditLog.createdAt, filter.until));
  return and(...conditions);
}

/** Newest first. The audit log is the platform's own record, so it is read by admins only. */
export async function listAuditEntries(
  db: Database,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<AuditEntry[]> {
  return db
    .select()
    .from(auditLog)
    .where(whereOf(filter))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(page.limit)
    .offset(page.offset);
}

/** How many entries match: asked only when a page past the end needs to name the last one. */
export async function countAuditEntries(db: Database, filter: AuditFilter): Promise<number> {
  const [row] = await db.select({ value: count() }).from(auditLog).where(whereOf(filter));
  return row?.value ?? 0;
}

/**
 * Everyone who ever changed something (user ids and `cli:` logins), at most `limit`. A loose index
 * scan over `audit_log_actor_idx`: one index probe per distinct actor, however long the log is
 * (admins are few; their entries are many).
 */
export async function listDistinctActors(db: Database, limit: number): Promise<string[]> {
  const result = (await db.execute(sql`
    with recursive actors(actor) as (
      (select ${auditLog.actor} from ${auditLog} order by ${auditLog.actor} limit 1)
      union all
      select (
        select next.actor from ${auditLog} as next
        where next.actor > actors.actor
        order by next.actor
        limit 1
      )
      from actors
      where actors.actor is not null
    )
    select actor from actors where actor is not null limit ${limit}
  `)) as unknown as { rows: { actor: string }[] };
  return result.rows.map((row) => row.actor);
}
