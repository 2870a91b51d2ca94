import type { RelationshipView } from '../../../contract/relationships.ts';
import { DateCell, TruncatedText } from '../../components/data-table/cells.tsx';
import { dataTableColumns } from '../../components/data-table/columns.ts';
import { DataTable, ONE_PAGE_LIST } from '../../components/data-table/data-table.tsx';
import type { RelationshipActions } from '../../components/relationships/relationship-actions.tsx';
import { useRequestsToAnswer } from '../../hooks/use-relationships.ts';
import { clientColumn, clientRowActions } from './client-cells.tsx';

const col = dataTableColumns<RelationshipView>();
const columns = col.columns([
  clientColumn,
  col.display({
    id: 'message',
    header: 'Their message',
    cell: ({ row }) => (
      <TruncatedText text={row.original.message} empty="No message" className="text-foreground" />
    ),
    meta: { className: 'w-full max-w-0 min-w-40' },
  }),
  col.display({
    id: 'sent',
    header: 'Asked',
    cell: ({ row }) => <DateCell iso={row.original.createdAt} />,
    meta: { className: 'text-muted-foreground' },
  }),
]);

/**
 * Clients who asked to work with the coach and wait for an answer: first on the page, with Accept
 * and Decline. Nothing at all when there are none (the list below says the rest).
 */
export function RequestsToAnswer({ actions }: { actions: RelationshipActions }) {
  const requests = useRequestsToAnswer();
  if (!requests.data || requests.data.length === 0) return null;
  return (
    // The table below is the region (named by its label); this heading is what the eye reads.
    <div className="space-y-3">
      <p aria-hidden="true" className="text-base font-semibold text-foreground">
        {requests.data.length === 1
          ? 'A client asks to work with you'
          : `${requests.data.length} clients ask to work with you`}
      </p>
      <DataTable
        label="Requests to answer"
        columns={columns}
        rows={requests.data}
        getRowId={(relationship) => relationship.id}
        query={requests}
        list={ONE_PAGE_LIST('/coach/clients')}
        page={undefined}
        pagesLabel="Request pages"
        rowActions={clientRowActions(actions)}
        empty={null}
      />
    </div>
  );
}
