import type { Database } from '../db/client.ts';
import { enqueueJob, jobKind } from '../jobs/repository.ts';
import type { IdentityEvent } from './events.ts';

/**
 * Identity events are jobs of one kind, keyed by the event's own id (Clerk: the `svix-id`), so a
 * redelivered event is stored, and handled, once (for as long as the job runner keeps the row).
 */
export const identityEventJob = jobKind<IdentityEvent>('identity.event');

/**
 * Stores an event for delivery, in the caller's transaction when given one; a second store of the
 * same id is ignored. True if it was new.
 */
export async function storeIdentityEvent(db: Database, event: IdentityEvent): Promise<boolean> {
  return enqueueJob(db, { kind: identityEventJob, payload: event, key: event.id });
}
