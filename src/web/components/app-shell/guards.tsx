import { ALL_ROLES } from '../../lib/roles.ts';
import { RoleGuard } from '../role-guard.tsx';

/*
 * The guard of each signed-in area, as a route's component (router.tsx loads them with the area,
 * never on the landing page).
 */

/** Any signed-in user, `pending` included: the account and approval pages. */
export function SignedInGuard() {
  return <RoleGuard requiredRoles={ALL_ROLES} />;
}

export function AdminGuard() {
  return <RoleGuard requiredRoles={['admin']} />;
}

export function CoachGuard() {
  return <RoleGuard requiredRoles={['coach']} />;
}

export function MemberGuard() {
  return <RoleGuard requiredRoles={['client']} />;
}

/** The welcome guide: coaches and clients (a `pending` user is sent to /pending). */
export function GuideGuard() {
  return <RoleGuard requiredRoles={['coach', 'client']} />;
}

/** The profile page: the roles that have a profile. */
export function ProfileGuard() {
  return <RoleGuard requiredRoles={['admin', 'coach', 'client']} />;
}

/** Documents: every role that has an area of its own (a `pending` user is sent to /pending). */
export function DocumentsGuard() {
  return <RoleGuard requiredRoles={['admin', 'coach', 'client']} />;
}

/** Goals: a client's own (a coach sees a client's shared goals from My clients). */
export function GoalsGuard() {
  return <RoleGuard requiredRoles={['client']} />;
}
