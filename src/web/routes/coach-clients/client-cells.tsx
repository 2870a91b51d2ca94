import { FileText, Target } from 'lucide-react';
import { Link } from 'react-router';
import type { RelationshipView } from '../../../contract/relationships.ts';
import { PersonCell, RowActions, rowActionClass } from '../../components/data-table/cells.tsx';
import { dataTableColumns } from '../../components/data-table/columns.ts';
import {
  RelationshipActionButtons,
  type RelationshipActions,
} from '../../components/relationships/relationship-actions.tsx';
import { sharedDocumentsPath } from '../../lib/documents.ts';
import { clientGoalsPath } from '../../lib/goals.ts';
import { partyName } from '../../lib/relationships.ts';

/*
 * What the coach's two tables of clients (the requests to answer, every client) show alike: who
 * the client is, and the actions the server allows on the relationship.
 */

const col = dataTableColumns<RelationshipView>();
const linkTone = 'border-border bg-surface text-foreground hover:bg-surface-muted';

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

/**
 * A row's actions, compact, named after the client ("Accept Ada Lovelace"); with an active client,
 * first the ways to the documents and goals they shared (the server lets the coach see them only
 * then).
 */
export function clientRowActions(actions: RelationshipActions) {
  return (relationship: RelationshipView) => {
    const name = partyName(relationship.client);
    return (
      <RowActions>
        {relationship.status === 'active' && (
          <>
            <Link
              to={clientGoalsPath(relationship.id)}
              aria-label={`Goals of ${name}`}
              className={`${rowActionClass} ${linkTone}`}
            >
              <Target aria-hidden="true" className="size-3.5" />
              Goals
            </Link>
            <Link
              to={sharedDocumentsPath(relationship.id)}
              aria-label={`Documents of ${name}`}
              className={`${rowActionClass} ${linkTone}`}
            >
              <FileText aria-hidden="true" className="size-3.5" />
              Documents
            </Link>
          </>
        )}
        <RelationshipActionButtons
          relationship={relationship}
          name={name}
          actions={actions}
          compact
        />
      </RowActions>
    );
  };
}
