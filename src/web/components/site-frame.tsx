import type { ReactNode } from 'react';
import { MAIN_CONTENT_ID } from './main-content.ts';
import { SiteFooter } from './site-footer.tsx';
import { SkipLink } from './skip-link.tsx';

/*
 * The frame of every page, without the router: the full app's layout (app-layout.tsx) and the
 * landing page's own entry (landing-document.tsx) both draw it.
 */

/** Skip link, header, the page, footer. The page brings its own <main>. */
export function SiteFrame({
  header,
  wide = false,
  children,
}: {
  header: ReactNode;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink targetId={MAIN_CONTENT_ID} />
      {header}
      {children}
      <SiteFooter wide={wide} />
    </div>
  );
}

/** The public pages' <main>: one column, the editorial look. */
export function PublicMain({ children }: { children: ReactNode }) {
  return (
    // tabIndex lets the skip link move keyboard focus here, not just scroll.
    <main id={MAIN_CONTENT_ID} tabIndex={-1} className="flex-1 outline-none">
      {children}
    </main>
  );
}
