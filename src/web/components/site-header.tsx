import { lazy, Suspense } from 'react';
import { NavLink } from 'react-router';
import { useClientConfig } from '../hooks/use-client-config.ts';
import { useSession } from '../hooks/use-session.ts';
import { ROLE_AREAS } from '../lib/roles.ts';
import {
  navLinkClass,
  SiteHeaderBar,
  UserMenuPlaceholder,
  VisitorLinks,
} from './site-header-bar.tsx';

// Only a signed-in person has a menu: its code (and the menu library's) stays off a visitor's page.
const UserMenu = lazy(async () => ({ default: (await import('./user-menu.tsx')).UserMenu }));
// Shown only to someone in several organizations; loaded with the signed-in header.
const OrganizationSwitcher = lazy(async () => ({
  default: (await import('./org-switcher.tsx')).OrganizationSwitcher,
}));
// Clerk mode: Clerk's own switcher, which sets the session's active organization (Clerk's chunk).
const ClerkOrganizationSwitcher = lazy(async () => ({
  default: (await import('../auth/clerk-pages.tsx')).ClerkOrganizationSwitcher,
}));

/**
 * The bar on top of every page of the full app. A visitor gets the ways in (in waitlist mode: join
 * the waitlist or sign in; with open sign-up: sign in or sign up); a signed-in person gets "Home",
 * which is their own area, and their menu. `wide` spans the window, as the app shell under it does.
 */
export function SiteHeader({ wide = false }: { wide?: boolean }) {
  const session = useSession();
  const home = session.status === 'signed-in' ? ROLE_AREAS[session.user.role].path : '/';
  return (
    <SiteHeaderBar
      wide={wide}
      home={home}
      nav={
        session.status === 'signed-in' && (
          <nav aria-label="Main">
            <ul className="flex items-center gap-1">
              <li>
                <NavLink
                  to={home}
                  end
                  className={({ isActive }) =>
                    isActive ? `${navLinkClass} bg-primary-soft text-primary` : navLinkClass
                  }
                >
                  Home
                </NavLink>
              </li>
            </ul>
          </nav>
        )
      }
      account={<AccountArea />}
    />
  );
}

function AccountArea() {
  const session = useSession();
  const config = useClientConfig();
  if (session.status === 'signed-in') {
    return (
      <div className="flex min-w-0 items-center gap-x-2">
        {session.user.role !== 'pending' && (
          <Suspense fallback={null}>
            {config.data?.identityProvider === 'clerk' ? (
              <ClerkOrganizationSwitcher />
            ) : (
              <OrganizationSwitcher />
            )}
          </Suspense>
        )}
        <Suspense fallback={<UserMenuPlaceholder />}>
          <UserMenu user={session.user} />
        </Suspense>
      </div>
    );
  }
  // While the session loads, keep the place (no flash of "Sign in" for a signed-in person).
  if (session.status === 'loading' || config.isPending) {
    return <UserMenuPlaceholder />;
  }
  return <VisitorLinks waitlistMode={config.data?.signUpMode !== 'open'} />;
}
