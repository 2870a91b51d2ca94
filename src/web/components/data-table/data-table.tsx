/**
 * DataTable: the one table of every list page (the admin lists now; coaching interest, clients,
 * documents and goals next). Search and filters, sorting, paging, selection, row actions and the
 * four states (loading, error, empty, data) live here and beside it; a page says what its rows are.
 *
 * A list page (routes/admin-users-page.tsx is a short one):
 * 1. Spec its address with the contract's schema per query parameter (lib/admin-lists.ts):
 *    `{ query: { schema: xQuerySchema.shape.query, fallback: '', label: 'search', instead:
 *    'everyone' }, …, page }`. `const list = useListState(spec)` reads it: a value the schema
 *    refuses falls back and is explained (`<ListProblems list={list} />`), never sent.
 * 2. Query with `list.state` in the key and `placeholderData: keepPreviousData`.
 * 3. Columns at module scope (or memoised): `const col = dataTableColumns<Row>()`, then
 *    `col.columns([col.accessor('email', { header: 'Email', enableSorting: true }), col.display(
 *    { id: 'role', header: 'Role', cell: ({ row }) => … })])`. A sortable column is an accessor
 *    with `enableSorting: true` whose id is the server's sort key; `meta` takes `className`,
 *    `descFirst`, `headerHidden`. Keep rows one line (~40 px): `TruncatedText`, `DateCell`,
 *    `RowAction` (cells.tsx).
 * 4. Render `<ListFilters label spec list fields />`, `<ListProblems list />`, then
 *    `<DataTable label columns rows={query.data?.data} getRowId query={query} list={list}
 *    page={{ page, pageSize, shown, total }} pagesLabel sort? selection? rowActions? empty />`.
 *    `<FilteredTable>` (filtered-table.tsx) renders the three from `query` and `pageSize`.
 *    A page past the end says so and links to the last one; a failed load offers "Try again" only
 *    when trying again can help.
 *
 * The table scrolls sideways inside its own positioned wrapper (screen-reader-only text in cells
 * stays inside it), with the row actions pinned at the right: the page never scrolls sideways.
 */
import {
  functionalUpdate,
  type Header,
  type ReactTable,
  type RowData,
  type RowSelectionState,
  type SortingState,
  useTable,
} from '@tanstack/react-table';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { type ReactNode, useEffect, useId, useMemo, useRef } from 'react';
import { Link } from 'react-router';
import { describePage, nextSort, type PageInput, type SortState } from '../../lib/list-state.ts';
import { isRetryable, plainApiError } from '../../lib/plain-errors.ts';
import { Alert } from '../alert.tsx';
import { Button } from '../button.tsx';
import { linkClass } from '../link-classes.ts';
import { Pagination } from '../pagination.tsx';
import { RowAction } from './cells.tsx';
import { type DataTableColumns, type DataTableFeatures, dataTableFeatures } from './columns.ts';

export type DataTableSelection<T> = {
  value: RowSelectionState;
  onChange: (next: RowSelectionState) => void;
  /** Rows that cannot be selected get a disabled checkbox (with `cannotSelectReason` as title). */
  canSelect?: (row: T) => boolean;
  cannotSelectReason?: string;
  /** The checkbox's name for a row: "Select ada@example.com". */
  rowLabel: (row: T) => string;
  /** "Select all entries on this page". */
  allLabel: string;
  /** What the selection bar says while nothing is selected. */
  hint: string;
  /** Names the selection bar: "Selected entries". */
  toolbarLabel: string;
  /** The bulk actions, given the selected rows of this page. */
  actions: (selected: T[]) => ReactNode;
};

/** The part of a TanStack Query result the table shows the state of. */
export type DataTableQuery = {
  isPending: boolean;
  isFetching: boolean;
  isError: boolean;
  error: Error | null;
  refetch: () => unknown;
};

export type DataTableProps<T extends RowData> = {
  /** The table's name: its caption and the name of the region around it. */
  label: string;
  /** The filters in use, for the caption (", status Pending, matching “ada”"). */
  captionDetail?: string;
  columns: DataTableColumns<T>;
  /** This page's rows as the server answered (undefined before the first answer). */
  rows: T[] | undefined;
  getRowId: (row: T) => string;
  query: DataTableQuery;
  /** `pageHref` for the steps and `resetHref` for "Clear the filters" (from `useListState`). */
  list: { pageHref: (page: number) => string; resetHref: string; filtered: boolean };
  /** The page as the server answered it (undefined before the first answer). */
  page: PageInput | undefined;
  /** Names the page navigation: "Waitlist pages". */
  pagesLabel: string;
  sort?: { value: SortState; onChange: (next: SortState) => void };
  selection?: DataTableSelection<T>;
  /** The last column: what can be done to one row. */
  rowActions?: (row: T) => ReactNode;
  /** Shown instead of the table when the list has nothing: what it is and the first action. */
  empty: ReactNode;
  /** Rows drawn with a tint (a row being edited, a row just changed). */
  highlight?: (row: T) => boolean;
};

/** The `list` of a table that is one page at `path`: no paging, no filters. */
export const ONE_PAGE_LIST = (path: string): DataTableProps<object>['list'] => ({
  pageHref: () => path,
  resetHref: path,
  filtered: false,
});

const NO_ROWS: never[] = [];
const NOTHING_SELECTED: RowSelectionState = {};
const cellClass = 'px-2.5 py-1.5 align-middle';
const SKELETON_ROWS = 6;
const markedClass = 'shadow-[inset_3px_0_0_var(--color-primary)]';
/** Row actions stay in view at the right while a wide table scrolls under them. */
const stickyActionsClass =
  'sticky right-0 text-right whitespace-nowrap shadow-[-1px_0_0_var(--color-border)]';

export function DataTable<T extends RowData>({
  label,
  captionDetail = '',
  columns,
  rows,
  getRowId,
  query,
  list,
  page,
  pagesLabel,
  sort,
  selection,
  rowActions,
  empty,
  highlight,
}: DataTableProps<T>) {
  const titleId = useId();
  const sortId = sort?.value.id;
  const sortDesc = sort?.value.desc;
  const sorting = useMemo<SortingState>(
    () => (sortId === undefined ? [] : [{ id: sortId, desc: sortDesc === true }]),
    [sortId, sortDesc],
  );
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: rows ?? (NO_ROWS as T[]),
    getRowId: (row) => getRowId(row),
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting, rowSelection: selection?.value ?? NOTHING_SELECTED },
    onSortingChange: (updater) => {
      const [next] = functionalUpdate(updater, sorting);
      if (next && sort) sort.onChange(next);
    },
    enableRowSelection: (row) => selection?.canSelect?.(row.original) ?? selection !== undefined,
    enableRowRangeSelection: false,
    onRowSelectionChange: (updater) =>
      selection?.onChange(functionalUpdate(updater, selection.value)),
  });

  const view = page ? describePage(page) : null;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const columnCount = headers.length + (selection ? 1 : 0) + (rowActions ? 1 : 0);
  const tableRows = table.getRowModel().rows;
  const selected = tableRows.filter((row) => row.getIsSelected()).map((row) => row.original);

  const loadError = query.isError ? query.error : null;
  const firstLoad = query.isPending && !rows;

  return (
    <section aria-labelledby={titleId} className="space-y-3">
      <h2 id={titleId} className="sr-only">
        {label}
      </h2>

      {loadError && <LoadFailure error={loadError} query={query} list={list} />}

      {selection && !firstLoad && rows && rows.length > 0 && (
        <SelectionBar selection={selection} selected={selected} />
      )}

      {view?.pastEnd && page ? (
        <PastEnd page={page.page} lastPage={view.pastEnd.lastPage} href={list.pageHref} />
      ) : rows && rows.length === 0 && !firstLoad ? (
        <div className="rounded-xl border border-dashed border-border px-6 py-10 text-center text-sm text-muted-foreground">
          {empty}
        </div>
      ) : loadError && !rows ? null : (
        // `relative`: screen-reader-only text in the cells is positioned inside the scroller.
        // Focusable, so that a keyboard can scroll it sideways when no cell holds a control.
        <div
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus
          tabIndex={0}
          className="relative overflow-x-auto rounded-xl border border-border bg-surface"
        >
          <table className="w-full text-left text-sm" aria-busy={query.isFetching || undefined}>
            <caption className="sr-only">
              {label}
              {captionDetail}
            </caption>
            <thead className="border-b border-border bg-surface-muted text-xs text-muted-foreground">
              <tr>
                {selection && (
                  <th scope="col" className="w-10 px-3 py-2">
                    <SelectAll table={table} label={selection.allLabel} />
                  </th>
                )}
                {headers.map((header) => (
                  <HeaderCell key={header.id} header={header} sort={sort} />
                ))}
                {rowActions && (
                  <th
                    scope="col"
                    className={`px-3 py-2 font-medium ${stickyActionsClass} bg-surface-muted`}
                  >
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {firstLoad
                ? Array.from({ length: SKELETON_ROWS }, (_, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: placeholders never move
                    <tr key={index} className="border-b border-border last:border-b-0">
                      <td colSpan={columnCount} className={cellClass}>
                        <span className="block h-5 w-full animate-pulse rounded bg-surface-muted" />
                      </td>
                    </tr>
                  ))
                : tableRows.map((row) => {
                    const isSelected = row.getIsSelected();
                    // A bar at the row's start marks it: a tint would take contrast from badges.
                    const mark = isSelected || highlight?.(row.original) ? markedClass : '';
                    return (
                      <tr
                        key={row.id}
                        className="h-10 border-b border-border last:border-b-0 hover:bg-surface-muted/60"
                      >
                        {selection && (
                          <td className={`w-10 ${cellClass} ${mark}`}>
                            <input
                              type="checkbox"
                              aria-label={selection.rowLabel(row.original)}
                              checked={isSelected}
                              disabled={!row.getCanSelect()}
                              title={row.getCanSelect() ? undefined : selection.cannotSelectReason}
                              onChange={row.getToggleSelectedHandler()}
                              className="size-4 accent-primary"
                            />
                          </td>
                        )}
                        {row.getAllCells().map((cell, index) => (
                          <td
                            key={cell.id}
                            className={`${cellClass} ${cell.column.columnDef.meta?.className ?? ''} ${index === 0 && !selection ? mark : ''}`}
                          >
                            <table.FlexRender cell={cell} />
                          </td>
                        ))}
                        {rowActions && (
                          <td className={`${cellClass} ${stickyActionsClass} bg-surface`}>
                            {rowActions(row.original)}
                          </td>
                        )}
                      </tr>
                    );
                  })}
            </tbody>
          </table>
          {firstLoad && (
            <p role="status" className="sr-only">
              Loading {label.toLowerCase()}…
            </p>
          )}
        </div>
      )}

      {view && page && !view.pastEnd && rows && rows.length > 0 && (
        <Pagination
          view={view}
          page={page.page}
          label={pagesLabel}
          busy={query.isFetching}
          hrefFor={list.pageHref}
        />
      )}
    </section>
  );
}

function HeaderCell<T extends RowData>({
  header,
  sort,
}: {
  header: Header<DataTableFeatures, T, unknown>;
  sort: DataTableProps<T>['sort'];
}) {
  const { column } = header;
  const meta = column.columnDef.meta;
  const sortable = sort !== undefined && column.columnDef.enableSorting === true;
  const active = sortable && sort.value.id === column.id;
  const direction = active ? (sort.value.desc ? 'descending' : 'ascending') : undefined;
  const content = header.isPlaceholder ? null : <FlexHeader header={header} />;
  const Icon = !active ? ArrowUpDown : sort?.value.desc ? ArrowDown : ArrowUp;
  return (
    <th
      scope="col"
      aria-sort={sortable ? (direction ?? 'none') : undefined}
      className={`px-2.5 py-2 font-medium whitespace-nowrap ${meta?.className ?? ''}`}
    >
      {meta?.headerHidden ? (
        <span className="sr-only">{content}</span>
      ) : sortable ? (
        <button
          type="button"
          onClick={() => sort.onChange(nextSort(sort.value, column.id, meta?.descFirst === true))}
          className={`-mx-1 inline-flex items-center gap-1 rounded px-1 transition-colors hover:text-foreground ${active ? 'text-foreground' : ''}`}
        >
          {content}
          <Icon aria-hidden="true" className="size-3.5" />
        </button>
      ) : (
        content
      )}
    </th>
  );
}

/** A header's template: a string, or a function of its context. */
function FlexHeader<T extends RowData>({
  header,
}: {
  header: Header<DataTableFeatures, T, unknown>;
}) {
  const template = header.column.columnDef.header;
  if (typeof template === 'function') return <>{template(header.getContext())}</>;
  return <>{template ?? header.column.id}</>;
}

function SelectAll<T extends RowData>({
  table,
  label,
}: {
  table: ReactTable<DataTableFeatures, T>;
  label: string;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const all = table.getIsAllPageRowsSelected();
  const some = table.getIsSomePageRowsSelected();
  const selectable = table.getRowModel().rows.some((row) => row.getCanSelect());
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some && !all;
  }, [some, all]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label={label}
      checked={all && selectable}
      disabled={!selectable}
      onChange={table.getToggleAllPageRowsSelectedHandler()}
      className="size-4 accent-primary"
    />
  );
}

function SelectionBar<T>({
  selection,
  selected,
}: {
  selection: DataTableSelection<T>;
  selected: T[];
}) {
  const count = selected.length;
  return (
    <div
      role="toolbar"
      aria-label={selection.toolbarLabel}
      className="flex min-h-11 flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-border bg-surface-muted px-3 py-1.5"
    >
      <p className="text-sm text-foreground" aria-live="polite">
        {count === 0 ? selection.hint : `${count} selected`}
      </p>
      <div className="ml-auto flex flex-wrap gap-1.5">
        {selection.actions(selected)}
        <RowAction disabled={count === 0} onClick={() => selection.onChange({})}>
          Clear selection
        </RowAction>
      </div>
    </div>
  );
}

function PastEnd({
  page,
  lastPage,
  href,
}: {
  page: number;
  lastPage: number;
  href: (page: number) => string;
}) {
  return (
    <Alert tone="info" title={`Page ${page} is past the end of this list`}>
      <p>
        {lastPage === 1 ? 'Everything it holds is on one page. ' : `It ends on page ${lastPage}. `}
        <Link to={href(lastPage)} className={linkClass}>
          {lastPage === 1 ? 'Go to the first page' : `Go to page ${lastPage}, the last one`}
        </Link>
      </p>
    </Alert>
  );
}

function LoadFailure({
  error,
  query,
  list,
}: {
  error: Error;
  query: DataTableQuery;
  list: DataTableProps<object>['list'];
}) {
  const retryable = isRetryable(error);
  return (
    <Alert tone="danger" title="The list could not be loaded">
      <p>{plainApiError(error)}</p>
      {retryable ? (
        <Button variant="secondary" size="sm" className="mt-3" onClick={() => query.refetch()}>
          Try again
        </Button>
      ) : (
        list.filtered && (
          <p className="mt-2">
            <Link to={list.resetHref} className={linkClass}>
              Clear the search and filters
            </Link>
          </p>
        )
      )}
    </Alert>
  );
}
