import { asc, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type WaitlistEntry, type WaitlistRole, waitlistEntries } from './schema.ts';

// The batched reads and writes of an import: a few statements per few hundred rows instead of two
// or three per row. The rows travel as one JSON parameter: binding thousands of separate
// parameters costs the embedded database about three times as much. The caller slices.

const asJson = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

function emailIn(emails: string[]): SQL {
  return sql`${waitlistEntries.email} in (select jsonb_array_elements_text(${asJson(emails)}))`;
}

/** The entries of these emails, as they are (nothing locked). */
export async function findEntriesByEmail(db: Database, emails: string[]): Promise<WaitlistEntry[]> {
  if (emails.length === 0) return [];
  return db.select().from(waitlistEntries).where(emailIn(emails));
}

/** Locks the entries of these emails until the transaction ends, in email order. */
export async function lockEntriesByEmail(tx: Database, emails: string[]): Promise<WaitlistEntry[]> {
  if (emails.length === 0) return [];
  return tx
    .select()
    .from(waitlistEntries)
    .where(emailIn(emails))
    .orderBy(asc(waitlistEntries.email))
    .for('update');
}

export type NewApproval = {
  email: string;
  name: string | null;
  notes: string | null;
  role: WaitlistRole;
};

/** Adds approved entries for the emails not there yet; returns the emails it added. */
export async function insertApproved(
  tx: Database,
  entries: NewApproval[],
  approval: { at: Date; by: string },
): Promise<Set<string>> {
  if (entries.length === 0) return new Set();
  const result = (await tx.execute(sql`
    insert into waitlist_entries (email, name, notes, role, status, approved_at, approved_by)
    select email, name, notes, role, 'approved', ${approval.at.toISOString()}::timestamptz, ${approval.by}
      from jsonb_to_recordset(${asJson(entries)})
        as entry(email text, name text, notes text, role text)
    on conflict (email) do nothing
    returning email`)) as unknown as { rows: { email: string }[] };
  return new Set(result.rows.map((row) => row.email));
}

/** New role and notes for an entry; `approve` also turns a waiting or rejected entry approved. */
export type ApprovalChange = {
  id: string;
  role: WaitlistRole;
  notes: string | null;
  approve: boolean;
};

/** Applies many changes in one statement; `approval` says who approves, and when. */
export async function applyApprovalChanges(
  tx: Database,
  changes: ApprovalChange[],
  approval: { at: Date; by: string },
): Promise<WaitlistEntry[]> {
  if (changes.length === 0) return [];
  const at = sql`${approval.at.toISOString()}::timestamptz`;
  return tx
    .update(waitlistEntries)
    .set({
      role: sql`change.role`,
      notes: sql`change.notes`,
      status: 'approved',
      approvedAt: sql`case when change.approve then ${at} else ${waitlistEntries.approvedAt} end`,
      approvedBy: sql`case when change.approve then ${approval.by} else ${waitlistEntries.approvedBy} end`,
      rejectedAt: sql`case when change.approve then null else ${waitlistEntries.rejectedAt} end`,
      updatedAt: at,
    })
    .from(
      sql`jsonb_to_recordset(${asJson(changes)})
        as change(id uuid, role text, notes text, approve boolean)`,
    )
    .where(sql`${waitlistEntries.id} = change.id`)
    .returning(getTableColumns(waitlistEntries));
}
