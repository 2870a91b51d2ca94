import { type FormEvent, useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { OutboxList } from '../../contract/mail.ts';
import { Alert } from '../components/alert.tsx';
import { Button } from '../components/button.tsx';
import { inputClasses } from '../components/form-field.tsx';
import { PageContainer } from '../components/page-container.tsx';
import { LoadingState, PageHeader } from '../components/page-state.tsx';
import { Pagination } from '../components/pagination.tsx';
import { ADMIN_PAGE_SIZE, useOutbox } from '../hooks/use-admin.ts';
import { useClientConfig } from '../hooks/use-client-config.ts';
import { ApiRequestError } from '../lib/api-client.ts';
import { linkify } from '../lib/linkify.ts';
import { validateEmail } from '../lib/sign-up-validation.ts';

type OutboxMail = OutboxList['data'][number];

export function AdminOutboxPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const to = searchParams.get('to') ?? '';
  const page = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);
  const outbox = useOutbox({ to, page });
  const config = useClientConfig();
  const [draft, setDraft] = useState(to);
  const [draftError, setDraftError] = useState<string | undefined>();
  const fieldId = useId();

  useEffect(() => setDraft(to), [to]);

  function go(next: { to?: string; page?: number }) {
    const params = new URLSearchParams();
    const nextTo = (next.to ?? to).trim();
    if (nextTo) params.set('to', nextTo);
    if ((next.page ?? 1) > 1) params.set('page', String(next.page));
    setSearchParams(params);
  }

  function handleFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The server filters on a whole address; say so here rather than answer with an error.
    const error = draft.trim() === '' ? undefined : validateEmail(draft);
    setDraftError(error);
    if (!error) go({ to: draft, page: 1 });
  }

  const data = outbox.data;
  return (
    <PageContainer>
      <title>Mail outbox · Admin · Arete</title>
      <PageHeader kicker="Admin area" title="Mail outbox">
        <p>
          Mail this server kept instead of sending it, newest first. Its links work: opening a
          sign-in or verification link signs <em>you</em> in as its recipient, in this browser.
        </p>
      </PageHeader>

      {config.data?.mailTransport === 'smtp' && (
        <Alert tone="info" live={false} className="mb-6">
          <p>
            This server sends mail through its SMTP server, so new mail does not land here. What is
            listed was kept before SMTP was set up.
          </p>
        </Alert>
      )}

      <search aria-label="Filter the outbox">
        <form
          noValidate
          onSubmit={handleFilter}
          className="flex flex-wrap items-end gap-3 rounded-2xl border border-border bg-surface p-4 shadow-card"
        >
          <div className="min-w-60 flex-1">
            <label htmlFor={fieldId} className="block text-sm font-medium">
              Recipient
            </label>
            <input
              id={fieldId}
              type="email"
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              placeholder="name@example.com"
              aria-invalid={draftError ? true : undefined}
              aria-describedby={draftError ? `${fieldId}-error` : undefined}
              className={`mt-1.5 ${inputClasses}`}
            />
            {draftError && (
              <p id={`${fieldId}-error`} className="mt-1.5 text-sm font-medium text-danger">
                {draftError}
              </p>
            )}
          </div>
          <Button type="submit">Filter</Button>
          {to && (
            <Button variant="secondary" onClick={() => go({ to: '', page: 1 })}>
              Show all
            </Button>
          )}
        </form>
      </search>

      {outbox.isError && (
        <Alert tone="danger" title="The outbox could not be loaded" className="mt-6">
          <p>
            {outbox.error.message}
            {outbox.error instanceof ApiRequestError && outbox.error.requestId
              ? ` (request ${outbox.error.requestId})`
              : ''}
          </p>
          <Button variant="secondary" size="sm" className="mt-3" onClick={() => outbox.refetch()}>
            Try again
          </Button>
        </Alert>
      )}

      {outbox.isPending ? (
        <LoadingState label="Loading mail…" />
      ) : data ? (
        <section aria-labelledby="mail-list-title" className="mt-6 pb-16">
          <h2 id="mail-list-title" className="sr-only">
            {to ? `Mail to ${to}` : 'All mail'}
          </h2>
          {data.data.length === 0 ? (
            <p className="rounded-2xl border border-dashed border-border px-6 py-10 text-center text-muted-foreground">
              {to ? `No mail to ${to} yet.` : 'The outbox is empty.'}
            </p>
          ) : (
            <ol className="space-y-4">
              {data.data.map((mail) => (
                <MailItem key={mail.id} mail={mail} />
              ))}
            </ol>
          )}
          <Pagination
            label="Outbox pages"
            page={data.page}
            pageSize={data.pageSize || ADMIN_PAGE_SIZE}
            totalCount={data.totalCount}
            busy={outbox.isFetching}
            onPage={(nextPage) => go({ page: nextPage })}
          />
        </section>
      ) : null}
    </PageContainer>
  );
}

function MailItem({ mail }: { mail: OutboxMail }) {
  const titleId = useId();
  return (
    <li>
      <article
        aria-labelledby={titleId}
        className="rounded-2xl border border-border bg-surface p-5 shadow-card sm:p-6"
      >
        <header className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h3 id={titleId} className="font-medium text-foreground">
            {mail.subject}
          </h3>
          <time dateTime={mail.createdAt} className="text-sm text-muted-foreground">
            {new Date(mail.createdAt).toLocaleString(undefined, {
              dateStyle: 'medium',
              timeStyle: 'short',
            })}
          </time>
        </header>
        <p className="mt-1 text-sm text-muted-foreground">
          To <span className="font-medium text-foreground">{mail.to}</span>
        </p>
        <p className="mt-4 rounded-xl bg-surface-muted p-4 font-mono text-sm leading-relaxed break-words whitespace-pre-wrap text-foreground">
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
    </li>
  );
}
