import type { ComponentType } from 'react';
import { LocalIdentityOnly } from './auth-shell.tsx';

/** A sign-in page of this app, as a route's component: shown for the embedded provider only. */
export function localIdentityPage(pageTitle: string, Content: ComponentType): ComponentType {
  return function LocalIdentityPage() {
    return (
      <LocalIdentityOnly pageTitle={pageTitle}>
        <Content />
      </LocalIdentityOnly>
    );
  };
}
