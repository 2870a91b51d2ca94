// The sign-in screens of Clerk mode: Clerk's prebuilt components under our routes (path routing, so
// Clerk's own steps get addresses such as /sign-up/verify-email-address), styled with our tokens
// (clerk-root.tsx). Loaded only in Clerk mode, with Clerk's chunk.
import { OrganizationSwitcher, SignIn, SignUp, useAuth } from '@clerk/react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { Alert } from '../components/alert.tsx';
import { linkClass } from '../components/link-classes.ts';
import { ErrorState, LoadingState } from '../components/page-state.tsx';
import { useClientConfig } from '../hooks/use-client-config.ts';
import { reloadSession, useSession } from '../hooks/use-session.ts';
import { pathAfterSignIn } from '../lib/password-links.ts';
import { safeNextPath } from '../lib/roles.ts';
import { CLERK_PATHS, continuePath } from './clerk-paths.ts';

/** A public page around one of Clerk's cards: the title for the tab, the card centred. */
function ClerkFrame({
  pageTitle,
  lead,
  children,
}: {
  pageTitle: string;
  lead?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto flex w-full max-w-md flex-col items-center px-4 py-12 sm:py-20">
      <title>{`${pageTitle} · Arete`}</title>
      {lead && <div className="mb-6 w-full">{lead}</div>}
      <div className="flex w-full min-w-0 justify-center">{children}</div>
    </div>
  );
}

/**
 * Clerk's screens need its publishable key (CLERK_PUBLISHABLE_KEY); a deployment without it gets a
 * sentence for its administrator instead of a broken page.
 */
function withPublishableKey(pageTitle: string, Screen: () => ReactNode) {
  return function ClerkPage() {
    const config = useClientConfig();
    if (config.data && !config.data.clerkPublishableKey)
      return (
        <ClerkFrame pageTitle={pageTitle}>
          <Alert tone="danger" title="Signing in is not set up yet">
            <p>
              This Arete uses Clerk, but its Clerk publishable key is missing
              (CLERK_PUBLISHABLE_KEY). Tell its administrator.
            </p>
          </Alert>
        </ClerkFrame>
      );
    return <Screen />;
  };
}

export const ClerkSignInPage = withPublishableKey('Sign in', SignInScreen);
export const ClerkSignUpPage = withPublishableKey('Sign up', SignUpScreen);
export const ClerkContinuePage = withPublishableKey('Signing in', ContinueScreen);

function useNext(): string | null {
  const [searchParams] = useSearchParams();
  return safeNextPath(searchParams.get('next'));
}

function SignInScreen() {
  const next = useNext();
  return (
    <ClerkFrame pageTitle="Sign in">
      <SignIn
        routing="path"
        path={CLERK_PATHS.signIn}
        signUpUrl={CLERK_PATHS.signUp}
        fallbackRedirectUrl={continuePath(next)}
      />
    </ClerkFrame>
  );
}

function SignUpScreen() {
  const config = useClientConfig();
  const next = useNext();
  const waitlistMode = config.data?.signUpMode === 'waitlist';
  return (
    <ClerkFrame
      pageTitle="Sign up"
      lead={
        waitlistMode && (
          <Alert tone="info" live={false} title="Arete is invitation only for now">
            <p>
              Accounts here are managed by Clerk, and Clerk's own waitlist and invitations apply:
              sign up with the address your invitation was sent to.
            </p>
            <p className="mt-2">
              Not invited yet?{' '}
              <Link to="/#waitlist" className={linkClass}>
                Join the waitlist
              </Link>
              ; an admin reviews each request and invites you by email.
            </p>
          </Alert>
        )
      }
    >
      <SignUp
        routing="path"
        path={CLERK_PATHS.signUp}
        signInUrl={CLERK_PATHS.signIn}
        fallbackRedirectUrl={continuePath(next)}
      />
    </ClerkFrame>
  );
}

/**
 * Where Clerk sends a person once they are signed in or up: the user is read with the new session,
 * then they go on to the page they asked for, or to their area.
 */
function ContinueScreen() {
  const { isLoaded, isSignedIn } = useAuth();
  const session = useSession();
  const client = useQueryClient();
  const next = useNext();
  const asked = useRef(false);
  const stillSignedOut = isLoaded && isSignedIn && session.status === 'signed-out';

  // Clerk may have switched sessions before this page read the user: read it once more.
  useEffect(() => {
    if (!stillSignedOut || asked.current) return;
    asked.current = true;
    void reloadSession(client).catch(() => {});
  }, [stillSignedOut, client]);

  if (session.status === 'signed-in') {
    return <Navigate to={pathAfterSignIn(session.user.role, next)} replace />;
  }
  if (session.status === 'error') {
    return (
      <ErrorState
        title="Your account could not be loaded"
        error={session.error}
        onRetry={session.retry}
      />
    );
  }
  if (isLoaded && !isSignedIn) return <Navigate to={CLERK_PATHS.signIn} replace />;
  return (
    <div className="mx-auto w-full max-w-md px-4">
      <title>Signing in · Arete</title>
      <LoadingState label="Signing you in…" />
    </div>
  );
}

/**
 * Clerk mode's organization switcher: Clerk's own, which makes the chosen organization the
 * session's active one (the `o` claim of the next tokens). ClerkRoot's bridge then reads the user
 * again and forgets what was read for the organization before.
 */
export function ClerkOrganizationSwitcher() {
  return (
    <OrganizationSwitcher
      hidePersonal={false}
      afterCreateOrganizationUrl="/organizations"
      organizationProfileMode="modal"
      createOrganizationMode="modal"
    />
  );
}
