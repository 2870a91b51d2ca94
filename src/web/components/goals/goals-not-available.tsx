import type { RelationshipView } from '../../../contract/relationships.ts';
import { partyName, RELATIONSHIP_STATUS_LABELS } from '../../lib/relationships.ts';
import { NotFoundState } from '../detail-states.tsx';
import { ClientsLink } from '../documents/not-available.tsx';

/**
 * Why a client's goals cannot be seen: the coaching is not active (paused, completed…), or there
 * is none of the coach's at this address (the server answers 404 for both; 400 for a bad id).
 */
export function GoalsNotAvailable({
  relationship,
  what = 'Goals',
}: {
  relationship: RelationshipView | undefined;
  what?: 'Goals' | 'Goal';
}) {
  const inactive = relationship && relationship.status !== 'active';
  return (
    <NotFoundState title={`${what} not available`} actions={<ClientsLink />}>
      {inactive
        ? `Coaching with ${partyName(relationship.client)} is ${RELATIONSHIP_STATUS_LABELS[relationship.status].toLowerCase()}. A client’s shared goals can be seen only while you coach them.`
        : 'There is nothing to see here: a client’s goals are seen only by their coach, while the coaching is active, and only those the client shares.'}
    </NotFoundState>
  );
}
