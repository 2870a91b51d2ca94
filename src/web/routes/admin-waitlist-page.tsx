import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { BulkResult, WaitlistEntryView } from '../../contract/waitlist.ts';
import { Alert, type AlertTone } from '../components/alert.tsx';
import { Button } from '../components/button.tsx';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { inputClasses, SelectField, TextAreaField } from '../components/form-field.tsx';
import { PageContainer } from '../components/page-container.tsx';
import {
  ActionError,
  DismissButton,
  LoadError,
  LoadingState,
  PageHeader,
} from '../components/page-state.tsx';
import { Pagination } from '../components/pagination.tsx';
import { RoleBadge } from '../components/role-badge.tsx';
import { useToast } from '../components/toast.tsx';
import { WaitlistStatusBadge } from '../components/waitlist-status-badge.tsx';
import { ADMIN_PAGE_SIZE } from '../hooks/use-admin.ts';
import {
  type SortOrder,
  useWaitlist,
  useWaitlistDecision,
  type WaitlistParams,
  type WaitlistSort,
} from '../hooks/use-waitlist.ts';
import { describeError } from '../lib/api-client.ts';
import { ROLE_LABELS } from '../lib/roles.ts';
import {
  BULK_OUTCOME_LABELS,
  isWaitlistRole,
  isWaitlistStatus,
  summarizeBulkResults,
  WAITLIST_NOTE_MAX_LENGTH,
  WAITLIST_ROLES,
  WAITLIST_STATUS_LABELS,
  WAITLIST_STATUSES,
  type WaitlistRole,
} from '../lib/waitlist.ts';

type DecisionKind = 'approve' | 'reject';
type Outcome = { kind: DecisionKind; results: BulkResult['results']; emails: Map<string, string> };

const SORTS: readonly WaitlistSort[] = ['joined', 'email', 'updated'];
/** A column sorted for the first time starts where it is most useful: newest, or A to Z. */
const FIRST_ORDER: Record<WaitlistSort, SortOrder> = {
  joined: 'desc',
  email: 'asc',
  updated: 'desc',
};

const formatDate = (iso: string | null) =>
  iso ? new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' }) : null;

function paramsFrom(searchParams: URLSearchParams): WaitlistParams {
  const status = searchParams.get('status');
  const role = searchParams.get('role');
  const sort = searchParams.get('sort') as WaitlistSort | null;
  const order = searchParams.get('order');
  return {
    status: isWaitlistStatus(status) ? status : '',
    role: isWaitlistRole(role) ? role : '',
    query: searchParams.get('query') ?? '',
    sort: sort && SORTS.includes(sort) ? sort : 'joined',
    order: order === 'asc' || order === 'desc' ? order : 'desc',
    page: Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1),
  };
}

/** The requested role of every selected entry if they all agree, so approving needs no choice. */
function commonRole(entries: WaitlistEntryView[]): WaitlistRole | '' {
  const roles = new Set(entries.map((entry) => entry.role));
  const [only] = roles;
  return roles.size === 1 && only ? only : '';
}

export function AdminWaitlistPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = paramsFrom(searchParams);
  const list = useWaitlist(params);
  const decision = useWaitlistDecision();
  const toast = useToast();
  const [draft, setDraft] = useState(params.query);
  const [selected, setSelected] = useState<Map<string, WaitlistEntryView>>(() => new Map());
  const [dialog, setDialog] = useState<DecisionKind | null>(null);
  const [approveRole, setApproveRole] = useState<WaitlistRole | ''>('');
  const [roleError, setRoleError] = useState<string | undefined>();
  const [notes, setNotes] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const searchId = useId();
  const statusId = useId();
  const roleId = useId();
  const selectAllRef = useRef<HTMLInputElement>(null);
  const searchKey = searchParams.toString();

  // Back and forward move through searches: the box follows the address.
  useEffect(() => setDraft(params.query), [params.query]);
  // Another search, filter, order or page is another list: what was selected is let go.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the address changes
  useEffect(() => setSelected(new Map()), [searchKey]);

  const rows = list.data?.data ?? [];
  const selectable = rows.filter((entry) => entry.status !== 'joined');
  const selectedEntries = [...selected.values()];
  const allSelected = selectable.length > 0 && selectable.every((entry) => selected.has(entry.id));
  const someSelected = selectedEntries.length > 0 && !allSelected;

  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = someSelected;
  }, [someSelected]);

  function go(next: Partial<WaitlistParams>) {
    const merged = { ...params, page: 1, ...next };
    const search = new URLSearchParams();
    if (merged.query.trim()) search.set('query', merged.query.trim());
    if (merged.status) search.set('status', merged.status);
    if (merged.role) search.set('role', merged.role);
    if (merged.sort !== 'joined' || merged.order !== 'desc') {
      search.set('sort', merged.sort);
      search.set('order', merged.order);
    }
    if (merged.page > 1) search.set('page', String(merged.page));
    setSearchParams(search);
  }

  function handleSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    go({ query: draft });
  }

  function sortBy(sort: WaitlistSort) {
    const order =
      params.sort === sort ? (params.order === 'asc' ? 'desc' : 'asc') : FIRST_ORDER[sort];
    go({ sort, order });
  }

  function toggle(entry: WaitlistEntryView, on: boolean) {
    setSelected((current) => {
      const next = new Map(current);
      if (on) next.set(entry.id, entry);
      else next.delete(entry.id);
      return next;
    });
  }

  function toggleAll(on: boolean) {
    setSelected(on ? new Map(selectable.map((entry) => [entry.id, entry])) : new Map());
  }

  function open(kind: DecisionKind) {
    setActionError(null);
    setNotes('');
    setRoleError(undefined);
    setApproveRole(commonRole(selectedEntries));
    setDialog(kind);
  }

  function decide() {
    if (!dialog) return;
    if (dialog === 'approve' && !approveRole) {
      setRoleError('Choose the role they get.');
      return;
    }
    const ids = [...selected.keys()];
    const emails = new Map(selectedEntries.map((entry) => [entry.id, entry.email]));
    const request =
      dialog === 'approve'
        ? { kind: 'approve' as const, ids, role: approveRole as WaitlistRole, notes }
        : { kind: 'reject' as const, ids, notes };
    decision.mutate(request, {
      onSuccess: (answer) => {
        setDialog(null);
        setSelected(new Map());
        const summary = summarizeBulkResults(request.kind, answer.results);
        setOutcome({ kind: request.kind, results: answer.results, emails });
        toast({ title: summary.title, description: summary.description, tone: summary.tone });
      },
      onError: (error) => {
        setDialog(null);
        setActionError(describeError(error));
      },
    });
  }

  const data = list.data;
  const count = selectedEntries.length;
  const entriesWord = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;

  return (
    <PageContainer>
      <title>Waitlist · Admin · Arete</title>
      <PageHeader kicker="Admin area" title="Waitlist">
        <p>
          Coaches and clients who asked for a place. Approve them with a role (each gets an
          invitation to sign up by email), or reject them.
        </p>
      </PageHeader>

      <search aria-label="Find waitlist entries">
        <form
          onSubmit={handleSearch}
          className="flex flex-wrap items-end gap-3 rounded-2xl border border-border bg-surface p-4 shadow-card"
        >
          <div className="min-w-60 flex-1">
            <label htmlFor={searchId} className="block text-sm font-medium">
              Search
            </label>
            <input
              id={searchId}
              type="search"
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              placeholder="Name or email"
              className={`mt-1.5 ${inputClasses}`}
            />
          </div>
          <div>
            <label htmlFor={statusId} className="block text-sm font-medium">
              Status
            </label>
            <select
              id={statusId}
              value={params.status}
              onChange={(event) =>
                go({ query: draft, status: event.target.value as WaitlistParams['status'] })
              }
              className={`mt-1.5 ${inputClasses}`}
            >
              <option value="">All statuses</option>
              {WAITLIST_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {WAITLIST_STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={roleId} className="block text-sm font-medium">
              Role
            </label>
            <select
              id={roleId}
              value={params.role}
              onChange={(event) =>
                go({ query: draft, role: event.target.value as WaitlistParams['role'] })
              }
              className={`mt-1.5 ${inputClasses}`}
            >
              <option value="">Coaches and clients</option>
              {WAITLIST_ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit">Search</Button>
        </form>
      </search>

      <div className="mt-6 space-y-4">
        {actionError && (
          <ActionError message={actionError} onDismiss={() => setActionError(null)} />
        )}
        {outcome && <OutcomeAlert outcome={outcome} onDismiss={() => setOutcome(null)} />}
        {list.isError && (
          <LoadError
            title="The waitlist could not be loaded"
            message={describeError(list.error)}
            onRetry={() => list.refetch()}
          />
        )}
      </div>

      {list.isPending ? (
        <LoadingState label="Loading the waitlist…" />
      ) : data ? (
        <section aria-labelledby="waitlist-table-title" className="mt-6 pb-16">
          <h2 id="waitlist-table-title" className="sr-only">
            Waitlist entries
          </h2>
          <div
            role="toolbar"
            aria-label="Selected entries"
            className="mb-3 flex flex-wrap items-center gap-3 rounded-xl border border-border bg-surface-muted px-4 py-3"
          >
            <p className="text-sm font-medium text-foreground" aria-live="polite">
              {count === 0 ? 'Select entries to approve or reject them.' : `${count} selected`}
            </p>
            <div className="ml-auto flex flex-wrap gap-2">
              <Button size="sm" disabled={count === 0} onClick={() => open('approve')}>
                Approve…
              </Button>
              <Button
                size="sm"
                variant="danger-quiet"
                disabled={count === 0}
                onClick={() => open('reject')}
              >
                Reject…
              </Button>
              <Button
                size="sm"
                variant="ghost"
                disabled={count === 0}
                onClick={() => toggleAll(false)}
              >
                Clear selection
              </Button>
            </div>
          </div>
          <div className="overflow-x-auto rounded-2xl border border-border bg-surface shadow-card">
            <table className="w-full min-w-5xl text-left text-sm">
              <caption className="sr-only">
                Waitlist entries
                {params.status ? `, status ${WAITLIST_STATUS_LABELS[params.status]}` : ''}
                {params.role ? `, role ${ROLE_LABELS[params.role]}` : ''}
                {params.query ? `, matching “${params.query}”` : ''}
              </caption>
              <thead className="border-b border-border bg-surface-muted text-muted-foreground">
                <tr>
                  <th scope="col" className="w-12 px-4 py-3">
                    <input
                      ref={selectAllRef}
                      type="checkbox"
                      aria-label="Select all entries on this page"
                      checked={allSelected}
                      disabled={selectable.length === 0}
                      onChange={(event) => toggleAll(event.target.checked)}
                      className="size-4 accent-primary"
                    />
                  </th>
                  <SortHeader label="Person" sort="email" params={params} onSort={sortBy} />
                  <th scope="col" className="px-4 py-3 font-medium">
                    Role
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Status
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Notes
                  </th>
                  <SortHeader label="Joined" sort="joined" params={params} onSort={sortBy} />
                  <SortHeader label="Last change" sort="updated" params={params} onSort={sortBy} />
                </tr>
              </thead>
              <tbody aria-busy={list.isFetching || undefined}>
                {rows.length === 0 && (
                  <tr>
                    <td colSpan={7} className="px-4 py-10 text-center text-muted-foreground">
                      No entries match. Try another search, status or role.
                    </td>
                  </tr>
                )}
                {rows.map((entry) => (
                  <EntryRow
                    key={entry.id}
                    entry={entry}
                    selected={selected.has(entry.id)}
                    onToggle={(on) => toggle(entry, on)}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            label="Waitlist pages"
            page={data.page}
            pageSize={data.pageSize || ADMIN_PAGE_SIZE}
            totalCount={data.totalCount}
            busy={list.isFetching}
            onPage={(page) => go({ page })}
          />
        </section>
      ) : null}

      <ConfirmDialog
        open={dialog !== null}
        title={
          dialog === 'approve' ? `Approve ${entriesWord(count)}?` : `Reject ${entriesWord(count)}?`
        }
        confirmLabel={dialog === 'approve' ? 'Approve' : 'Reject'}
        confirmVariant={dialog === 'reject' ? 'danger' : 'primary'}
        pending={decision.isPending}
        onCancel={() => setDialog(null)}
        onConfirm={decide}
        fields={
          <>
            {dialog === 'approve' && (
              <SelectField
                label="Role"
                value={approveRole}
                onChange={(event) => {
                  setApproveRole(event.target.value as WaitlistRole | '');
                  setRoleError(undefined);
                }}
                error={roleError}
                hint={roleError ? undefined : 'Their account has this role from the start.'}
              >
                <option value="" disabled>
                  Choose a role
                </option>
                {WAITLIST_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABELS[role]}
                  </option>
                ))}
              </SelectField>
            )}
            <TextAreaField
              label="Notes (optional)"
              value={notes}
              maxLength={WAITLIST_NOTE_MAX_LENGTH}
              onChange={(event) => setNotes(event.target.value)}
              hint="Kept with each entry, for admins only."
            />
          </>
        }
      >
        <p>
          {dialog === 'approve'
            ? 'Each person gets an invitation to sign up by email, and their account the role you choose.'
            : 'They are not told. An approval not used yet is withdrawn with its invitation.'}
        </p>
        <SelectedList entries={selectedEntries} />
      </ConfirmDialog>
    </PageContainer>
  );
}

function SortHeader({
  label,
  sort,
  params,
  onSort,
}: {
  label: string;
  sort: WaitlistSort;
  params: WaitlistParams;
  onSort: (sort: WaitlistSort) => void;
}) {
  const active = params.sort === sort;
  const direction = active ? (params.order === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <th scope="col" aria-sort={direction ?? 'none'} className="px-4 py-3 font-medium">
      <button
        type="button"
        onClick={() => onSort(sort)}
        className={`-mx-1 inline-flex items-center gap-1 rounded px-1 whitespace-nowrap transition-colors hover:text-foreground ${active ? 'text-foreground' : ''}`}
      >
        {label}
        <span aria-hidden="true" className="font-mono text-xs">
          {active ? (params.order === 'asc' ? '↑' : '↓') : '↕'}
        </span>
        <span className="sr-only">
          {active
            ? `, sorted ${direction}; sort ${direction === 'ascending' ? 'descending' : 'ascending'}`
            : ', sort'}
        </span>
      </button>
    </th>
  );
}

function EntryRow({
  entry,
  selected,
  onToggle,
}: {
  entry: WaitlistEntryView;
  selected: boolean;
  onToggle: (on: boolean) => void;
}) {
  const decided =
    entry.status === 'approved'
      ? `by ${entry.approvedBy ?? 'an admin'}, ${formatDate(entry.approvedAt)}`
      : entry.status === 'rejected'
        ? formatDate(entry.rejectedAt)
        : entry.status === 'joined'
          ? `signed up ${formatDate(entry.joinedAt)}`
          : null;
  return (
    <tr className={`border-b border-border last:border-b-0 ${selected ? 'bg-primary-soft' : ''}`}>
      <td className="px-4 py-3">
        <input
          type="checkbox"
          aria-label={`Select ${entry.email}`}
          checked={selected}
          disabled={entry.status === 'joined'}
          title={entry.status === 'joined' ? 'Signed up already: nothing to decide' : undefined}
          onChange={(event) => onToggle(event.target.checked)}
          className="size-4 accent-primary"
        />
      </td>
      <td className="px-4 py-3">
        <p className={entry.name ? 'font-medium text-foreground' : 'text-muted-foreground'}>
          {entry.name ?? 'No name given'}
        </p>
        <p className="text-muted-foreground">{entry.email}</p>
      </td>
      <td className="px-4 py-3">
        <RoleBadge role={entry.role} />
      </td>
      <td className="px-4 py-3">
        <WaitlistStatusBadge status={entry.status} />
        {decided && <p className="mt-1 text-xs text-muted-foreground">{decided}</p>}
      </td>
      <td className="max-w-xs px-4 py-3 text-muted-foreground">
        {entry.note && (
          <p className="line-clamp-3 break-words" title={entry.note}>
            <span className="sr-only">Their note: </span>“{entry.note}”
          </p>
        )}
        {entry.notes && (
          <p className="mt-1 line-clamp-2 text-xs break-words" title={entry.notes}>
            <span className="font-medium text-foreground">Admin:</span> {entry.notes}
          </p>
        )}
        {!entry.note && !entry.notes && <span aria-hidden="true">—</span>}
      </td>
      <td className="px-4 py-3 whitespace-nowrap text-muted-foreground">
        {entry.waitlistJoinedAt ? (
          <time dateTime={entry.waitlistJoinedAt}>{formatDate(entry.waitlistJoinedAt)}</time>
        ) : (
          <span title="Approved without joining the waitlist">—</span>
        )}
      </td>
      <td className="px-4 py-3 whitespace-nowrap text-muted-foreground">
        <time dateTime={entry.updatedAt}>{formatDate(entry.updatedAt)}</time>
      </td>
    </tr>
  );
}

function SelectedList({ entries }: { entries: WaitlistEntryView[] }) {
  const shown = entries.slice(0, 5);
  return (
    <ul className="mt-3 space-y-1 text-sm">
      {shown.map((entry) => (
        <li key={entry.id} className="flex flex-wrap items-center gap-2">
          <span className="break-all text-foreground">{entry.email}</span>
          <span className="text-xs">asked as {ROLE_LABELS[entry.role].toLowerCase()}</span>
        </li>
      ))}
      {entries.length > shown.length && <li>and {entries.length - shown.length} more</li>}
    </ul>
  );
}

const outcomeTone: Record<'success' | 'info' | 'error', AlertTone> = {
  success: 'success',
  info: 'info',
  error: 'warning',
};

function OutcomeAlert({ outcome, onDismiss }: { outcome: Outcome; onDismiss: () => void }) {
  const summary = summarizeBulkResults(outcome.kind, outcome.results);
  return (
    <Alert
      tone={outcomeTone[summary.tone]}
      title={`${outcome.kind === 'approve' ? 'Approval' : 'Rejection'}: ${summary.title}`}
    >
      <p>{summary.description}</p>
      <ul className="mt-2 space-y-1">
        {outcome.results.map((result) => (
          <li key={result.target}>
            <span className="break-all font-medium">
              {result.entry?.email ?? outcome.emails.get(result.target) ?? result.target}
            </span>
            : {BULK_OUTCOME_LABELS[result.outcome]}
            {result.invitationSent ? ', invitation sent' : ''}
          </li>
        ))}
      </ul>
      <DismissButton onClick={onDismiss} />
    </Alert>
  );
}
