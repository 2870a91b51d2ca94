import { useMemo } from 'react';
import { useParams } from 'react-router';
import { DataTable } from '../components/data-table/data-table.tsx';
import { ClientsLink, isRefused } from '../components/documents/not-available.tsx';
import { goalColumns } from '../components/goals/goal-columns.tsx';
import { GoalsNotAvailable } from '../components/goals/goals-not-available.tsx';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { useSharedGoals } from '../hooks/use-goals.ts';
import { useOwnRelationship } from '../hooks/use-relationships.ts';
import { clientGoalPath, clientGoalsPath, focusSummary } from '../lib/goals.ts';
import { partyName } from '../lib/relationships.ts';
import { ProposeGoal } from './client-goals/propose-goal.tsx';

/**
 * A coach's view of the goals one client shares (an active relationship only): each with its
 * status, progress and momentum, opening to its check-ins and comments; and a goal to propose.
 */
export function ClientGoalsPage() {
  const { relationshipId = '' } = useParams();
  const relationship = useOwnRelationship(relationshipId);
  const goals = useSharedGoals(relationshipId);
  const columns = useMemo(
    () =>
      goalColumns({ href: (goal) => clientGoalPath(relationshipId, goal.id), withStatus: true }),
    [relationshipId],
  );

  const inactive = relationship.data && relationship.data.status !== 'active';
  if (inactive || isRefused(goals.error) || isRefused(relationship.error)) {
    return <GoalsNotAvailable relationship={relationship.data} />;
  }

  const name = relationship.data ? partyName(relationship.data.client) : null;
  const list = goals.data;
  return (
    <PageContainer>
      <PageHeader
        title={<span className="break-words">{name ? `Goals of ${name}` : 'Shared goals'}</span>}
        documentTitle="Client goals · Coach"
        description={
          list
            ? `What your client shares with you · ${focusSummary(list.focus)}`
            : 'What your client chose to share with you.'
        }
        actions={
          <>
            <ClientsLink />
            {name && <ProposeGoal relationshipId={relationshipId} clientName={name} />}
          </>
        }
      />
      <div className="pb-16">
        <DataTable
          label="Shared goals"
          columns={columns}
          rows={list?.data}
          getRowId={(goal) => goal.id}
          query={goals}
          list={{
            pageHref: () => clientGoalsPath(relationshipId),
            resetHref: clientGoalsPath(relationshipId),
            filtered: false,
          }}
          page={undefined}
          pagesLabel="Shared goal pages"
          empty={
            <p>
              {name ?? 'Your client'} shares no goals with you yet. Propose one with “Propose a
              goal”: it appears here once they accept it.
            </p>
          }
        />
      </div>
    </PageContainer>
  );
}
