import { ArrowLeft } from 'lucide-react';
import { Link } from 'react-router';
import type { RelationshipView } from '../../../contract/relationships.ts';
import { ApiRequestError } from '../../lib/api-client.ts';
import { partyName, RELATIONSHIP_STATUS_LABELS } from '../../lib/relationships.ts';
import { buttonClasses } from '../button.tsx';
import { NotFoundState } from '../detail-states.tsx';

/*
 * A coach's view of a client's documents when it cannot be had: the relationship is not active,
 * or not the coach's. The server answers 404 then (400 for an address that is not an id).
 */

/** Back to the coach's clients. */
export function ClientsLink() {
  return (
    <Link to="/coach/clients" className={buttonClasses('secondary', 'sm')}>
      <ArrowLeft aria-hidden="true" className="size-4" />
      My clients
    </Link>
  );
}

/** The server answers 404 (400 for an address that is not an id) when the coach may not look. */
export function isRefused(error: Error | null): boolean {
  return error instanceof ApiRequestError && [400, 403, 404].includes(error.status);
}

/**
 * Why a client's documents cannot be read: the relationship is not active (paused, completed…),
 * or there is none of the coach's at this address. Said the same way on the list and on a document.
 */
export function DocumentsNotAvailable({
  relationship,
}: {
  relationship: RelationshipView | undefined;
}) {
  const inactive = relationship && relationship.status !== 'active';
  return (
    <NotFoundState title="Documents not available" actions={<ClientsLink />}>
      {inactive
        ? `Coaching with ${partyName(relationship.client)} is ${RELATIONSHIP_STATUS_LABELS[relationship.status].toLowerCase()}. A client’s shared documents can be read only while you coach them.`
        : 'There is nothing to read here: a client’s shared documents can be read only by their coach, while the coaching is active.'}
    </NotFoundState>
  );
}
