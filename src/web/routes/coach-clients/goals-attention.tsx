import { Link } from 'react-router';
import type { CoachClientGoal } from '../../../contract/goals.ts';
import { DateCell, PersonCell } from '../../components/data-table/cells.tsx';
import { dataTableColumns } from '../../components/data-table/columns.ts';
import { DataTable, ONE_PAGE_LIST } from '../../components/data-table/data-table.tsx';
import { MomentumBadge } from '../../components/goals/goal-badges.tsx';
import { GoalProgress } from '../../components/goals/goal-progress.tsx';
import { useCoachClientGoals } from '../../hooks/use-goals.ts';
import { clientGoalPath, needingAttention } from '../../lib/goals.ts';
import { partyName } from '../../lib/relationships.ts';

type Row = CoachClientGoal;

const col = dataTableColumns<Row>();
const columns = col.columns([
  col.display({
    id: 'client',
    header: 'Client',
    cell: ({ row }) => <PersonCell name={partyName({ ...row.original.client, headline: null })} />,
  }),
  col.display({
    id: 'goal',
    header: 'Goal',
    cell: ({ row }) => (
      <Link
        to={clientGoalPath(row.original.relationshipId, row.original.goal.id)}
        title={row.original.goal.title}
        className="block truncate font-medium text-foreground underline-offset-4 hover:text-primary hover:underline"
      >
        {row.original.goal.title}
      </Link>
    ),
    meta: { className: 'w-full max-w-0 min-w-40' },
  }),
  col.display({
    id: 'momentum',
    header: 'Momentum',
    cell: ({ row }) => <MomentumBadge momentum={row.original.goal.momentum} />,
  }),
  col.display({
    id: 'progress',
    header: 'Progress',
    cell: ({ row }) => (
      <GoalProgress
        progress={row.original.goal.progress}
        label={`Progress of ${row.original.goal.title}`}
      />
    ),
    meta: { className: 'min-w-36' },
  }),
  col.display({
    id: 'lastCheckIn',
    header: 'Last check-in',
    cell: ({ row }) => <DateCell iso={row.original.goal.lastCheckInAt} />,
    meta: { className: 'text-muted-foreground' },
  }),
]);

/**
 * The shared goals of the coach's active clients that have stalled or need attention, first on
 * the clients page; nothing at all when no goal needs a look.
 */
export function GoalsAttention() {
  const attention = useCoachClientGoals();
  const rows: Row[] = needingAttention(attention.data?.data ?? []);
  if (rows.length === 0) return null;
  return (
    // The table is the region (named by its label); this heading is what the eye reads.
    <div className="space-y-3">
      <p aria-hidden="true" className="text-base font-semibold text-foreground">
        {rows.length === 1
          ? 'A goal needs your attention'
          : `${rows.length} goals need your attention`}
      </p>
      <DataTable
        label="Goals that need attention"
        columns={columns}
        rows={rows}
        getRowId={(row) => row.goal.id}
        query={{
          isPending: false,
          isFetching: attention.isFetching,
          isError: false,
          error: null,
          refetch: () => attention.refetch(),
        }}
        list={ONE_PAGE_LIST('/coach/clients')}
        page={undefined}
        pagesLabel="Goal pages"
        empty={null}
      />
    </div>
  );
}
