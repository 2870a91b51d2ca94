import { Link } from 'react-router';
import type { CoachingInterestView } from '../../contract/coaching-interest.ts';
import {
  DateCell,
  PersonCell,
  RowActions,
  rowActionClass,
  TruncatedText,
} from '../components/data-table/cells.tsx';
import { dataTableColumns } from '../components/data-table/columns.ts';
import { FilteredTable } from '../components/data-table/filtered-table.tsx';
import { useListState } from '../components/data-table/use-list-state.ts';
import { InterestStatusBadge } from '../components/interest-status-badge.tsx';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ADMIN_PAGE_SIZE } from '../hooks/use-admin.ts';
import { useCoachingInterestList } from '../hooks/use-coaching-interest.ts';
import {
  COACHING_FORMAT_LABELS,
  INTEREST_STATUS_LABELS,
  INTEREST_STATUS_OPTIONS,
  interestListSpec,
  interestPath,
  memberName,
} from '../lib/coaching-interest.ts';

const col = dataTableColumns<CoachingInterestView>();
const columns = col.columns([
  col.display({
    id: 'member',
    header: 'Member',
    cell: ({ row }) => (
      <PersonCell name={memberName(row.original)} detail={row.original.member.email} />
    ),
  }),
  col.display({
    id: 'status',
    header: 'Status',
    cell: ({ row }) => <InterestStatusBadge status={row.original.status} />,
  }),
  col.display({
    id: 'focus',
    header: 'Focus areas',
    cell: ({ row }) => (
      <TruncatedText text={row.original.focusAreas.join(', ')} className="text-foreground" />
    ),
    meta: { className: 'w-full max-w-0 min-w-40' },
  }),
  col.display({
    id: 'format',
    header: 'Format',
    cell: ({ row }) => COACHING_FORMAT_LABELS[row.original.preferredFormat],
    meta: { className: 'whitespace-nowrap text-muted-foreground' },
  }),
  col.display({
    id: 'submitted',
    header: 'Submitted',
    cell: ({ row }) => <DateCell iso={row.original.createdAt} />,
    meta: { className: 'text-muted-foreground' },
  }),
]);

/** Seed 001's admin list: members who asked for a coach, to review and match. */
export function AdminCoachingInterestPage() {
  const list = useListState(interestListSpec);
  const { state } = list;
  const submissions = useCoachingInterestList(state);
  const caption = [
    state.status ? `, status ${INTEREST_STATUS_LABELS[state.status]}` : '',
    state.query ? `, matching “${state.query}”` : '',
  ].join('');

  return (
    <PageContainer>
      <PageHeader
        title="Coaching interest"
        documentTitle="Coaching interest · Admin"
        description="Members who asked for a coach. Open one to note what you did and match them."
      />
      <div className="space-y-4 pb-16">
        <FilteredTable
          filtersLabel="Find submissions"
          filters={[
            { kind: 'text', key: 'query', label: 'Search', placeholder: 'Name, email or goals' },
            {
              kind: 'select',
              key: 'status',
              label: 'Status',
              allLabel: 'All statuses',
              options: INTEREST_STATUS_OPTIONS,
            },
          ]}
          spec={interestListSpec}
          list={list}
          query={submissions}
          pageSize={ADMIN_PAGE_SIZE}
          label="Coaching interest submissions"
          captionDetail={caption}
          columns={columns}
          getRowId={(submission) => submission.id}
          pagesLabel="Submission pages"
          rowActions={(submission) => (
            <RowActions>
              <Link
                to={interestPath(submission.id)}
                aria-label={`Open the submission of ${memberName(submission)}`}
                className={`${rowActionClass} border-border bg-surface text-foreground hover:bg-surface-muted`}
              >
                Open
              </Link>
            </RowActions>
          )}
          empty={
            list.filtered ? (
              <p>No submissions match. Try another search or status.</p>
            ) : (
              <p>
                No member has asked for a coach yet. Their requests arrive here from the member
                coaching page.
              </p>
            )
          }
        />
      </div>
    </PageContainer>
  );
}
