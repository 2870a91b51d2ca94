import type { RelationshipStatus } from '../../../contract/relationships.ts';
import { RELATIONSHIP_STATUS_LABELS } from '../../lib/relationships.ts';

const statusClasses: Record<RelationshipStatus, string> = {
  pending: 'border-warning/30 bg-warning/10 text-warning',
  active: 'border-success/30 bg-success/10 text-success',
  paused: 'border-primary/30 bg-primary-soft text-primary',
  completed: 'border-border bg-surface-muted text-muted-foreground',
  declined: 'border-danger/30 bg-danger/10 text-danger',
  revoked: 'border-danger/30 bg-danger/10 text-danger',
  expired: 'border-border bg-surface-muted text-muted-foreground',
};

/** A relationship's status as a small badge; reads as "Status: Active" to a screen reader. */
export function RelationshipStatusBadge({
  status,
  className = '',
}: {
  status: RelationshipStatus;
  className?: string;
}) {
  return (
    <span
      data-status={status}
      className={`inline-flex items-center rounded-full border px-2.5 py-0.5 text-xs font-medium whitespace-nowrap ${statusClasses[status]} ${className}`}
    >
      <span className="sr-only">Status: </span>
      {RELATIONSHIP_STATUS_LABELS[status]}
    </span>
  );
}
