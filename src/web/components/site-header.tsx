import { Link, NavLink } from 'react-router';
import { useSession } from '../hooks/use-session.ts';
import { buttonClasses } from './button.tsx';
import { UserMenu } from './user-menu.tsx';

const navLinkClass =
  'rounded-md px-3 py-2 text-sm font-medium text-muted-foreground transition-colors hover:bg-surface-muted hover:text-foreground';

export function SiteHeader() {
  return (
    <header className="border-b border-border bg-surface">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-4 sm:px-6">
        <Link
          to="/"
          className="rounded-md font-display text-3xl font-semibold tracking-tight text-foreground"
        >
          Arete
        </Link>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <nav aria-label="Main">
            <ul className="flex items-center gap-1">
              <li>
                <NavLink
                  to="/"
                  end
                  className={({ isActive }) =>
                    isActive ? `${navLinkClass} bg-primary-soft text-primary` : navLinkClass
                  }
                >
                  Home
                </NavLink>
              </li>
              <li>
                {/* A plain link: the API docs are served by the server, not by this app. */}
                <a href="/api/docs/" className={navLinkClass}>
                  API docs
                </a>
              </li>
            </ul>
          </nav>
          <AccountArea />
        </div>
      </div>
    </header>
  );
}

function AccountArea() {
  const session = useSession();
  if (session.status === 'signed-in') return <UserMenu user={session.user} />;
  // While the session loads, keep the place (no flash of "Sign in" for a signed-in person).
  if (session.status === 'loading') return <div aria-hidden="true" className="h-10 w-40" />;
  return (
    <ul aria-label="Account" className="flex items-center gap-2">
      <li>
        <Link to="/sign-in" className={navLinkClass}>
          Sign in
        </Link>
      </li>
      <li>
        <Link to="/sign-up" className={buttonClasses('primary', 'sm')}>
          Sign up
        </Link>
      </li>
    </ul>
  );
}
