import type { ReactNode } from 'react';
import { Alert } from './alert.tsx';
import { PageContainer } from './page-container.tsx';
import { PageHeader } from './page-header.tsx';

/*
 * The states of a page about one thing named by its address (an organization, a submission)
 * before it can show that thing: loading, and not found. A failure to load is `ErrorState`.
 */

/** The address names nothing the person may see: the page's title says so, the text says why. */
export function NotFoundState({
  title,
  actions,
  children,
}: {
  title: string;
  /** A way back, at the right of the title. */
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <PageContainer>
      <PageHeader title={title} actions={actions} />
      <Alert tone="warning" live={false}>
        <p>{children}</p>
      </Alert>
    </PageContainer>
  );
}

/**
 * While the thing loads: a placeholder for the page's header, the loading words for screen
 * readers (`label`), and `children` as placeholders for the body, shaped like what comes.
 */
export function DetailLoading({ label, children }: { label: string; children: ReactNode }) {
  return (
    <PageContainer>
      <div aria-hidden="true" className="animate-pulse space-y-3 pt-6 pb-5">
        <div className="h-6 w-56 rounded bg-surface-muted" />
        <div className="h-4 w-72 max-w-full rounded bg-surface-muted" />
      </div>
      <p role="status" className="sr-only">
        {label}
      </p>
      {children}
    </PageContainer>
  );
}
