import { Link, NavLink } from 'react-router';

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
      </div>
    </header>
  );
}
