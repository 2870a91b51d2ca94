import type { Database } from '../db/client.ts';
import { mailOutbox } from './schema.ts';

export async function insertOutboxMail(
  db: Database,
  mail: { to: string; subject: string; text: string },
): Promise<void> {
  await db.insert(mailOutbox).values({ ...mail, to: mail.to.toLowerCase() });
}
