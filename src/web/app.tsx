import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ReactNode, StrictMode, Suspense } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { Link } from 'react-router';
// From react-router/dom: it wires in react-dom's flushSync, which signing out relies on.
import { RouterProvider } from 'react-router/dom';
import type { ClientConfig } from '../contract/config.ts';
import { deferredWebAuth } from './auth/deferred-auth.ts';
import { embeddedAuth } from './auth/embedded-auth.ts';
import { installWebAuth, type WebAuth } from './auth/web-auth.ts';
import { type Navigation, NavigationProvider } from './components/navigation.tsx';
import { SessionRefreshListener } from './components/session-refresh.tsx';
import { ToastProvider } from './components/toast.tsx';
import {
  clientConfigQuery,
  ensureClientConfig,
  useClientConfig,
} from './hooks/use-client-config.ts';
import { queryClient } from './query-client.ts';
import { router } from './router.tsx';

/** Shared components (the landing page's) link and navigate with the router here. */
const routerNavigation: Navigation = {
  Link,
  navigate: (to, options) => void router.navigate(to, options),
};

// Clerk's code (about 1.9 MB) is fetched only when the deployment's configuration names Clerk.
const ClerkRoot = lazy(async () => ({
  default: (await import('./auth/clerk-root.tsx')).ClerkRoot,
}));

/** The sign-in of the provider the configuration names; read before the first token is asked. */
async function loadWebAuth(): Promise<WebAuth> {
  const config = await ensureClientConfig(queryClient);
  if (config.identityProvider === 'clerk') {
    return (await import('./auth/clerk-root.tsx')).clerkWebAuth;
  }
  return embeddedAuth;
}

/**
 * In clerk mode, the app inside `ClerkProvider` (clerk-root.tsx); with the embedded provider, or
 * while the configuration is read, the app as it is.
 */
function IdentityRoot({ children }: { children: ReactNode }) {
  const config = useClientConfig();
  if (config.data?.identityProvider !== 'clerk') return children;
  return (
    <Suspense
      fallback={
        <p role="status" className="px-4 py-16 text-center text-muted-foreground">
          Loading…
        </p>
      }
    >
      <ClerkRoot config={config.data} navigate={(to, options) => router.navigate(to, options)}>
        {children}
      </ClerkRoot>
    </Suspense>
  );
}

/**
 * Renders the full app into `container`: by main.tsx on every page but the landing page, and by
 * the landing page's own entry (landing.tsx) when it finds a signed-in person, who gets their
 * header and menu. Then `config` is what it read already, and `replacing` its root, unmounted here
 * in the same task as the app renders, so that no frame shows an empty page.
 */
export function mountApp(
  container: HTMLElement,
  { config, replacing }: { config?: ClientConfig; replacing?: Root } = {},
): void {
  if (config) queryClient.setQueryData(clientConfigQuery.queryKey, config);
  installWebAuth(
    config?.identityProvider === 'local' ? embeddedAuth : deferredWebAuth(loadWebAuth),
  );
  const app = (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <SessionRefreshListener />
          <NavigationProvider value={routerNavigation}>
            <IdentityRoot>
              <RouterProvider router={router} />
            </IdentityRoot>
          </NavigationProvider>
        </ToastProvider>
      </QueryClientProvider>
    </StrictMode>
  );
  if (!replacing) {
    createRoot(container).render(app);
    return;
  }
  replacing.unmount();
  const root = createRoot(container);
  flushSync(() => root.render(app));
}
