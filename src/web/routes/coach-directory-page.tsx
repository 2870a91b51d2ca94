import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ListedCoach } from '../../contract/relationships.ts';
import { PersonCell, RowAction, TruncatedText } from '../components/data-table/cells.tsx';
import { dataTableColumns } from '../components/data-table/columns.ts';
import { FilteredTable } from '../components/data-table/filtered-table.tsx';
import { useListState } from '../components/data-table/use-list-state.ts';
import { linkClass } from '../components/link-classes.ts';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { useCoachDirectory, useMemberRelationships } from '../hooks/use-relationships.ts';
import { useCurrentUser } from '../hooks/use-session.ts';
import {
  coachDirectorySpec,
  coachName,
  openCoachStatuses,
  RELATIONSHIP_PAGE_SIZE,
} from '../lib/relationships.ts';
import { AskCoachDialog } from './coach-directory/ask-coach-dialog.tsx';

const col = dataTableColumns<ListedCoach>();
const columns = col.columns([
  col.display({
    id: 'coach',
    header: 'Coach',
    cell: ({ row }) => <PersonCell name={coachName(row.original)} detail={row.original.headline} />,
  }),
  col.display({
    id: 'practice',
    header: 'Practice',
    cell: ({ row }) => (
      <TruncatedText text={row.original.practice.name} className="max-w-48 text-foreground" />
    ),
  }),
  col.display({
    id: 'specialties',
    header: 'Specialties',
    cell: ({ row }) => (
      <TruncatedText
        text={row.original.practice.specialties.join(', ')}
        className="text-muted-foreground"
      />
    ),
    // Takes the width left over, and cuts its text to it.
    meta: { className: 'w-full max-w-0 min-w-40' },
  }),
  col.display({
    id: 'experience',
    header: 'Experience',
    cell: ({ row }) => {
      const years = row.original.practice.experienceYears;
      return years === null ? '—' : `${years} year${years === 1 ? '' : 's'}`;
    },
    meta: { className: 'whitespace-nowrap text-muted-foreground' },
  }),
]);

/**
 * The coaches who list their practice, to search by specialty or name. A client asks one to work
 * with them; a coach they are already connected with (or asked) says so instead.
 */
export function CoachDirectoryPage() {
  const list = useListState(coachDirectorySpec);
  const { state } = list;
  const directory = useCoachDirectory(state);
  const user = useCurrentUser();
  const isClient = user?.role === 'client';
  const mine = useMemberRelationships(isClient);
  const open = useMemo(() => openCoachStatuses(mine.data?.data ?? []), [mine.data]);
  const [asking, setAsking] = useState<ListedCoach | null>(null);

  const caption = [
    state.specialty ? `, specialty “${state.specialty}”` : '',
    state.query ? `, matching “${state.query}”` : '',
  ].join('');

  return (
    <PageContainer>
      <PageHeader
        title="Find a coach"
        description={
          isClient
            ? 'Coaches who welcome new clients. Ask one to work with you.'
            : 'Coaches who list their practice for clients to find.'
        }
      />
      <div className="space-y-4 pb-16">
        <FilteredTable
          filtersLabel="Find coaches"
          filters={[
            { kind: 'text', key: 'query', label: 'Search', placeholder: 'Name or practice' },
            { kind: 'text', key: 'specialty', label: 'Specialty', placeholder: 'Leadership' },
          ]}
          spec={coachDirectorySpec}
          list={list}
          query={directory}
          pageSize={RELATIONSHIP_PAGE_SIZE}
          label="Coaches"
          captionDetail={caption}
          columns={columns}
          getRowId={(coach) => coach.identityUserId}
          pagesLabel="Coach directory pages"
          rowActions={
            isClient
              ? (coach) => {
                  const status = open.get(coach.identityUserId);
                  if (status) {
                    return (
                      <span className="text-xs whitespace-nowrap text-muted-foreground">
                        {status === 'pending' ? 'Waiting for an answer' : 'Your coach'}
                      </span>
                    );
                  }
                  return (
                    <RowAction tone="primary" onClick={() => setAsking(coach)}>
                      Ask to work with this coach
                      <span className="sr-only">: {coachName(coach)}</span>
                    </RowAction>
                  );
                }
              : undefined
          }
          empty={
            list.filtered ? (
              <p>No coach matches. Try another specialty, or fewer words.</p>
            ) : isClient ? (
              <p>
                No coach lists their practice yet.{' '}
                <Link to="/member/coaching" className={linkClass}>
                  Ask for a coach
                </Link>{' '}
                instead, and an admin finds one for you.
              </p>
            ) : (
              <p>No coach lists their practice yet.</p>
            )
          }
        />
      </div>
      <AskCoachDialog coach={asking} onClose={() => setAsking(null)} />
    </PageContainer>
  );
}
