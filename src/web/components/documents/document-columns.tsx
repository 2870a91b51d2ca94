import { Link } from 'react-router';
import { type DocumentView, documentCategoryLabels } from '../../../contract/documents.ts';
import { formatBytes } from '../../lib/documents.ts';
import { DateCell } from '../data-table/cells.tsx';
import { type DataTableColumns, dataTableColumns } from '../data-table/columns.ts';
import { DocumentStatusBadge } from './document-status-badge.tsx';
import { MarkedText } from './marked-text.tsx';

const col = dataTableColumns<DocumentView>();

/**
 * The columns of a list of documents (the owner's, or a coach's view of a client's): the title,
 * a link to the document's page, with the search's snippet under it (the matched words marked) or
 * else the file's name; category, status, size and date. The owner's list also says whether each
 * is shared.
 */
export function documentColumns({
  href,
  withSharing,
}: {
  /** The document's page, carrying the search. */
  href: (document: DocumentView) => string;
  withSharing: boolean;
}): DataTableColumns<DocumentView> {
  return col.columns([
    col.display({
      id: 'title',
      header: 'Document',
      cell: ({ row }) => <TitleCell document={row.original} href={href(row.original)} />,
      // Takes the width left over; the snippet wraps to two lines at most.
      meta: { className: 'w-full max-w-0 min-w-56' },
    }),
    col.display({
      id: 'category',
      header: 'Category',
      cell: ({ row }) => documentCategoryLabels[row.original.category],
      meta: { className: 'whitespace-nowrap' },
    }),
    col.display({
      id: 'status',
      header: 'Status',
      cell: ({ row }) => <DocumentStatusBadge status={row.original.status} />,
    }),
    ...(withSharing
      ? [
          col.display({
            id: 'shared',
            header: 'Coaches',
            cell: ({ row }) => (row.original.sharedWithCoaches ? 'Shared' : 'Private'),
            meta: { className: 'whitespace-nowrap text-muted-foreground' },
          }),
        ]
      : []),
    col.display({
      id: 'size',
      header: 'Size',
      cell: ({ row }) => formatBytes(row.original.size),
      meta: { className: 'whitespace-nowrap text-muted-foreground tabular-nums' },
    }),
    col.display({
      id: 'added',
      header: 'Added',
      cell: ({ row }) => <DateCell iso={row.original.createdAt} />,
      meta: { className: 'text-muted-foreground' },
    }),
  ]);
}

function TitleCell({ document, href }: { document: DocumentView; href: string }) {
  return (
    <span className="block">
      <Link
        to={href}
        title={document.title}
        className="block truncate font-medium text-foreground underline-offset-4 hover:text-primary hover:underline"
      >
        {document.title}
      </Link>
      {document.snippet && document.snippet.length > 0 ? (
        <span className="line-clamp-2 text-xs text-muted-foreground">
          <MarkedText parts={document.snippet} />
        </span>
      ) : (
        document.originalName !== document.title && (
          <span
            title={document.originalName}
            className="block truncate text-xs text-muted-foreground"
          >
            {document.originalName}
          </span>
        )
      )}
    </span>
  );
}
