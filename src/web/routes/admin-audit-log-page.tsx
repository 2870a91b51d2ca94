import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AuditPage } from '../../contract/audit.ts';
import { Alert } from '../components/alert.tsx';
import { Button } from '../components/button.tsx';
import { SelectField, TextField } from '../components/form-field.tsx';
import { PageContainer } from '../components/page-container.tsx';
import { LoadingState, PageHeader } from '../components/page-state.tsx';
import { Pagination } from '../components/pagination.tsx';
import { ADMIN_PAGE_SIZE, useAuditLog } from '../hooks/use-admin.ts';
import { useCurrentUser } from '../hooks/use-session.ts';
import { describeError } from '../lib/api-client.ts';
import { AUDIT_ACTION_LABELS, dayEndIso, dayStartIso, describeAuditChanges } from '../lib/audit.ts';

type AuditEntry = AuditPage['data'][number];
type Filters = { actor: string; action: string; target: string; from: string; until: string };

const FILTER_KEYS: (keyof Filters)[] = ['actor', 'action', 'target', 'from', 'until'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function filtersFrom(searchParams: URLSearchParams): Filters {
  const day = (key: string) => {
    const value = searchParams.get(key) ?? '';
    return DAY.test(value) ? value : '';
  };
  return {
    actor: searchParams.get('actor') ?? '',
    action: searchParams.get('action') ?? '',
    target: searchParams.get('target') ?? '',
    from: day('from'),
    until: day('until'),
  };
}

export function AdminAuditLogPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFrom(searchParams);
  const page = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);
  const log = useAuditLog({
    actor: filters.actor,
    action: filters.action,
    target: filters.target,
    from: filters.from ? dayStartIso(filters.from) : undefined,
    until: filters.until ? dayEndIso(filters.until) : undefined,
    page,
  });
  const me = useCurrentUser();
  const [draft, setDraft] = useState<Filters>(filters);
  const [rangeError, setRangeError] = useState<string | undefined>();
  const searchKey = searchParams.toString();

  // Back and forward move through filters: the form follows the address.
  useEffect(() => setDraft(filtersFrom(new URLSearchParams(searchKey))), [searchKey]);

  function go(next: Filters, nextPage = 1) {
    const params = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = next[key].trim();
      if (value) params.set(key, value);
    }
    if (nextPage > 1) params.set('page', String(nextPage));
    setSearchParams(params);
  }

  function handleFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (draft.from && draft.until && draft.from > draft.until) {
      setRangeError('Choose an end date on or after the start date.');
      return;
    }
    setRangeError(undefined);
    go(draft);
  }

  const set = (key: keyof Filters, value: string) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const filtered = FILTER_KEYS.some((key) => filters[key]);
  const actions = Object.keys(AUDIT_ACTION_LABELS);
  if (filters.action && !actions.includes(filters.action)) actions.push(filters.action);
  const data = log.data;

  return (
    <PageContainer>
      <title>Audit log · Admin · Arete</title>
      <PageHeader kicker="Admin area" title="Audit log">
        <p>
          Every change admins made, newest first: who, what, to which thing, and the state before
          and after.
        </p>
      </PageHeader>

      <search aria-label="Filter the audit log">
        <form
          noValidate
          onSubmit={handleFilter}
          className="grid gap-4 rounded-2xl border border-border bg-surface p-4 shadow-card sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_auto_auto]"
        >
          <TextField
            label="Actor"
            value={draft.actor}
            onChange={(event) => set('actor', event.target.value)}
            placeholder="User id"
            hint="The id of who made the change."
          />
          <SelectField
            label="Action"
            value={draft.action}
            onChange={(event) => set('action', event.target.value)}
          >
            <option value="">All actions</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {AUDIT_ACTION_LABELS[action] ?? action}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Target"
            value={draft.target}
            onChange={(event) => set('target', event.target.value)}
            placeholder="waitlist:name@example.com"
            hint="Exactly as listed below."
          />
          <TextField
            label="From"
            type="date"
            value={draft.from}
            onChange={(event) => set('from', event.target.value)}
          />
          <TextField
            label="Until"
            type="date"
            value={draft.until}
            onChange={(event) => set('until', event.target.value)}
            error={rangeError}
            hint={rangeError ? undefined : 'Including that day.'}
          />
          <div className="flex flex-wrap gap-3 sm:col-span-2 lg:col-span-5">
            <Button type="submit">Filter</Button>
            {filtered && (
              <Button
                variant="secondary"
                onClick={() => go({ actor: '', action: '', target: '', from: '', until: '' })}
              >
                Show everything
              </Button>
            )}
          </div>
        </form>
      </search>

      {log.isError && (
        <Alert tone="danger" title="The audit log could not be loaded" className="mt-6">
          <p>{describeError(log.error)}</p>
          <Button variant="secondary" size="sm" className="mt-3" onClick={() => log.refetch()}>
            Try again
          </Button>
        </Alert>
      )}

      {log.isPending ? (
        <LoadingState label="Loading the audit log…" />
      ) : data ? (
        <section aria-labelledby="audit-table-title" className="mt-6 pb-16">
          <h2 id="audit-table-title" className="sr-only">
            Changes
          </h2>
          <div className="overflow-x-auto rounded-2xl border border-border bg-surface shadow-card">
            <table className="w-full min-w-4xl text-left text-sm">
              <caption className="sr-only">Changes, newest first</caption>
              <thead className="border-b border-border bg-surface-muted text-muted-foreground">
                <tr>
                  <th scope="col" className="px-4 py-3 font-medium">
                    When
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Who
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Action
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Target
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Before → after
                  </th>
                </tr>
              </thead>
              <tbody aria-busy={log.isFetching || undefined}>
                {data.data.length === 0 && (
                  <tr>
                    <td colSpan={5} className="px-4 py-10 text-center text-muted-foreground">
                      {filtered ? 'No changes match these filters.' : 'Nothing was changed yet.'}
                    </td>
                  </tr>
                )}
                {data.data.map((entry) => (
                  <AuditRow
                    key={entry.id}
                    entry={entry}
                    isMe={entry.actor === me?.id}
                    filterLink={(key, value) => {
                      const params = new URLSearchParams(searchKey);
                      params.set(key, value);
                      params.delete('page');
                      return `?${params.toString()}`;
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            label="Audit log pages"
            page={data.page}
            pageSize={data.pageSize || ADMIN_PAGE_SIZE}
            shown={data.data.length}
            hasMore={data.hasMore}
            busy={log.isFetching}
            onPage={(nextPage) => go(filters, nextPage)}
          />
        </section>
      ) : null}
    </PageContainer>
  );
}

const filterLinkClass =
  'break-all font-mono text-xs text-foreground underline decoration-border underline-offset-4 hover:decoration-primary';

function AuditRow({
  entry,
  isMe,
  filterLink,
}: {
  entry: AuditEntry;
  isMe: boolean;
  filterLink: (key: 'actor' | 'target', value: string) => string;
}) {
  const changes = describeAuditChanges(entry.details);
  return (
    <tr className="border-b border-border align-top last:border-b-0">
      <td className="px-4 py-3 whitespace-nowrap text-muted-foreground">
        <time dateTime={entry.createdAt}>
          {new Date(entry.createdAt).toLocaleString(undefined, {
            dateStyle: 'medium',
            timeStyle: 'medium',
          })}
        </time>
      </td>
      <td className="px-4 py-3">
        {isMe && <p className="font-medium text-foreground">You</p>}
        <Link
          to={filterLink('actor', entry.actor)}
          className={filterLinkClass}
          aria-label={`Show changes by ${isMe ? 'you' : entry.actor}`}
        >
          {entry.actor}
        </Link>
      </td>
      <td className="px-4 py-3">
        <p className="font-medium text-foreground">
          {AUDIT_ACTION_LABELS[entry.action] ?? entry.action}
        </p>
        <p className="font-mono text-xs text-muted-foreground">{entry.action}</p>
      </td>
      <td className="px-4 py-3">
        <Link
          to={filterLink('target', entry.target)}
          className={filterLinkClass}
          aria-label={`Show changes to ${entry.target}`}
        >
          {entry.target}
        </Link>
      </td>
      <td className="px-4 py-3">
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
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
      </td>
    </tr>
  );
}
