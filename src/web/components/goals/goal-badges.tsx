import type { GoalStatus, Momentum } from '../../../contract/goals.ts';
import { GOAL_STATUS_LABELS, MOMENTUM_HINTS, MOMENTUM_LABELS } from '../../lib/goals.ts';

const badgeClass =
  'inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs font-medium whitespace-nowrap';

const momentumClasses: Record<Momentum, string> = {
  on_track: 'border-success/30 bg-success/10 text-success',
  needs_attention: 'border-warning/30 bg-warning/10 text-warning',
  stalled: 'border-danger/30 bg-danger/10 text-danger',
};

/** A dot of the badge's own colour: the words carry the meaning, the colour only helps. */
function Dot() {
  return <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />;
}

/**
 * How a goal in progress is going, in words (on track, needs attention, stalled); what it means
 * on hover. Nothing for a goal that is not in progress (the server gives no momentum then).
 */
export function MomentumBadge({ momentum }: { momentum: Momentum | null }) {
  if (!momentum) return <span className="text-muted-foreground">—</span>;
  return (
    <span
      data-momentum={momentum}
      title={MOMENTUM_HINTS[momentum]}
      className={`${badgeClass} ${momentumClasses[momentum]}`}
    >
      <Dot />
      <span className="sr-only">Momentum: </span>
      {MOMENTUM_LABELS[momentum]}
    </span>
  );
}

const statusClasses: Record<GoalStatus, string> = {
  proposed: 'border-primary/30 bg-primary-soft text-primary',
  not_started: 'border-border bg-surface-muted text-muted-foreground',
  in_progress: 'border-primary/30 bg-primary-soft text-primary',
  on_hold: 'border-warning/30 bg-warning/10 text-warning',
  completed: 'border-success/30 bg-success/10 text-success',
  abandoned: 'border-border bg-surface-muted text-muted-foreground',
};

/** A goal's status as a small badge; "Status: In progress" to a screen reader. */
export function GoalStatusBadge({ status }: { status: GoalStatus }) {
  return (
    <span data-status={status} className={`${badgeClass} ${statusClasses[status]}`}>
      <span className="sr-only">Status: </span>
      {GOAL_STATUS_LABELS[status]}
    </span>
  );
}
