import { useId } from 'react';
import type { OutboxList } from '../../contract/mail.ts';
import { Alert } from '../components/alert.tsx';
import { DateCell } from '../components/data-table/cells.tsx';
import { dataTableColumns } from '../components/data-table/columns.ts';
import { DataTable } from '../components/data-table/data-table.tsx';
import { ListFilters } from '../components/data-table/list-filters.tsx';
import { ListProblems } from '../components/data-table/list-problems.tsx';
import { useListState } from '../components/data-table/use-list-state.ts';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ADMIN_PAGE_SIZE, useOutbox } from '../hooks/use-admin.ts';
import { useClientConfig } from '../hooks/use-client-config.ts';
import { outboxListSpec } from '../lib/admin-lists.ts';
import { linkify } from '../lib/linkify.ts';

type OutboxMail = OutboxList['data'][number];

const col = dataTableColumns<OutboxMail>();
const columns = col.columns([
  col.display({
    id: 'received',
    header: 'Kept',
    cell: ({ row }) => <DateCell iso={row.original.createdAt} withTime />,
    meta: { className: 'align-top text-muted-foreground' },
  }),
  col.display({
    id: 'mail',
    header: 'Mail',
    cell: ({ row }) => <MailContent mail={row.original} />,
    meta: { className: 'align-top min-w-80' },
  }),
]);

export function AdminOutboxPage() {
  const list = useListState(outboxListSpec);
  const { state } = list;
  const outbox = useOutbox(state);
  const config = useClientConfig();
  const data = outbox.data;

  return (
    <PageContainer>
      <PageHeader
        title="Mail outbox"
        documentTitle="Mail outbox · Admin"
        description="Mail this server kept instead of sending it. Its links sign you in as the recipient, in this browser."
      />
      <div className="space-y-4 pb-16">
        {config.data?.mailTransport === 'smtp' && (
          <Alert tone="info" live={false}>
            <p>
              This server sends mail through its SMTP server, so new mail does not land here. What
              is listed was kept before SMTP was set up.
            </p>
          </Alert>
        )}
        <ListFilters
          label="Filter the outbox"
          spec={outboxListSpec}
          list={list}
          submitLabel="Filter"
          fields={[
            {
              kind: 'text',
              key: 'to',
              label: 'Recipient',
              placeholder: 'Part of an address',
            },
          ]}
        />
        <ListProblems list={list} />
        <DataTable
          label="Mail"
          captionDetail={
            state.to ? ` to addresses containing “${state.to}”, newest first` : ', newest first'
          }
          columns={columns}
          rows={data?.data}
          getRowId={(mail) => mail.id}
          query={outbox}
          list={list}
          pagesLabel="Outbox pages"
          page={
            data && {
              page: data.page,
              pageSize: data.pageSize || ADMIN_PAGE_SIZE,
              shown: data.data.length,
              total: data.totalCount,
            }
          }
          empty={
            state.to ? (
              <p>No mail to {state.to} yet.</p>
            ) : (
              <p>The outbox is empty. Mail this server keeps instead of sending shows up here.</p>
            )
          }
        />
      </div>
    </PageContainer>
  );
}

/** One mail: its subject and its text, with the links in it clickable. */
function MailContent({ mail }: { mail: OutboxMail }) {
  const titleId = useId();
  return (
    <article aria-labelledby={titleId} className="max-w-2xl">
      <header className="flex flex-wrap items-baseline gap-x-3">
        <h3 id={titleId} className="font-medium text-foreground">
          {mail.subject}
        </h3>
        <p className="text-muted-foreground">
          To <span className="text-foreground">{mail.to}</span>
        </p>
      </header>
      <p className="mt-1 font-mono text-xs leading-relaxed break-words whitespace-pre-wrap text-muted-foreground">
        {linkify(mail.text).map((segment, index) =>
          segment.kind === 'link' ? (
            <a
              // biome-ignore lint/suspicious/noArrayIndexKey: segments never move
              key={index}
              href={segment.href}
              className="break-all text-primary underline underline-offset-2"
            >
              {segment.href}
            </a>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments never move
            <span key={index}>{segment.text}</span>
          ),
        )}
      </p>
    </article>
  );
}
