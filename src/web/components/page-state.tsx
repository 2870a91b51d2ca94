import type { ReactNode } from 'react';
import { isRetryable, plainApiError } from '../lib/plain-errors.ts';
import { Alert } from './alert.tsx';
import { Button, Spinner } from './button.tsx';
import { linkClass } from './link-classes.ts';
import { PageContainer } from './page-container.tsx';

/** While something the page needs is loading. */
export function LoadingState({ label }: { label: string }) {
  return (
    <p role="status" className="flex items-center gap-3 py-16 text-muted-foreground">
      <Spinner className="size-5 text-primary" />
      {label}
    </p>
  );
}

/** A whole page standing for "could not load", in plain words. */
export function ErrorState({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: Error;
  onRetry?: () => void;
}) {
  return (
    <PageContainer>
      <div className="max-w-xl py-16">
        <Alert tone="danger" title={title}>
          <p>{plainApiError(error)}</p>
        </Alert>
        {/* Asking again helps only when the server or the network failed. */}
        {onRetry && isRetryable(error) && (
          <Button variant="secondary" className="mt-6" onClick={onRetry}>
            Try again
          </Button>
        )}
      </div>
    </PageContainer>
  );
}

/**
 * A part of a page (a card, a setting) that could not be loaded: what and why (`children`, in
 * plain words), and "Try again". The rest of the page stays.
 */
export function SectionError({ children, onRetry }: { children: ReactNode; onRetry: () => void }) {
  return (
    <div role="alert" className="mt-3 text-sm">
      <p className="text-danger">{children}</p>
      <Button variant="secondary" size="sm" className="mt-2" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}

/** A link-styled button that clears a message the person has read. */
export function DismissButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" onClick={onClick} className={`mt-2 text-sm ${linkClass}`}>
      Dismiss
    </button>
  );
}

/** An admin action that failed, shown until dismissed. */
export function ActionError({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  return (
    <Alert tone="danger" title="That did not work">
      <p>{message}</p>
      <DismissButton onClick={onDismiss} />
    </Alert>
  );
}

/** The top of an app page: a small kicker, the heading, an optional lead paragraph. */
export function PageHeader({
  kicker,
  title,
  children,
  actions,
}: {
  kicker?: string;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="flex flex-wrap items-end justify-between gap-4 pt-12 pb-8 sm:pt-16">
      <div>
        {kicker && (
          <p className="text-sm font-semibold tracking-wide text-primary uppercase">{kicker}</p>
        )}
        <h1 className="mt-2 font-display text-4xl font-semibold text-foreground sm:text-5xl">
          {title}
        </h1>
        {children && (
          <div className="mt-4 max-w-2xl text-lg leading-relaxed text-muted-foreground">
            {children}
          </div>
        )}
      </div>
      {actions}
    </header>
  );
}
