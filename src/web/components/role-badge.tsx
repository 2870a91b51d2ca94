import type { Role } from '../../contract/users.ts';
import { ROLE_LABELS } from '../lib/roles.ts';

const roleClasses: Record<Role, string> = {
  admin: 'border-accent-foreground/30 bg-accent text-accent-foreground',
  coach: 'border-primary/30 bg-primary-soft text-primary',
  client: 'border-success/30 bg-success/10 text-success',
  pending: 'border-warning/30 bg-warning/10 text-warning',
};

/** The role as a small badge; reads as "Role: Coach" to a screen reader. */
export function RoleBadge({ role, className = '' }: { role: Role; className?: string }) {
  return (
    <span
      data-role={role}
      className={`inline-flex items-center rounded-full border px-2.5 py-0.5 text-xs font-medium ${roleClasses[role]} ${className}`}
    >
      <span className="sr-only">Role: </span>
      {ROLE_LABELS[role]}
    </span>
  );
}
