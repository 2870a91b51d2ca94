import type { ReactNode } from 'react';
import { buttonClasses } from './button.tsx';
import { AppLink } from './navigation.tsx';

/*
 * The header's parts that need neither the router nor the session: the landing page's own entry
 * (landing.tsx) draws its header with them, the full app's `SiteHeader` wraps them.
 */

export const navLinkClass =
  'rounded-md px-3 py-2 text-sm font-medium text-muted-foreground transition-colors hover:bg-surface-muted hover:text-foreground';

/** The menu button's place while its code (or the session) loads: as high as the menu and the visitor links, so nothing moves. */
export function UserMenuPlaceholder() {
  return <div aria-hidden="true" className="h-10 w-40" />;
}

/**
 * The bar on top of every page: the name, leading `home`, then `nav` and `account`. `wide` spans
 * the window, as the app shell under it does.
 */
export function SiteHeaderBar({
  wide = false,
  home,
  nav,
  account,
}: {
  wide?: boolean;
  home: string;
  nav?: ReactNode;
  account: ReactNode;
}) {
  return (
    <header className="border-b border-border bg-surface">
      <div
        className={`flex items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6 ${wide ? '' : 'mx-auto max-w-6xl'}`}
      >
        <AppLink
          to={home}
          className="rounded-md font-display text-2xl font-semibold tracking-tight text-foreground sm:text-3xl"
        >
          Arete
        </AppLink>
        <div className="flex min-w-0 items-center gap-x-2 sm:gap-x-4">
          {nav}
          {account}
        </div>
      </div>
    </header>
  );
}

/**
 * A visitor's ways in: in waitlist mode, signing in and joining the waitlist (sign-up works only
 * for approved addresses); with open sign-up, signing in and signing up.
 */
export function VisitorLinks({ waitlistMode }: { waitlistMode: boolean }) {
  return (
    <ul aria-label="Account" className="flex h-10 items-center gap-1 sm:gap-2">
      <li>
        <AppLink to="/sign-in" className={navLinkClass}>
          Sign in
        </AppLink>
      </li>
      <li>
        {waitlistMode ? (
          <AppLink
            to="/#waitlist"
            className={`whitespace-nowrap ${buttonClasses('primary', 'sm')}`}
          >
            Join the waitlist
          </AppLink>
        ) : (
          <AppLink to="/sign-up" className={buttonClasses('primary', 'sm')}>
            Sign up
          </AppLink>
        )}
      </li>
    </ul>
  );
}
