import { Outlet, ScrollRestoration, useMatches, useNavigation } from 'react-router';
import { PublicMain, SiteFrame } from './site-frame.tsx';
import { SiteHeader } from './site-header.tsx';

/** Set on a route whose pages sit in the app shell (`handle: WORKSPACE_HANDLE`). */
export const WORKSPACE_HANDLE = { workspace: true } as const;

function isWorkspace(handle: unknown): boolean {
  return typeof handle === 'object' && handle !== null && 'workspace' in handle;
}

/**
 * The frame of every page of the full app: header, the page, footer. The page brings its own
 * <main>: public pages through `PublicPages`, signed-in areas through the app shell (with the
 * sidebar beside it).
 */
export function AppLayout() {
  const workspace = useMatches().some((match) => isWorkspace(match.handle));
  return (
    <SiteFrame header={<SiteHeader wide={workspace} />} wide={workspace}>
      <NavigationProgress />
      <Outlet />
      <ScrollRestoration />
    </SiteFrame>
  );
}

/** The public pages' <main>: one column, the editorial look. */
export function PublicPages() {
  return (
    <PublicMain>
      <Outlet />
    </PublicMain>
  );
}

/** A thin bar at the top while the next page's code or data loads, so a click never seems lost. */
function NavigationProgress() {
  const navigation = useNavigation();
  if (navigation.state === 'idle') return null;
  return (
    <div aria-hidden="true" className="fixed inset-x-0 top-0 z-50 h-0.5 overflow-hidden">
      <div className="h-full w-1/3 bg-primary motion-safe:animate-progress" />
    </div>
  );
}
