import type { CheckInView, GoalView } from '../../../contract/goals.ts';
import { CONFIDENCE_LABELS } from '../../lib/goal-form.ts';
import { progressPoints } from '../../lib/goals.ts';
import { DateCell, TruncatedText } from '../data-table/cells.tsx';
import { dataTableColumns } from '../data-table/columns.ts';
import { DataTable, type DataTableQuery, ONE_PAGE_LIST } from '../data-table/data-table.tsx';
import { GoalCard } from './goal-card.tsx';
import { ProgressChart } from './progress-chart.tsx';

type Row = CheckInView & { number: number; percent: number };

const col = dataTableColumns<Row>();
const columns = col.columns([
  col.display({
    id: 'number',
    header: 'Check-in',
    cell: ({ row }) => `#${row.original.number}`,
    meta: { className: 'whitespace-nowrap tabular-nums' },
  }),
  col.display({
    id: 'when',
    header: 'When',
    cell: ({ row }) => <DateCell iso={row.original.createdAt} withTime />,
    meta: { className: 'text-muted-foreground' },
  }),
  col.display({
    id: 'progress',
    header: 'Progress',
    cell: ({ row }) => `${row.original.percent}%`,
    meta: { className: 'whitespace-nowrap tabular-nums font-medium' },
  }),
  col.display({
    id: 'confidence',
    header: 'Confidence',
    cell: ({ row }) => (
      <span title={CONFIDENCE_LABELS[row.original.confidence]} className="whitespace-nowrap">
        {row.original.confidence} of 5
      </span>
    ),
  }),
  col.display({
    id: 'note',
    header: 'Note',
    cell: ({ row }) => <TruncatedText text={row.original.note} className="text-muted-foreground" />,
    meta: { className: 'w-full max-w-0 min-w-32' },
  }),
]);

/**
 * A goal's progress over its check-ins: the line chart, then the same numbers as a table (each
 * check-in's progress, confidence and note), newest first. Read-only: a check-in is never edited.
 */
export function CheckInHistory({
  goal,
  checkIns,
  query,
  path,
}: {
  goal: GoalView;
  checkIns: CheckInView[] | undefined;
  query: DataTableQuery;
  /** The page's own address (the table is one page). */
  path: string;
}) {
  const points = progressPoints(goal, checkIns ?? []);
  const rows = checkIns
    ?.map((checkIn, index) => ({
      ...checkIn,
      number: index + 1,
      percent: points[index + 1]?.percent ?? 0,
    }))
    .reverse();
  return (
    <GoalCard title="Progress over check-ins">
      <div className="mt-4 space-y-4">
        {checkIns && checkIns.length > 0 ? (
          <ProgressChart points={points} title={`Progress of “${goal.title}” over its check-ins`} />
        ) : checkIns ? null : (
          <div aria-hidden="true" className="h-[200px] animate-pulse rounded-lg bg-surface-muted" />
        )}
        <DataTable
          label="Check-ins"
          columns={columns}
          rows={rows}
          getRowId={(row) => row.id}
          query={query}
          list={ONE_PAGE_LIST(path)}
          page={undefined}
          pagesLabel="Check-in pages"
          empty={<p>No check-ins yet. The chart starts with the first one.</p>}
        />
      </div>
    </GoalCard>
  );
}
