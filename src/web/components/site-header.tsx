import { lazy, Suspense } from 'react';
import { Link, NavLink } from 'react-router';
import { useClientConfig } from '../hooks/use-client-config.ts';
import { useSession } from '../hooks/use-session.ts';
import { ROLE_AREAS } from '../lib/roles.ts';
import { buttonClasses } from './button.tsx';

// Only a signed-in person has a menu: its code (and the menu library's) stays off a visitor's page.
const UserMenu = lazy(async () => ({ default: (await import('./user-menu.tsx')).UserMenu }));

/** The menu button's place while its code loads, the same size, so nothing moves. */
function UserMenuPlaceholder() {
  return <div aria-hidden="true" className="h-10 w-40" />;
}

const navLinkClass =
  'rounded-md px-3 py-2 text-sm font-medium text-muted-foreground transition-colors hover:bg-surface-muted hover:text-foreground';

/**
 * The bar on top of every page. A visitor gets the ways in (in waitlist mode: join the waitlist or
 * sign in; with open sign-up: sign in or sign up); a signed-in person gets "Home", which is their
 * own area, and their menu. `wide` spans the window, as the app shell under it does.
 */
export function SiteHeader({ wide = false }: { wide?: boolean }) {
  const session = useSession();
  const home = session.status === 'signed-in' ? ROLE_AREAS[session.user.role].path : '/';
  return (
    <header className="border-b border-border bg-surface">
      <div
        className={`flex items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6 ${wide ? '' : 'mx-auto max-w-6xl'}`}
      >
        <Link
          to={home}
          className="rounded-md font-display text-2xl font-semibold tracking-tight text-foreground sm:text-3xl"
        >
          Arete
        </Link>
        <div className="flex min-w-0 items-center gap-x-2 sm:gap-x-4">
          {session.status === 'signed-in' && (
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
          )}
          <AccountArea />
        </div>
      </div>
    </header>
  );
}

function AccountArea() {
  const session = useSession();
  const config = useClientConfig();
  if (session.status === 'signed-in') {
    return (
      <Suspense fallback={<UserMenuPlaceholder />}>
        <UserMenu user={session.user} />
      </Suspense>
    );
  }
  // While the session loads, keep the place (no flash of "Sign in" for a signed-in person).
  if (session.status === 'loading' || config.isPending) {
    return <UserMenuPlaceholder />;
  }
  // Waitlist mode: sign-up works only for approved addresses, so the way in is the waitlist.
  const waitlistMode = config.data?.signUpMode !== 'open';
  return (
    <ul aria-label="Account" className="flex items-center gap-1 sm:gap-2">
      <li>
        <Link to="/sign-in" className={navLinkClass}>
          Sign in
        </Link>
      </li>
      <li>
        {waitlistMode ? (
          <Link to="/#waitlist" className={`whitespace-nowrap ${buttonClasses('primary', 'sm')}`}>
            Join the waitlist
          </Link>
        ) : (
          <Link to="/sign-up" className={buttonClasses('primary', 'sm')}>
            Sign up
          </Link>
        )}
      </li>
    </ul>
  );
}
