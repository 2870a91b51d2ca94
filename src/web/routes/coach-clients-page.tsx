import { Link } from 'react-router';
import type { RelationshipView } from '../../contract/relationships.ts';
import { DateCell, TruncatedText } from '../components/data-table/cells.tsx';
import { dataTableColumns } from '../components/data-table/columns.ts';
import { FilteredTable } from '../components/data-table/filtered-table.tsx';
import { useListState } from '../components/data-table/use-list-state.ts';
import { linkClass } from '../components/link-classes.ts';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ActionError } from '../components/page-state.tsx';
import { useRelationshipActions } from '../components/relationships/relationship-actions.tsx';
import { RelationshipStatusBadge } from '../components/relationships/relationship-status-badge.tsx';
import { useCoachRelationships } from '../hooks/use-relationships.ts';
import {
  coachClientsListSpec,
  RELATIONSHIP_PAGE_SIZE,
  RELATIONSHIP_STATUS_LABELS,
} from '../lib/relationships.ts';
import { clientColumn, clientRowActions, goalsColumn } from './coach-clients/client-cells.tsx';
import { GoalsAttention } from './coach-clients/goals-attention.tsx';
import { InviteClient } from './coach-clients/invite-client.tsx';
import { RequestsToAnswer } from './coach-clients/requests-to-answer.tsx';
import { StatusTabs } from './coach-clients/status-tabs.tsx';

const col = dataTableColumns<RelationshipView>();
const columns = col.columns([
  clientColumn,
  col.display({
    id: 'status',
    header: 'Status',
    cell: ({ row }) => <RelationshipStatusBadge status={row.original.status} />,
  }),
  goalsColumn,
  col.display({
    id: 'origin',
    header: 'Started by',
    cell: ({ row }) => (row.original.origin === 'invitation' ? 'Your invitation' : 'Their request'),
    meta: { className: 'whitespace-nowrap text-muted-foreground' },
  }),
  col.display({
    id: 'message',
    header: 'Message',
    cell: ({ row }) => (
      <TruncatedText text={row.original.message} className="text-muted-foreground" />
    ),
    // Takes the width left over, and cuts its text to it.
    meta: { className: 'w-full max-w-0 min-w-32' },
  }),
  col.display({
    id: 'since',
    header: 'Since',
    cell: ({ row }) => <DateCell iso={row.original.startedAt ?? row.original.createdAt} />,
    meta: { className: 'text-muted-foreground' },
  }),
]);

/**
 * A coach's clients: requests waiting for an answer first, then every relationship by status (with
 * counts), searchable and paged, with the actions the server allows on each row.
 */
export function CoachClientsPage() {
  const list = useListState(coachClientsListSpec);
  const { state } = list;
  const relationships = useCoachRelationships(state);
  const actions = useRelationshipActions();
  const caption = [
    state.status ? `, status ${RELATIONSHIP_STATUS_LABELS[state.status]}` : '',
    state.query ? `, matching “${state.query}”` : '',
  ].join('');

  return (
    <PageContainer>
      <PageHeader
        title="My clients"
        documentTitle="My clients · Coach"
        description="The clients you coach, invited or asking to work with you."
        actions={<InviteClient />}
      />
      <div className="space-y-6 pb-16">
        {actions.error && <ActionError message={actions.error} onDismiss={actions.dismissError} />}
        <RequestsToAnswer actions={actions} />
        <GoalsAttention />
        <div className="space-y-4">
          <StatusTabs list={list} counts={relationships.data?.counts} />
          <FilteredTable
            filtersLabel="Find clients"
            filters={[
              { kind: 'text', key: 'query', label: 'Search', placeholder: 'Name or email' },
            ]}
            spec={coachClientsListSpec}
            list={list}
            query={relationships}
            pageSize={RELATIONSHIP_PAGE_SIZE}
            label="Clients"
            captionDetail={caption}
            columns={columns}
            getRowId={(relationship) => relationship.id}
            pagesLabel="Client pages"
            rowActions={clientRowActions(actions)}
            empty={
              list.filtered ? (
                <p>No clients match. Try another status or search.</p>
              ) : (
                <p>
                  No clients yet. Invite one by email with “Invite a client”, or list your practice
                  in the coach directory from{' '}
                  <Link to="/organizations" className={linkClass}>
                    your practice’s settings
                  </Link>{' '}
                  so that clients can ask you.
                </p>
              )
            }
          />
        </div>
      </div>
      {actions.dialog}
    </PageContainer>
  );
}
