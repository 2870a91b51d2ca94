// Clerk mode's root: `ClerkProvider` around the app, with clerk-js and Clerk's UI bundled (nothing
// is fetched from Clerk's CDN) and Clerk's Frontend API reached through the configured proxy. This
// module and everything it imports (about 1.9 MB) is a lazy chunk that app.tsx loads only when
// `/api/v1/config` names Clerk: the landing page and embedded-mode pages never fetch it.
import { Clerk } from '@clerk/clerk-js';
import { ClerkProvider, useAuth, useClerk } from '@clerk/react';
import { ui } from '@clerk/ui';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import type { ClientConfig } from '../../contract/config.ts';
import { reloadSession } from '../hooks/use-session.ts';
import { ApiRequestError } from '../lib/api-client.ts';
import { type ClerkLike, createClerkWebAuth } from './clerk-auth.ts';
import { CLERK_PATHS } from './clerk-paths.ts';

type Navigate = (to: string, options?: { replace?: boolean }) => unknown;

/** Resolved with the Clerk instance once it has loaded (client and session known). */
let resolveLoaded: (clerk: ClerkLike) => void = () => {};
let rejectLoaded: (error: Error) => void = () => {};
const loaded = new Promise<ClerkLike>((resolve, reject) => {
  resolveLoaded = resolve;
  rejectLoaded = reject;
});
// Rejected only when Clerk cannot start; the session hook shows that as its error state.
loaded.catch(() => {});

/**
 * @clerk/react 6.17.2 subscribes `ClerkProvider` to Clerk's status in an effect, and a listener
 * added once clerk-js is ready is never told it is (`on('status')` without `notify`). When loading
 * finished before that effect ran (it does, against a fast Frontend API), `<SignIn>` and the other
 * components stayed empty for good. So clerk-js starts loading only after the provider's effects
 * have run: `ProviderMounted`, a child, resolves this in its own effect, and the provider's runs in
 * the same flush, before the promise's continuation.
 */
let resolveProviderMounted: () => void = () => {};
const providerMounted = new Promise<void>((resolve) => {
  resolveProviderMounted = resolve;
});

function ProviderMounted() {
  useEffect(() => resolveProviderMounted(), []);
  return null;
}

/** clerk-js, whose `load` waits for `ClerkProvider` to listen (see above). */
class ClerkAfterMount extends Clerk {
  constructor(...args: ConstructorParameters<typeof Clerk>) {
    super(...args);
    const load = this.load;
    this.load = async (options) => {
      await providerMounted;
      return load(options);
    };
  }
}

/** The `WebAuth` of Clerk mode (installed by app.tsx); tokens wait for Clerk to load. */
export const clerkWebAuth = createClerkWebAuth(() => loaded);

/**
 * Our theme tokens (src/web/theme.css) as Clerk's appearance variables: CSS variables, so Clerk's
 * components follow the tokens and no colour is written here.
 */
export const clerkAppearance = {
  variables: {
    colorPrimary: 'var(--color-primary)',
    colorPrimaryForeground: 'var(--color-primary-foreground)',
    colorBackground: 'var(--color-surface)',
    colorForeground: 'var(--color-foreground)',
    colorMuted: 'var(--color-surface-muted)',
    colorMutedForeground: 'var(--color-muted-foreground)',
    colorNeutral: 'var(--color-foreground)',
    colorInput: 'var(--color-surface)',
    colorInputForeground: 'var(--color-foreground)',
    colorBorder: 'var(--color-border)',
    colorRing: 'var(--color-ring)',
    colorDanger: 'var(--color-danger)',
    colorSuccess: 'var(--color-success)',
    colorWarning: 'var(--color-warning)',
    fontFamily: 'var(--font-sans)',
    borderRadius: '0.5rem',
  },
  elements: {
    // As our cards (AuthShell): a hairline border and the card shadow, never wider than the page.
    cardBox: 'shadow-card border border-border max-w-full',
    rootBox: 'max-w-full',
    organizationSwitcherTrigger: 'rounded-lg border border-border bg-surface px-2 py-1.5',
  },
};

/**
 * Tells the app when Clerk's session changes under it (signed in or out through Clerk's
 * components, another organization chosen in the switcher): the token is asked for anew, and what
 * was read for the old session or organization is forgotten and the user read again.
 */
function ClerkBridge() {
  const clerk = useClerk();
  const { isLoaded, sessionId, orgId } = useAuth();
  const client = useQueryClient();
  const seen = useRef<string | null>(null);

  useEffect(() => {
    if (isLoaded) resolveLoaded(clerk as unknown as ClerkLike);
  }, [isLoaded, clerk]);

  useEffect(() => {
    if (!isLoaded) return;
    const current = `${sessionId ?? ''}|${orgId ?? ''}`;
    // The first value is what the session was first read with.
    if (seen.current === null || seen.current === current) {
      seen.current = current;
      return;
    }
    seen.current = current;
    void reloadSession(client).catch(() => {
      // The session query shows its own error state.
    });
  }, [isLoaded, sessionId, orgId, client]);

  return null;
}

export function ClerkRoot({
  config,
  navigate,
  children,
}: {
  config: ClientConfig;
  navigate: Navigate;
  children: ReactNode;
}) {
  const publishableKey = config.clerkPublishableKey;
  useEffect(() => {
    if (!publishableKey) {
      rejectLoaded(
        new ApiRequestError({
          status: 0,
          code: 'clerk_not_configured',
          message:
            'Signing in is not set up on this deployment yet (its Clerk publishable key is missing). Tell its administrator.',
        }),
      );
    }
  }, [publishableKey]);
  if (!publishableKey) return children;
  return (
    <ClerkProvider
      publishableKey={publishableKey}
      {...(config.clerkProxyUrl ? { proxyUrl: config.clerkProxyUrl } : {})}
      Clerk={ClerkAfterMount}
      ui={ui}
      appearance={clerkAppearance}
      signInUrl={CLERK_PATHS.signIn}
      signUpUrl={CLERK_PATHS.signUp}
      signInFallbackRedirectUrl={CLERK_PATHS.continue}
      signUpFallbackRedirectUrl={CLERK_PATHS.continue}
      afterSignOutUrl="/"
      routerPush={(to: string) => navigate(to)}
      routerReplace={(to: string) => navigate(to, { replace: true })}
    >
      <ProviderMounted />
      <ClerkBridge />
      {children}
    </ClerkProvider>
  );
}
