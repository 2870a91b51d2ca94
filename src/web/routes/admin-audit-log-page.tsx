import { useMemo } from 'react';
import { Link } from 'react-router';
import type { AuditEntryView } from '../../contract/audit.ts';
import { DateCell } from '../components/data-table/cells.tsx';
import { dataTableColumns } from '../components/data-table/columns.ts';
import { DataTable } from '../components/data-table/data-table.tsx';
import { ListFilters } from '../components/data-table/list-filters.tsx';
import { ListProblems } from '../components/data-table/list-problems.tsx';
import { type ListState, useListState } from '../components/data-table/use-list-state.ts';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ADMIN_PAGE_SIZE, useAuditLog } from '../hooks/use-admin.ts';
import { useCurrentUser } from '../hooks/use-session.ts';
import { type AuditListState, auditListSpec } from '../lib/admin-lists.ts';
import {
  AUDIT_ACTION_LABELS,
  describeAuditActor,
  describeAuditChanges,
  describeAuditTarget,
} from '../lib/audit.ts';

const RANGE_MESSAGE = 'Choose an end date on or after the start date.';
const filterLinkClass = 'underline decoration-border underline-offset-4 hover:decoration-primary';

/** The list, its filters and who "you" are, for the cells that link back into the filters. */
type CellContext = { hrefFor: ListState<AuditListState>['hrefFor']; myId: string | undefined };

const col = dataTableColumns<AuditEntryView>();
function auditColumns({ hrefFor, myId }: CellContext) {
  return col.columns([
    col.display({
      id: 'when',
      header: 'When',
      cell: ({ row }) => <DateCell iso={row.original.createdAt} withTime />,
      meta: { className: 'align-top text-muted-foreground' },
    }),
    col.display({
      id: 'who',
      header: 'Who',
      cell: ({ row }) => {
        const entry = row.original;
        const who = describeAuditActor(entry.actor, entry.actorUser);
        const isMe = entry.actor === myId;
        return (
          <Link
            to={hrefFor({ who: who.filter })}
            title={who.detail || undefined}
            className={`block max-w-64 truncate ${filterLinkClass}`}
          >
            <span className="sr-only">Show changes by </span>
            <span className="font-medium text-foreground">{isMe ? 'You' : who.name}</span>
            {/* Your own address you know; anyone else's is shown with their name. */}
            {who.detail && !isMe && (
              <span className="ml-1.5 text-muted-foreground">{who.detail}</span>
            )}
          </Link>
        );
      },
      meta: { className: 'align-top' },
    }),
    col.display({
      id: 'action',
      header: 'Action',
      cell: ({ row }) => (
        <span className="whitespace-nowrap text-foreground" title={row.original.action}>
          {AUDIT_ACTION_LABELS[row.original.action] ?? row.original.action}
        </span>
      ),
      meta: { className: 'align-top' },
    }),
    col.display({
      id: 'target',
      header: 'Target',
      cell: ({ row }) => {
        const target = describeAuditTarget(row.original.target, row.original.targetUser);
        return (
          <Link
            to={hrefFor({ target: target.filter })}
            className={`block max-w-72 truncate ${filterLinkClass}`}
            title={row.original.target}
          >
            <span className="sr-only">Show changes to </span>
            {target.kind && <span className="text-muted-foreground">{target.kind} </span>}
            <span className="text-foreground">{target.subject}</span>
          </Link>
        );
      },
      meta: { className: 'align-top' },
    }),
    col.display({
      id: 'change',
      header: 'Before → after',
      cell: ({ row }) => <Changes details={row.original.details} />,
      // Takes the width left over (never less than 16 rem).
      meta: { className: 'align-top w-full min-w-64' },
    }),
  ]);
}

export function AdminAuditLogPage() {
  const list = useListState(auditListSpec);
  const me = useCurrentUser();
  // A range that ends before it starts cannot be asked for: the end is dropped, and said so.
  const backwards = list.state.from && list.state.until && list.state.from > list.state.until;
  const state = backwards ? { ...list.state, until: '' } : list.state;
  const problems = backwards
    ? [
        ...list.problems,
        {
          key: 'until',
          value: list.state.until,
          message: `The end date in the address (${list.state.until}) is before the start date, so the list shows everything from ${list.state.from} on.`,
        },
      ]
    : list.problems;
  const log = useAuditLog(state);
  const data = log.data;
  const myId = me?.id;
  const hrefFor = list.hrefFor;
  // The cells link into the list's own filters: new columns only when the address or you change.
  const columns = useMemo(() => auditColumns({ hrefFor, myId }), [hrefFor, myId]);

  const actionOptions = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({
    value,
    label,
  }));

  return (
    <PageContainer>
      <PageHeader
        title="Audit log"
        documentTitle="Audit log · Admin"
        description="Every change admins made, newest first: who, what, and the state before and after."
      />
      <div className="space-y-4 pb-16">
        <ListFilters
          label="Filter the audit log"
          spec={auditListSpec}
          list={list}
          submitLabel="Filter"
          validate={(values) =>
            values.from && values.until && values.from > values.until
              ? { until: RANGE_MESSAGE }
              : {}
          }
          fields={[
            { kind: 'text', key: 'who', label: 'Who', placeholder: 'Name or email' },
            {
              kind: 'select',
              key: 'action',
              label: 'Action',
              allLabel: 'All actions',
              options: actionOptions,
            },
            { kind: 'text', key: 'target', label: 'Target', placeholder: 'Email address' },
            { kind: 'date', key: 'from', label: 'From' },
            { kind: 'date', key: 'until', label: 'Until', hint: 'Including that day.' },
          ]}
        />
        <ListProblems
          list={{
            problems,
            cleanHref: backwards ? list.hrefFor({ until: '' }) : list.cleanHref,
          }}
        />
        <DataTable
          label="Changes"
          captionDetail=", newest first"
          columns={columns}
          rows={data?.data}
          getRowId={(entry) => entry.id}
          query={log}
          list={list}
          pagesLabel="Audit log pages"
          page={
            data && {
              page: data.page,
              pageSize: data.pageSize || ADMIN_PAGE_SIZE,
              shown: data.data.length,
              hasMore: data.hasMore,
              lastPage: data.lastPage,
            }
          }
          empty={
            list.filtered ? (
              <p>No changes match these filters.</p>
            ) : (
              <p>Nothing was changed yet. Approvals, role changes and imports show up here.</p>
            )
          }
        />
      </div>
    </PageContainer>
  );
}

function Changes({ details }: { details: Record<string, unknown> }) {
  const changes = describeAuditChanges(details);
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3">
      {changes.map((change) => (
        <div key={change.field} className="contents">
          <dt className="font-mono text-xs leading-5 text-muted-foreground">{change.field}</dt>
          <dd className={change.changed ? 'text-foreground' : 'text-muted-foreground'}>
            {change.changed ? (
              <>
                <span className="break-words">{change.before}</span>
                <span aria-hidden="true" className="px-1.5 text-muted-foreground">
                  →
                </span>
                <span className="sr-only"> changed to </span>
                <span className="font-medium break-words">{change.after}</span>
              </>
            ) : (
              <span className="break-words">{change.after} (unchanged)</span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
