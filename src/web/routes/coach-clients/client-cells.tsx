import type { RelationshipView } from '../../../contract/relationships.ts';
import { PersonCell } from '../../components/data-table/cells.tsx';
import { dataTableColumns } from '../../components/data-table/columns.ts';
import {
  RelationshipActionButtons,
  type RelationshipActions,
} from '../../components/relationships/relationship-actions.tsx';
import { partyName } from '../../lib/relationships.ts';

/*
 * What the coach's two tables of clients (the requests to answer, every client) show alike: who
 * the client is, and the actions the server allows on the relationship.
 */

const col = dataTableColumns<RelationshipView>();

/** The client's name, their email when it is not the name already, and a mail that failed. */
export const clientColumn = col.display({
  id: 'client',
  header: 'Client',
  cell: ({ row }) => <ClientCell relationship={row.original} />,
});

function ClientCell({ relationship }: { relationship: RelationshipView }) {
  const name = partyName(relationship.client);
  const email = relationship.client.email;
  return (
    <PersonCell name={name} detail={email !== name ? email : null}>
      {relationship.invitationError && (
        <span
          title={relationship.invitationError}
          className="block truncate text-xs font-medium text-danger"
        >
          Invitation mail not sent
        </span>
      )}
    </PersonCell>
  );
}

/** A row's actions, compact, named after the client ("Accept Ada Lovelace"). */
export function clientRowActions(actions: RelationshipActions) {
  return (relationship: RelationshipView) => (
    <RelationshipActionButtons
      relationship={relationship}
      name={partyName(relationship.client)}
      actions={actions}
      compact
    />
  );
}
