// What a coach may reach of a client's data (their shared documents, goals): only through an
// active relationship of theirs. Paused, ended or someone else's: 404, as if it did not exist.
import type { Database } from '../../db/client.ts';
import { NotFoundError } from '../../http/errors.ts';
import type { Caller } from '../../identity/auth-plugin.ts';
import { findRelationship } from './repository.ts';

export async function activeClientOf(
  db: Database,
  caller: Pick<Caller, 'userId'>,
  relationshipId: string,
): Promise<{ clientUserId: string; relationshipId: string }> {
  const relationship = await findRelationship(db, relationshipId);
  if (
    !relationship ||
    relationship.coachUserId !== caller.userId ||
    relationship.status !== 'active' ||
    !relationship.clientUserId
  )
    throw new NotFoundError('Relationship');
  return { clientUserId: relationship.clientUserId, relationshipId };
}
