import { ChevronLeft, ChevronRight } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { PageView } from '../lib/list-state.ts';
import { Spinner } from './button.tsx';

const stepClass =
  'inline-flex h-8 items-center gap-1 rounded-md border border-border bg-surface px-2.5 text-sm font-medium text-foreground transition-colors hover:bg-surface-muted';
const stepDisabledClass =
  'inline-flex h-8 cursor-default items-center gap-1 rounded-md border border-dashed border-border px-2.5 text-sm font-medium text-muted-foreground';

/**
 * "Showing 21–40 of 57 · page 2 of 3" with Previous and Next. The steps are links to the list's
 * own address with another `page`, so a page can be opened in a new tab or shared.
 */
export function Pagination({
  view,
  page,
  label,
  busy = false,
  hrefFor,
}: {
  view: PageView;
  page: number;
  /** Names the navigation landmark: "Waitlist pages". */
  label: string;
  /** A page is being loaded: a small spinner next to the count. */
  busy?: boolean;
  hrefFor: (page: number) => string;
}) {
  const where =
    view.pageCount !== null
      ? view.pageCount > 1
        ? ` · page ${page} of ${view.pageCount}`
        : ''
      : page > 1
        ? ` · page ${page}`
        : '';
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 py-3">
      <p className="flex items-center gap-2 text-sm text-muted-foreground">
        {view.summary}
        {where}
        {busy && <Spinner className="size-3.5" />}
      </p>
      <div className="flex gap-2">
        <Step to={view.hasPrevious ? hrefFor(page - 1) : null} rel="prev">
          <ChevronLeft aria-hidden="true" className="size-4" />
          Previous
        </Step>
        <Step to={view.hasNext ? hrefFor(page + 1) : null} rel="next">
          Next
          <ChevronRight aria-hidden="true" className="size-4" />
        </Step>
      </div>
    </nav>
  );
}

function Step({
  to,
  rel,
  children,
}: {
  to: string | null;
  rel: 'prev' | 'next';
  children: ReactNode;
}) {
  if (to === null) {
    // Nowhere to go: shown dimmed, as text, out of the tab order.
    return <span className={stepDisabledClass}>{children}</span>;
  }
  return (
    <Link to={to} rel={rel} className={stepClass}>
      {children}
    </Link>
  );
}
