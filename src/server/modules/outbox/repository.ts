import { count, desc, ilike } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { containing } from '../../db/like.ts';
import { mailOutbox, type OutboxMail } from '../../mail/schema.ts';

/**
 * Unsafe: every recipient's mail, newest first. Only the admin outbox page may call it. `to` is
 * part of an address, in any case (addresses are stored lower-cased); the trigram index on
 * `mail_outbox.to` serves the search at any size.
 */
export async function unsafeListOutboxMail(
  db: Database,
  filter: { to?: string | undefined },
  page: { limit: number; offset: number },
): Promise<{ data: OutboxMail[]; totalCount: number }> {
  const to = filter.to?.trim();
  const where = to ? ilike(mailOutbox.to, containing(to.toLowerCase())) : undefined;
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
