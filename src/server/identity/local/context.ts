import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { storeIdentityEvent } from '../event-store.ts';
import type { IdentityEvent } from '../events.ts';

/** What the parts of the local provider share. */
export type LocalContext = {
  db: Database;
  mailer: Mailer;
  publicUrl: string;
  /** Wakes the event worker once a transaction that stored events has committed. */
  eventsStored(): void;
};

type Without<E> = E extends unknown ? Omit<E, 'id' | 'occurredAt'> : never;

/** Stores an event in the caller's transaction, so that the change and its event commit together. */
export async function recordEvent(tx: Database, event: Without<IdentityEvent>): Promise<void> {
  await storeIdentityEvent(tx, {
    ...event,
    id: `evt_${randomUUID()}`,
    occurredAt: new Date().toISOString(),
  } as IdentityEvent);
}

export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '')}`;
}
