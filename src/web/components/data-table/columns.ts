import {
  type ColumnHelper,
  createColumnHelper,
  type RowData,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';

/** What a column may say about how it is drawn. */
export type DataColumnMeta = {
  /** Classes for the column's cells and header (a width, `whitespace-nowrap`, …). */
  className?: string;
  /** The header is read by screen readers only (a column of buttons, a checkbox). */
  headerHidden?: boolean;
  /** A sortable column starts newest (or largest) first. */
  descFirst?: boolean;
};

/**
 * The features of every list's table: sorting and selection state (the rows arrive sorted and
 * paged by the server). Module scope: the table wants the same object on every render.
 */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowSelectionFeature,
  columnMeta: {} as DataColumnMeta,
});

export type DataTableFeatures = typeof dataTableFeatures;

/** A typed column helper for rows of type `T`: `const col = dataTableColumns<Entry>()`. */
export function dataTableColumns<T extends RowData>(): ColumnHelper<DataTableFeatures, T> {
  return createColumnHelper<DataTableFeatures, T>();
}

/** What `col.columns([...])` gives: the `columns` of a `DataTable`. */
export type DataTableColumns<T extends RowData> = ReturnType<
  ColumnHelper<DataTableFeatures, T>['columns']
>;
