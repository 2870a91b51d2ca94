import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { LandingDocument } from './landing-document.tsx';

/**
 * The landing page's HTML, for landing.html's #root: run by `npm run build` (vite.config.ts), so
 * that the first paint of `/` waits for no script. Rendered as landing.tsx first renders it (no
 * visitor known yet), which it then hydrates.
 */
export function prerenderLanding(): string {
  return renderToString(
    <StrictMode>
      <LandingDocument visitor={null} />
    </StrictMode>,
  );
}
