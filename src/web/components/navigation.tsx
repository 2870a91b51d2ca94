import { type ComponentType, createContext, type ReactNode, useContext } from 'react';

/*
 * How a shared component moves to another page, without importing the router: the landing page is
 * rendered both by the full app (with React Router) and by its own small entry (`landing.tsx`,
 * without the router or TanStack Query, to keep a first visit light). Components both use link
 * with `AppLink` and navigate with `useAppNavigate`; the full app provides React Router's `Link`
 * and `router.navigate` (app.tsx), and anywhere else a link is a plain anchor and navigating is a
 * full page load, which is where the full app takes over.
 */

export type AppLinkProps = { to: string; className?: string; children?: ReactNode };

export type Navigation = {
  Link: ComponentType<AppLinkProps>;
  /** Goes to a path of the app; `state` reaches the next page only within the full app. */
  navigate: (to: string, options?: { state?: unknown }) => void;
};

function PlainLink({ to, className, children }: AppLinkProps) {
  return (
    <a href={to} className={className}>
      {children}
    </a>
  );
}

/** Without the router: plain anchors, and a full page load. */
export const FULL_PAGE_NAVIGATION: Navigation = {
  Link: PlainLink,
  navigate: (to) => window.location.assign(to),
};

const NavigationContext = createContext<Navigation>(FULL_PAGE_NAVIGATION);

export const NavigationProvider = NavigationContext.Provider;

/** A link to a page of the app: the router's link in the full app, a plain anchor elsewhere. */
export function AppLink(props: AppLinkProps) {
  const { Link } = useContext(NavigationContext);
  return <Link {...props} />;
}

export function useAppNavigate(): Navigation['navigate'] {
  return useContext(NavigationContext).navigate;
}
