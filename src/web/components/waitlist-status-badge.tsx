import { WAITLIST_STATUS_LABELS, type WaitlistStatus } from '../lib/waitlist.ts';

const statusClasses: Record<WaitlistStatus, string> = {
  pending: 'border-warning/30 bg-warning/10 text-warning',
  approved: 'border-primary/30 bg-primary-soft text-primary',
  rejected: 'border-danger/30 bg-danger/10 text-danger',
  joined: 'border-success/30 bg-success/10 text-success',
};

/** A waitlist entry's status as a small badge; reads as "Status: Approved" to a screen reader. */
export function WaitlistStatusBadge({
  status,
  className = '',
}: {
  status: WaitlistStatus;
  className?: string;
}) {
  return (
    <span
      data-status={status}
      className={`inline-flex items-center rounded-full border px-2.5 py-0.5 text-xs font-medium ${statusClasses[status]} ${className}`}
    >
      <span className="sr-only">Status: </span>
      {WAITLIST_STATUS_LABELS[status]}
    </span>
  );
}
