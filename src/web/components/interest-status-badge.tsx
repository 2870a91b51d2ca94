import type { CoachingInterestStatus } from '../../contract/coaching-interest.ts';
import { INTEREST_STATUS_LABELS } from '../lib/coaching-interest.ts';

const statusClasses: Record<CoachingInterestStatus, string> = {
  new: 'border-warning/30 bg-warning/10 text-warning',
  contacted: 'border-primary/30 bg-primary-soft text-primary',
  matched: 'border-success/30 bg-success/10 text-success',
  closed: 'border-border bg-surface-muted text-muted-foreground',
};

/** A coaching interest submission's status; reads as "Status: New" to a screen reader. */
export function InterestStatusBadge({ status }: { status: CoachingInterestStatus }) {
  return (
    <span
      data-status={status}
      className={`inline-flex items-center rounded-full border px-2.5 py-0.5 text-xs font-medium whitespace-nowrap ${statusClasses[status]}`}
    >
      <span className="sr-only">Status: </span>
      {INTEREST_STATUS_LABELS[status]}
    </span>
  );
}
