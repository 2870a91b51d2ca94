import { type ComponentType, lazy, Suspense } from 'react';
import { LocalIdentityOnly } from './auth-shell.tsx';
import { LoadingState } from './page-state.tsx';

/**
 * A sign-in page of this app, as a route's component: ours for the embedded provider. In clerk
 * mode, `clerkPage` (Clerk's screen, loaded only then) when there is one, else a notice.
 */
export function localIdentityPage(
  pageTitle: string,
  Content: ComponentType,
  clerkPage?: () => Promise<ComponentType>,
): ComponentType {
  const ClerkPage = clerkPage && lazy(async () => ({ default: await clerkPage() }));
  return function LocalIdentityPage() {
    return (
      <LocalIdentityOnly
        pageTitle={pageTitle}
        clerk={
          ClerkPage && (
            <Suspense
              fallback={
                <div className="mx-auto w-full max-w-md px-4">
                  <LoadingState label="Loading…" />
                </div>
              }
            >
              <ClerkPage />
            </Suspense>
          )
        }
      >
        <Content />
      </LocalIdentityOnly>
    );
  };
}
