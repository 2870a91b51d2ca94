import { ClipboardCheck } from 'lucide-react';
import { useMemo } from 'react';
import type { GoalList, GoalView } from '../../../contract/goals.ts';
import { RowAction, RowActions } from '../../components/data-table/cells.tsx';
import { DataTable, ONE_PAGE_LIST } from '../../components/data-table/data-table.tsx';
import { goalColumns } from '../../components/goals/goal-columns.tsx';
import {
  focusSummary,
  GOAL_STATUS_LABELS,
  goalPath,
  groupGoals,
  takesCheckIns,
} from '../../lib/goals.ts';

const columns = goalColumns({ href: (goal) => goalPath(goal.id), withSharing: true });

/**
 * The client's goals by status, in progress first (its heading carries the focus: "2 of 3 in
 * progress"), each group a table with the quick check-in on every open goal.
 */
export function GoalGroups({
  list,
  query,
  onCheckIn,
}: {
  list: GoalList;
  query: {
    isPending: boolean;
    isFetching: boolean;
    isError: boolean;
    error: Error | null;
    refetch: () => unknown;
  };
  onCheckIn: (goal: GoalView) => void;
}) {
  const groups = useMemo(() => groupGoals(list.data), [list.data]);
  const inProgress = groups.some((group) => group.status === 'in_progress');
  return (
    <div className="space-y-8">
      {!inProgress && (
        <p className="text-sm text-muted-foreground">
          Focus: {focusSummary(list.focus)}. Start a goal to work on it.
        </p>
      )}
      {groups.map((group) => {
        const heading =
          group.status === 'in_progress'
            ? `In progress · ${focusSummary(list.focus)}`
            : `${GOAL_STATUS_LABELS[group.status]} (${group.goals.length})`;
        return (
          // The table is the region (named by its label); this line is what the eye reads.
          <div key={group.status} className="space-y-3">
            <p aria-hidden="true" className="text-base font-semibold text-foreground">
              {heading}
            </p>
            <DataTable
              label={heading}
              columns={columns}
              rows={group.goals}
              getRowId={(goal) => goal.id}
              query={query}
              list={ONE_PAGE_LIST('/goals')}
              page={undefined}
              pagesLabel={`${GOAL_STATUS_LABELS[group.status]} pages`}
              rowActions={(goal) =>
                takesCheckIns(goal.status) ? (
                  <RowActions>
                    <RowAction
                      aria-label={`Check in on ${goal.title}`}
                      onClick={() => onCheckIn(goal)}
                    >
                      <ClipboardCheck aria-hidden="true" className="size-3.5" />
                      <span className="max-sm:sr-only">Check in</span>
                    </RowAction>
                  </RowActions>
                ) : null
              }
              empty={null}
            />
          </div>
        );
      })}
    </div>
  );
}
