import { Button, Spinner } from './button.tsx';

/** "Showing 21–40 of 57" with Previous / Next. */
export function Pagination({
  page,
  pageSize,
  totalCount,
  label,
  busy = false,
  onPage,
}: {
  page: number;
  pageSize: number;
  totalCount: number;
  label: string;
  /** A page is being loaded: a small spinner next to the count. */
  busy?: boolean;
  onPage: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(totalCount / pageSize));
  const first = totalCount === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, totalCount);
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 py-4">
      <p className="flex items-center gap-2 text-sm text-muted-foreground">
        {totalCount === 0 ? 'Nothing to show' : `Showing ${first}–${last} of ${totalCount}`}
        {pages > 1 && ` · page ${page} of ${pages}`}
        {busy && <Spinner />}
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </Button>
        <Button
          variant="secondary"
          size="sm"
          disabled={page >= pages}
          onClick={() => onPage(page + 1)}
        >
          Next
        </Button>
      </div>
    </nav>
  );
}
