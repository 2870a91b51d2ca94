import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { Link } from 'react-router';
// From react-router/dom: it wires in react-dom's flushSync, which signing out relies on.
import { RouterProvider } from 'react-router/dom';
import type { ClientConfig } from '../contract/config.ts';
import { embeddedAuth } from './auth/embedded-auth.ts';
import { installWebAuth } from './auth/web-auth.ts';
import { type Navigation, NavigationProvider } from './components/navigation.tsx';
import { SessionRefreshListener } from './components/session-refresh.tsx';
import { ToastProvider } from './components/toast.tsx';
import { clientConfigQuery } from './hooks/use-client-config.ts';
import { queryClient } from './query-client.ts';
import { router } from './router.tsx';

/** Shared components (the landing page's) link and navigate with the router here. */
const routerNavigation: Navigation = {
  Link,
  navigate: (to, options) => void router.navigate(to, options),
};

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
  installWebAuth(embeddedAuth);
  const app = (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <SessionRefreshListener />
          <NavigationProvider value={routerNavigation}>
            <RouterProvider router={router} />
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
