import './theme.css';
import { StrictMode, startTransition, useEffect, useState } from 'react';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import type { ClientConfig } from '../contract/config.ts';
import { LandingDocument, type LandingVisitor } from './landing-document.tsx';
import { readVisit, type Visit } from './lib/visit.ts';

/*
 * The landing page's own entry. The server answers `/` with landing.html, whose HTML the build
 * pre-rendered (landing-prerender.tsx), so the page shows before any script runs; this hydrates it
 * with React alone, without the router or TanStack Query (README, "Web app"). Its links are plain
 * anchors: any other page is a full page load of the full app (main.tsx). A signed-in person is
 * handed over to the full app here, which gives them their header ("Home", their menu).
 */

const container = document.getElementById('root');
if (!container) throw new Error('landing.html has no #root element to render Arete into');

// Asked at once, while React hydrates the page. Unanswered, the page stays a visitor's.
const visit: Promise<Visit | null> = readVisit().catch(() => null);

/** A signed-in person gets the full app, on this page: its code is fetched now. */
const handOver = async (config: ClientConfig) => {
  const { mountApp } = await import('./app.tsx');
  mountApp(container, { config, replacing: root });
};

function Landing() {
  const [visitor, setVisitor] = useState<LandingVisitor>(null);
  useEffect(() => {
    let current = true;
    void visit.then((found) => {
      if (!current) return;
      if (found?.signedIn) {
        void handOver(found.config);
        return;
      }
      // As the full app's header: the waitlist unless sign-up is known to be open.
      setVisitor({ waitlistMode: found?.config.signUpMode !== 'open' });
    });
    return () => {
      current = false;
    };
  }, []);
  return <LandingDocument visitor={visitor} />;
}

const page = (
  <StrictMode>
    <Landing />
  </StrictMode>
);
/**
 * Hydrated as a transition, as Next.js does: React then yields to the browser every few
 * milliseconds instead of holding the main thread for the whole page (Lighthouse's total blocking
 * time on a slow phone), and the page, already drawn, takes input sooner.
 */
function hydrate(into: HTMLElement): Root {
  let hydrated: Root | undefined;
  startTransition(() => {
    hydrated = hydrateRoot(into, page);
  });
  if (!hydrated) throw new Error('startTransition did not run its callback');
  return hydrated;
}

// `vite` (development) serves landing.html as it is, with nothing to hydrate.
const prerendered = container.firstElementChild !== null;
const root = prerendered ? hydrate(container) : createRoot(container);
if (!prerendered) root.render(page);
