import { Link } from 'react-router';
import type { GoalView } from '../../../contract/goals.ts';
import { GOAL_AREA_LABELS } from '../../lib/goals.ts';
import { DateCell } from '../data-table/cells.tsx';
import { type DataTableColumns, dataTableColumns } from '../data-table/columns.ts';
import { GoalStatusBadge, MomentumBadge } from './goal-badges.tsx';
import { GoalProgress } from './goal-progress.tsx';

const col = dataTableColumns<GoalView>();

/**
 * The columns of a list of goals (the client's groups, a coach's view of a client's): the title,
 * a link to the goal's page, with its area under it; progress as a bar; momentum in words; the
 * target date and the last check-in. `withStatus` adds the status (a list of every status).
 */
export function goalColumns({
  href,
  withStatus = false,
  withSharing = false,
}: {
  href: (goal: GoalView) => string;
  withStatus?: boolean;
  /** Says under the title which goals the client's coaches see (the client's own list). */
  withSharing?: boolean;
}): DataTableColumns<GoalView> {
  return col.columns([
    col.display({
      id: 'title',
      header: 'Goal',
      cell: ({ row }) => (
        <TitleCell goal={row.original} href={href(row.original)} withSharing={withSharing} />
      ),
      meta: { className: 'w-full max-w-0 min-w-48' },
    }),
    ...(withStatus
      ? [
          col.display({
            id: 'status',
            header: 'Status',
            cell: ({ row }) => <GoalStatusBadge status={row.original.status} />,
          }),
        ]
      : []),
    col.display({
      id: 'progress',
      header: 'Progress',
      cell: ({ row }) => (
        <GoalProgress
          progress={row.original.progress}
          label={`Progress of ${row.original.title}`}
        />
      ),
      meta: { className: 'min-w-36' },
    }),
    col.display({
      id: 'momentum',
      header: 'Momentum',
      cell: ({ row }) => <MomentumBadge momentum={row.original.momentum} />,
    }),
    col.display({
      id: 'target',
      header: 'Target date',
      cell: ({ row }) => (
        // A calendar date: read at noon, so that no time zone moves it to the day before.
        <DateCell iso={row.original.targetDate && `${row.original.targetDate}T12:00:00`} />
      ),
      meta: { className: 'text-muted-foreground' },
    }),
    col.display({
      id: 'lastCheckIn',
      header: 'Last check-in',
      cell: ({ row }) => <DateCell iso={row.original.lastCheckInAt} />,
      meta: { className: 'text-muted-foreground' },
    }),
  ]);
}

function TitleCell({
  goal,
  href,
  withSharing,
}: {
  goal: GoalView;
  href: string;
  withSharing: boolean;
}) {
  return (
    <span className="block">
      <Link
        to={href}
        title={goal.title}
        className="block truncate font-medium text-foreground underline-offset-4 hover:text-primary hover:underline"
      >
        {goal.title}
      </Link>
      <span className="block truncate text-xs text-muted-foreground">
        {GOAL_AREA_LABELS[goal.area]}
        {withSharing && goal.visibility === 'shared' ? ' · Shared with your coaches' : ''}
      </span>
    </span>
  );
}
