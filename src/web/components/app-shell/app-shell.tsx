import { Outlet } from 'react-router';
import { useSession } from '../../hooks/use-session.ts';
import { MAIN_CONTENT_ID } from '../main-content.ts';
import { MobileNav } from './mobile-nav.tsx';
import { navSections } from './nav-items.ts';
import { ShellNavList } from './shell-nav.tsx';

/**
 * The frame of every signed-in page (admin, coach, member, account): the area's pages in a sidebar
 * on a wide window, in a menu above the page on a narrow one, and the page beside or under it. A
 * layout route: the pages below it need nothing of their own to appear inside it. Who may see a
 * page is decided by the RoleGuard under it; the shell follows whoever is signed in.
 */
export function AppShell() {
  const session = useSession();
  const sections = session.status === 'signed-in' ? navSections(session.user.role) : null;

  return (
    <div className="flex flex-1 flex-col lg:flex-row">
      {sections ? (
        <>
          <nav
            aria-label="Workspace"
            className="hidden w-60 shrink-0 border-r border-border bg-surface lg:block"
          >
            <div className="sticky top-0 max-h-dvh overflow-y-auto px-3 py-6">
              <ShellNavList sections={sections} />
            </div>
          </nav>
          <MobileNav sections={sections} />
        </>
      ) : (
        // While the session loads, the sidebar's place is kept, so the page does not jump.
        session.status === 'loading' && (
          <div
            aria-hidden="true"
            className="hidden w-60 shrink-0 border-r border-border lg:block"
          />
        )
      )}
      {/* tabIndex lets the skip link move keyboard focus here, not just scroll. */}
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="min-w-0 flex-1 pb-12 outline-none">
        <Outlet />
      </main>
    </div>
  );
}
