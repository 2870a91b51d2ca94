import { useId, useMemo } from 'react';
import { useParams } from 'react-router';
import { DataTable } from '../components/data-table/data-table.tsx';
import { ClientsLink, isRefused } from '../components/documents/not-available.tsx';
import { AiPrivacySetting } from '../components/goals/ai-privacy-setting.tsx';
import { goalColumns } from '../components/goals/goal-columns.tsx';
import { GoalsNotAvailable } from '../components/goals/goals-not-available.tsx';
import { SharedDiscovery } from '../components/goals/shared-discovery.tsx';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { useSharedGoals } from '../hooks/use-goals.ts';
import { useOwnRelationship } from '../hooks/use-relationships.ts';
import { clientGoalPath, clientGoalsPath, focusSummary } from '../lib/goals.ts';
import { partyName } from '../lib/relationships.ts';
import { ProposeGoal } from './client-goals/propose-goal.tsx';

/**
 * A coach's view of the goals one client shares (an active relationship only): each with its
 * status, progress and momentum, opening to its check-ins and comments; a goal to propose; the
 * client's questionnaire when shared; and the coach's side of the AI privacy level.
 */
export function ClientGoalsPage() {
  const { relationshipId = '' } = useParams();
  const relationship = useOwnRelationship(relationshipId);
  const goals = useSharedGoals(relationshipId);
  const questionnaireId = useId();
  const privacyId = useId();
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
        {name && (
          <div className="mt-10 grid gap-8 lg:grid-cols-2">
            <section aria-labelledby={questionnaireId} className="min-w-0 space-y-3">
              <h2 id={questionnaireId} className="text-base font-semibold text-foreground">
                Discovery questionnaire
              </h2>
              <SharedDiscovery relationshipId={relationshipId} clientName={name} />
            </section>
            <section aria-labelledby={privacyId} className="min-w-0 space-y-3">
              <h2 id={privacyId} className="text-base font-semibold text-foreground">
                AI goal suggestions
              </h2>
              <AiPrivacySetting relationshipId={relationshipId} side="coach" otherName={name} />
            </section>
          </div>
        )}
      </div>
    </PageContainer>
  );
}
