import { Button, Spinner } from './button.tsx';

type PaginationProps = {
  page: number;
  label: string;
  /** A page is being loaded: a small spinner next to the count. */
  busy?: boolean;
  onPage: (page: number) => void;
} & (
  | { pageSize: number; totalCount: number; hasMore?: never; shown?: never }
  /** Lists not counted (the audit log): whether a next page exists, and this page's size. */
  | { hasMore: boolean; shown: number; pageSize: number; totalCount?: never }
);

/** "Showing 21–40 of 57" (or "Showing 21–40" when the total is not known) with Previous / Next. */
export function Pagination(props: PaginationProps) {
  const { page, pageSize, label, busy = false, onPage } = props;
  const counted = props.totalCount !== undefined;
  const pages = counted ? Math.max(1, Math.ceil(props.totalCount / pageSize)) : null;
  const shown = counted
    ? Math.min(page * pageSize, props.totalCount) - (page - 1) * pageSize
    : props.shown;
  const first = shown <= 0 ? 0 : (page - 1) * pageSize + 1;
  const last = (page - 1) * pageSize + Math.max(shown, 0);
  const hasNext = pages !== null ? page < pages : props.hasMore === true;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 py-4">
      <p className="flex items-center gap-2 text-sm text-muted-foreground">
        {first === 0
          ? 'Nothing to show'
          : counted
            ? `Showing ${first}–${last} of ${props.totalCount}`
            : `Showing ${first}–${last}`}
        {pages !== null
          ? pages > 1 && ` · page ${page} of ${pages}`
          : page > 1 && ` · page ${page}`}
        {busy && <Spinner />}
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </Button>
        <Button variant="secondary" size="sm" disabled={!hasNext} onClick={() => onPage(page + 1)}>
          Next
        </Button>
      </div>
    </nav>
  );
}
