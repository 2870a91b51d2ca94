import { count, desc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { mailOutbox, type OutboxMail } from './schema.ts';

export async function insertOutboxMail(
  db: Database,
  mail: { to: string; subject: string; text: string },
): Promise<void> {
  await db.insert(mailOutbox).values({ ...mail, to: mail.to.toLowerCase() });
}

/** Unsafe: every recipient's mail. Only the admin outbox page may call it. */
export async function unsafeListOutboxMail(
  db: Database,
  filter: { to?: string },
  page: { limit: number; offset: number },
): Promise<{ data: OutboxMail[]; totalCount: number }> {
  const where = filter.to ? eq(mailOutbox.to, filter.to.toLowerCase()) : undefined;
  const [data, [total]] = await Promise.all([
    db
      .select()
      .from(mailOutbox)
      .where(where)
      .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ value: count() }).from(mailOutbox).where(where),
  ]);
  return { data, totalCount: total?.value ?? 0 };
}
