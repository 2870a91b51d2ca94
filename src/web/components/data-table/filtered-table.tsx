import type { RowData } from '@tanstack/react-table';
import type { ListSpec } from '../../lib/list-state.ts';
import { DataTable, type DataTableProps, type DataTableQuery } from './data-table.tsx';
import { type FilterField, ListFilters } from './list-filters.tsx';
import { ListProblems } from './list-problems.tsx';
import type { ListState } from './use-list-state.ts';

/** One page of a list as the server answers it: its rows, and how many there are in all. */
export type ListPage<T> = { data: T[]; totalCount: number };

/**
 * The body of a paged list page: its filter bar, what the address asked for that could not be
 * used, and the table of the page the server answered. The rows, paging and load states come
 * from `query`; the rest goes to `DataTable` as it is.
 */
export function FilteredTable<S extends { page: number }, T extends RowData>({
  filtersLabel,
  filters,
  spec,
  list,
  query,
  pageSize,
  ...table
}: Omit<DataTableProps<T>, 'rows' | 'query' | 'list' | 'page'> & {
  /** Names the filter bar's search landmark: "Find clients". */
  filtersLabel: string;
  filters: readonly FilterField<S>[];
  spec: ListSpec<S>;
  list: ListState<S>;
  query: DataTableQuery & { data: ListPage<T> | undefined };
  pageSize: number;
}) {
  const data = query.data;
  return (
    <>
      <ListFilters label={filtersLabel} spec={spec} list={list} fields={filters} />
      <ListProblems list={list} />
      <DataTable
        {...table}
        rows={data?.data}
        query={query}
        list={list}
        page={
          data && {
            page: list.state.page,
            pageSize,
            shown: data.data.length,
            total: data.totalCount,
          }
        }
      />
    </>
  );
}
