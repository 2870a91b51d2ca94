import type { ReactNode, Ref } from 'react';
import { Link } from 'react-router';
import { useClientConfig } from '../hooks/use-client-config.ts';
import { useSession } from '../hooks/use-session.ts';
import { Alert } from './alert.tsx';
import { Button } from './button.tsx';
import { linkClass } from './link-classes.ts';
import { LoadingState } from './page-state.tsx';

/** The frame of the sign-in pages: a narrow card with a heading, centred on the page. */
export function AuthShell({
  title,
  pageTitle,
  lead,
  children,
  footer,
  headingRef,
}: {
  title: string;
  pageTitle: string;
  lead?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  /** To move focus to the heading when the card's content changes in place (it is then focusable). */
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  return (
    <div className="mx-auto w-full max-w-md px-4 py-12 sm:py-20">
      <title>{`${pageTitle} · Arete`}</title>
      <div className="rounded-2xl border border-border bg-surface p-6 shadow-card sm:p-8">
        <h1
          ref={headingRef}
          tabIndex={headingRef ? -1 : undefined}
          className="font-display text-3xl font-semibold text-balance text-foreground outline-none"
        >
          {title}
        </h1>
        {lead && <div className="mt-3 leading-relaxed text-muted-foreground">{lead}</div>}
        <div className="mt-6">{children}</div>
      </div>
      {footer && <div className="mt-6 text-center text-sm text-muted-foreground">{footer}</div>}
    </div>
  );
}

/**
 * The embedded provider's pages render `children`. In clerk mode the sign-in and sign-up pages
 * render Clerk's own components instead (`clerk`, loaded only then); the pages only the embedded
 * provider has (choosing a password from a mailed link, checking one's email) say so.
 */
export function LocalIdentityOnly({
  pageTitle,
  children,
  clerk,
}: {
  pageTitle: string;
  children: ReactNode;
  clerk?: ReactNode;
}) {
  const config = useClientConfig();
  if (config.isPending) {
    return (
      <div className="mx-auto w-full max-w-md px-4">
        <LoadingState label="Loading…" />
      </div>
    );
  }
  if (config.isError) {
    return (
      <AuthShell title={pageTitle} pageTitle={pageTitle}>
        <Alert tone="danger" title="This page could not be loaded">
          <p>{config.error.message}</p>
        </Alert>
        <Button variant="secondary" className="mt-6" onClick={() => void config.refetch()}>
          Try again
        </Button>
      </AuthShell>
    );
  }
  if (config.data.identityProvider === 'clerk') {
    if (clerk) return clerk;
    return (
      <AuthShell title="This deployment signs in with Clerk" pageTitle={pageTitle}>
        <Alert tone="info" live={false}>
          <p>
            Accounts here are managed by Clerk. This page belongs to the embedded sign-in, which
            this deployment does not use, so there is nothing to fill in here.
          </p>
        </Alert>
        <p className="mt-6 leading-relaxed text-muted-foreground">
          <Link to="/sign-in" className={linkClass}>
            Sign in
          </Link>{' '}
          instead: Clerk's sign-in offers "Forgot password?" and mails you a code.
        </p>
      </AuthShell>
    );
  }
  return children;
}

/** For the sign-in and sign-up pages: someone already signed in is told so instead. */
export function useAlreadySignedIn() {
  const session = useSession();
  return session.status === 'signed-in' ? session.user : null;
}
