import { PublicMain, SiteFrame } from './components/site-frame.tsx';
import { SiteHeaderBar, UserMenuPlaceholder, VisitorLinks } from './components/site-header-bar.tsx';
import { LandingPage } from './routes/landing-page.tsx';

/** What the landing page knows of whoever opened it: nothing yet, or a visitor and the sign-up mode. */
export type LandingVisitor = { waitlistMode: boolean } | null;

/**
 * `/` as the landing page's own entry draws it (landing.tsx, and the HTML pre-rendered from it at
 * build time): the full app's frame, header and `LandingPage`, without the router. Until the
 * session is checked (`visitor` null) the header keeps the account links' place, as the full app's
 * does: no "Sign in" flashes up for a signed-in person, who is handed over to the full app.
 */
export function LandingDocument({ visitor }: { visitor: LandingVisitor }) {
  return (
    <SiteFrame
      header={
        <SiteHeaderBar
          home="/"
          account={
            visitor ? <VisitorLinks waitlistMode={visitor.waitlistMode} /> : <UserMenuPlaceholder />
          }
        />
      }
    >
      <PublicMain>
        <LandingPage />
      </PublicMain>
    </SiteFrame>
  );
}
