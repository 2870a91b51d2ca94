// Who may move a relationship where: the lifecycle of the contract, and which side acts at each step.
import {
  type RelationshipAction,
  type RelationshipStatus,
  relationshipTransitions,
} from '../../../contract/relationships.ts';
import { ConflictError } from '../../http/errors.ts';
import type { Relationship } from './schema.ts';

export type Side = 'coach' | 'client';

/** 409 naming what may follow the current status. */
export function refuseUnlessAllowed(from: RelationshipStatus, to: RelationshipStatus): void {
  if (relationshipTransitions[from].includes(to)) return;
  const allowed = relationshipTransitions[from];
  throw new ConflictError(
    allowed.length === 0
      ? `This relationship is ${from}: it can no longer change.`
      : `This relationship is ${from}: it can become ${allowed.join(', ')}, not ${to}.`,
  );
}

/** The side that started it: the coach invites, the client requests. */
export function initiatorOf(relationship: Pick<Relationship, 'origin'>): Side {
  return relationship.origin === 'invitation' ? 'coach' : 'client';
}

/** What `side` may do now, for the buttons of a page. */
export function allowedActions(
  relationship: Pick<Relationship, 'origin' | 'invitationId'>,
  status: RelationshipStatus,
  side: Side | null,
): RelationshipAction[] {
  if (!side) return [];
  switch (status) {
    case 'pending':
      if (side === initiatorOf(relationship))
        return [relationship.origin === 'invitation' ? 'revoke' : 'withdraw'];
      // An invitation is answered once the provider has sent it.
      if (relationship.origin === 'invitation' && !relationship.invitationId) return [];
      return ['accept', 'decline'];
    case 'active':
      return ['pause', 'complete'];
    case 'paused':
      return ['resume', 'complete'];
    default:
      return [];
  }
}
