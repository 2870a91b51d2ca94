import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ListedCoach } from '../../contract/relationships.ts';
import { RowAction, TruncatedText } from '../components/data-table/cells.tsx';
import { dataTableColumns } from '../components/data-table/columns.ts';
import { DataTable } from '../components/data-table/data-table.tsx';
import { ListFilters } from '../components/data-table/list-filters.tsx';
import { ListProblems } from '../components/data-table/list-problems.tsx';
import { useListState } from '../components/data-table/use-list-state.ts';
import { linkClass } from '../components/link-classes.ts';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { useCoachDirectory, useMemberRelationships } from '../hooks/use-relationships.ts';
import { useCurrentUser } from '../hooks/use-session.ts';
import {
  coachDirectorySpec,
  openCoachStatuses,
  RELATIONSHIP_PAGE_SIZE,
} from '../lib/relationships.ts';
import { AskCoachDialog } from './coach-directory/ask-coach-dialog.tsx';

const coachName = (coach: ListedCoach) => `${coach.firstName} ${coach.lastName}`.trim();

const col = dataTableColumns<ListedCoach>();
const columns = col.columns([
  col.display({
    id: 'coach',
    header: 'Coach',
    cell: ({ row }) => (
      <span className="block max-w-56">
        <span className="block truncate font-medium text-foreground">
          {coachName(row.original)}
        </span>
        <TruncatedText
          text={row.original.headline}
          empty=""
          className="text-xs text-muted-foreground"
        />
      </span>
    ),
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

  const data = directory.data;
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
        <ListFilters
          label="Find coaches"
          spec={coachDirectorySpec}
          list={list}
          fields={[
            { kind: 'text', key: 'query', label: 'Search', placeholder: 'Name or practice' },
            { kind: 'text', key: 'specialty', label: 'Specialty', placeholder: 'Leadership' },
          ]}
        />
        <ListProblems list={list} />
        <DataTable
          label="Coaches"
          captionDetail={caption}
          columns={columns}
          rows={data?.data}
          getRowId={(coach) => coach.identityUserId}
          query={directory}
          list={list}
          pagesLabel="Coach directory pages"
          page={
            data && {
              page: state.page,
              pageSize: RELATIONSHIP_PAGE_SIZE,
              shown: data.data.length,
              total: data.totalCount,
            }
          }
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
