import type { ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../../contract/users.ts';
import { useSession } from '../hooks/use-session.ts';
import { ROLE_AREAS, ROLE_LABELS } from '../lib/roles.ts';
import { buttonClasses } from './button.tsx';
import { PageContainer } from './page-container.tsx';
import { ErrorState, LoadingState } from './page-state.tsx';
import { RoleBadge } from './role-badge.tsx';

/**
 * Lets through the roles named, and only them:
 * - a visitor goes to `/sign-in?next=<this page>`;
 * - a `pending` user goes to `/pending` (unless `pending` is one of the roles);
 * - any other role sees "not allowed".
 * The server checks every API call itself; this decides what the page shows. It follows the user
 * as it is polled, so a role changed by an admin opens or closes the page without a reload.
 */
export function RoleGuard({
  requiredRoles,
  children,
}: {
  requiredRoles: readonly Role[];
  children?: ReactNode;
}) {
  const session = useSession();
  const location = useLocation();

  if (session.status === 'loading') {
    return (
      <PageContainer>
        <LoadingState label="Checking your access…" />
      </PageContainer>
    );
  }
  if (session.status === 'error') {
    return (
      <ErrorState
        title="Your account could not be loaded"
        error={session.error}
        onRetry={session.retry}
      />
    );
  }
  if (session.status === 'signed-out') {
    const next = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }

  const { role } = session.user;
  if (requiredRoles.includes(role)) return children ?? <Outlet />;
  if (role === 'pending') return <Navigate to="/pending" replace />;
  return <NotAllowed role={role} requiredRoles={requiredRoles} />;
}

function NotAllowed({ role, requiredRoles }: { role: Role; requiredRoles: readonly Role[] }) {
  const area = ROLE_AREAS[role];
  const needed = requiredRoles.map((item) => ROLE_LABELS[item].toLowerCase()).join(' or ');
  return (
    <PageContainer>
      <title>Not allowed · Arete</title>
      <section aria-labelledby="not-allowed-title" className="max-w-2xl py-16 sm:py-24">
        <p className="font-mono text-sm text-muted-foreground">403</p>
        <h1
          id="not-allowed-title"
          className="mt-2 font-display text-4xl font-semibold text-foreground sm:text-5xl"
        >
          Not allowed
        </h1>
        <p className="mt-4 text-lg leading-relaxed text-muted-foreground">
          This page is for the {needed} role. You are signed in as{' '}
          <RoleBadge role={role} className="align-middle" />. If you think you need access, ask an
          admin.
        </p>
        <Link to={area.path} className={`mt-8 ${buttonClasses('primary')}`}>
          Go to your {area.label.toLowerCase()}
        </Link>
      </section>
    </PageContainer>
  );
}
