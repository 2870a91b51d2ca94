import { FileText, Target } from 'lucide-react';
import { Link } from 'react-router';
import type { RelationshipView } from '../../../contract/relationships.ts';
import { PersonCell, RowActions, rowActionClass } from '../../components/data-table/cells.tsx';
import { dataTableColumns } from '../../components/data-table/columns.ts';
import { MomentumBadge } from '../../components/goals/goal-badges.tsx';
import {
  RelationshipActionButtons,
  type RelationshipActions,
} from '../../components/relationships/relationship-actions.tsx';
import { useCoachClientGoals } from '../../hooks/use-goals.ts';
import { sharedDocumentsPath } from '../../lib/documents.ts';
import { clientGoalsPath, momentumOfClient } from '../../lib/goals.ts';
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
 * An active client's shared goals in progress: the worst momentum among them, and how many. Every
 * row reads the same one request (`useCoachClientGoals`).
 */
export const goalsColumn = col.display({
  id: 'goals',
  header: 'Goals',
  cell: ({ row }) =>
    row.original.status === 'active' ? (
      <ClientGoalsCell relationshipId={row.original.id} />
    ) : (
      <span className="text-muted-foreground">—</span>
    ),
  meta: { className: 'whitespace-nowrap' },
});

function ClientGoalsCell({ relationshipId }: { relationshipId: string }) {
  const goals = useCoachClientGoals();
  if (!goals.data) return <span className="text-muted-foreground">—</span>;
  const { inProgress, worst } = momentumOfClient(goals.data.data, relationshipId);
  if (inProgress === 0) return <span className="text-muted-foreground">None shared</span>;
  return (
    <span className="inline-flex items-center gap-2">
      <MomentumBadge momentum={worst} />
      <span className="text-muted-foreground">{inProgress} in progress</span>
    </span>
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
