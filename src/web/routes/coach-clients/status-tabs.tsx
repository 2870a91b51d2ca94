import { Link } from 'react-router';
import type { RelationshipStatus } from '../../../contract/relationships.ts';
import type { ListState } from '../../components/data-table/use-list-state.ts';
import { type CoachClientsListState, statusTabs } from '../../lib/relationships.ts';

/**
 * The coach's clients by status, with how many each holds: links that filter the list below (the
 * address keeps the choice, so Back and reloads keep it too). The counts come with the list and
 * ignore its filter; while the first answer loads they are left out.
 */
export function StatusTabs({
  list,
  counts,
}: {
  list: ListState<CoachClientsListState>;
  counts: Partial<Record<RelationshipStatus, number>> | undefined;
}) {
  const current = list.state.status;
  return (
    <nav aria-label="Clients by status">
      <ul className="flex flex-wrap gap-1.5">
        {statusTabs(counts, current).map((tab) => {
          const selected = tab.status === current;
          return (
            <li key={tab.status || 'all'}>
              <Link
                to={list.hrefFor({ status: tab.status })}
                aria-current={selected ? 'true' : undefined}
                className={`inline-flex h-8 items-center gap-1.5 rounded-md border px-2.5 text-sm font-medium transition-colors ${
                  selected
                    ? 'border-primary bg-primary-soft text-primary'
                    : 'border-border bg-surface text-muted-foreground hover:bg-surface-muted hover:text-foreground'
                }`}
              >
                {tab.label}
                {counts && (
                  <span className="rounded-full bg-surface-muted px-1.5 text-xs text-foreground tabular-nums">
                    {tab.count}
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
