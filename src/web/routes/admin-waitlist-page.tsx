import { useEffect, useId, useRef, useState } from 'react';
import { type Resolver, useForm } from 'react-hook-form';
import { z } from 'zod';
import {
  approveBodySchema,
  type BulkResult,
  rejectBodySchema,
  type WaitlistEntryView,
} from '../../contract/waitlist.ts';
import { Alert, type AlertTone } from '../components/alert.tsx';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { DateCell, RowAction, RowActions, TruncatedText } from '../components/data-table/cells.tsx';
import { dataTableColumns } from '../components/data-table/columns.ts';
import { DataTable } from '../components/data-table/data-table.tsx';
import { ListFilters } from '../components/data-table/list-filters.tsx';
import { ListProblems } from '../components/data-table/list-problems.tsx';
import { useListState, useRowSelection } from '../components/data-table/use-list-state.ts';
import { SelectField, TextAreaField } from '../components/form-field.tsx';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ActionError, DismissButton } from '../components/page-state.tsx';
import { RoleBadge } from '../components/role-badge.tsx';
import { WaitlistStatusBadge } from '../components/waitlist-status-badge.tsx';
import { ADMIN_PAGE_SIZE } from '../hooks/use-admin.ts';
import { useWaitlist, useWaitlistDecision, type WaitlistDecision } from '../hooks/use-waitlist.ts';
import { type WaitlistSort, waitlistListSpec } from '../lib/admin-lists.ts';
import { sortFromParams, sortToParams } from '../lib/list-state.ts';
import { plainApiError } from '../lib/plain-errors.ts';
import { plainResolver } from '../lib/plain-resolver.ts';
import { ROLE_LABELS } from '../lib/roles.ts';
import {
  BULK_OUTCOME_LABELS,
  summarizeBulkResults,
  WAITLIST_NOTE_MAX_LENGTH,
  WAITLIST_ROLES,
  WAITLIST_STATUS_LABELS,
  WAITLIST_STATUSES,
  type WaitlistRole,
} from '../lib/waitlist.ts';

type DecisionKind = WaitlistDecision['kind'];
type Outcome = { kind: DecisionKind; results: BulkResult['results']; emails: Map<string, string> };
/** The entries a decision is about: the selected ones, or the one row whose button was pressed. */
type Deciding = { kind: DecisionKind; entries: WaitlistEntryView[] };

const formatDate = (iso: string | null) =>
  iso ? new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' }) : '';

type DecisionValues = { role: WaitlistRole | ''; notes: string };

/** What a decision's dialog asks, checked as the server checks it: role (approving) and notes. */
const decisionWords = {
  role: { name: 'the role', missing: 'Choose the role they get.' },
  notes: { name: 'the notes' },
};
const decisionResolvers: Record<DecisionKind, Resolver<DecisionValues>> = {
  approve: plainResolver<DecisionValues>(
    z.object({ role: approveBodySchema.shape.role, notes: approveBodySchema.shape.notes }),
    decisionWords,
  ),
  reject: plainResolver<DecisionValues>(
    z.object({ notes: rejectBodySchema.shape.notes }),
    decisionWords,
  ),
};

const col = dataTableColumns<WaitlistEntryView>();
const columns = col.columns([
  col.display({
    id: 'name',
    header: 'Name',
    cell: ({ row }) =>
      row.original.name ? (
        <TruncatedText text={row.original.name} className="max-w-40 font-medium text-foreground" />
      ) : (
        <span className="text-muted-foreground">No name given</span>
      ),
  }),
  col.accessor('email', {
    header: 'Email',
    enableSorting: true,
    cell: ({ row }) => (
      <span className="whitespace-nowrap text-muted-foreground">{row.original.email}</span>
    ),
  }),
  col.display({
    id: 'role',
    header: 'Role',
    cell: ({ row }) => <RoleBadge role={row.original.role} />,
  }),
  col.display({
    id: 'status',
    header: 'Status',
    cell: ({ row }) => (
      <WaitlistStatusBadge status={row.original.status} className="whitespace-nowrap" />
    ),
  }),
  col.display({
    id: 'notes',
    header: 'Notes',
    cell: ({ row }) => <EntryNotes entry={row.original} />,
    // Takes the width left over, and cuts its text to it (never less than 8 rem).
    meta: { className: 'w-full max-w-0 min-w-32' },
  }),
  col.accessor('waitlistJoinedAt', {
    id: 'joined',
    header: 'Joined',
    enableSorting: true,
    cell: ({ row }) =>
      row.original.waitlistJoinedAt ? (
        <DateCell iso={row.original.waitlistJoinedAt} />
      ) : (
        <span title="Approved without joining the waitlist">—</span>
      ),
    meta: { descFirst: true, className: 'text-muted-foreground' },
  }),
  col.accessor('updatedAt', {
    id: 'updated',
    header: 'Changed',
    enableSorting: true,
    cell: ({ row }) => <DecidedCell entry={row.original} />,
    meta: { descFirst: true, className: 'text-muted-foreground' },
  }),
]);

const statusOptions = WAITLIST_STATUSES.map((status) => ({
  value: status,
  label: WAITLIST_STATUS_LABELS[status],
}));
const roleOptions = WAITLIST_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/** The requested role of every entry if they all agree, so approving needs no choice. */
function commonRole(entries: WaitlistEntryView[]): WaitlistRole | '' {
  const roles = new Set(entries.map((entry) => entry.role));
  const [only] = roles;
  return roles.size === 1 && only ? only : '';
}

const entriesWord = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;

export function AdminWaitlistPage() {
  const list = useListState(waitlistListSpec);
  const { state } = list;
  const waitlist = useWaitlist(state);
  const decision = useWaitlistDecision();
  const [selection, setSelection] = useRowSelection(list.key);
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const formId = useId();
  // The dialog checks what the decision being made needs.
  const kind = useRef<DecisionKind>('approve');
  const form = useForm<DecisionValues>({
    defaultValues: { role: '', notes: '' },
    resolver: (values, context, options) =>
      decisionResolvers[kind.current](values, context, options),
  });

  // After a decision the button that opened it may be gone (the row changed): focus goes to what
  // happened instead of being lost.
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  function open(decision: DecisionKind, entries: WaitlistEntryView[]) {
    setActionError(null);
    kind.current = decision;
    form.reset({ role: decision === 'approve' ? commonRole(entries) : '', notes: '' });
    setDeciding({ kind: decision, entries });
  }

  const decide = form.handleSubmit((values) => {
    if (!deciding) return;
    const ids = deciding.entries.map((entry) => entry.id);
    const emails = new Map(deciding.entries.map((entry) => [entry.id, entry.email]));
    const request: WaitlistDecision =
      deciding.kind === 'approve'
        ? { kind: 'approve', ids, role: values.role as WaitlistRole, notes: values.notes }
        : { kind: 'reject', ids, notes: values.notes };
    decision.mutate(request, {
      onSuccess: (answer) => {
        setDeciding(null);
        setSelection({});
        // Said once, here, with what happened to each entry (no toast as well).
        setOutcome({ kind: request.kind, results: answer.results, emails });
      },
      onError: (error) => {
        setDeciding(null);
        setActionError(plainApiError(error));
      },
    });
  });

  const data = waitlist.data;
  const dialogEntries = deciding?.entries ?? [];
  const caption = [
    state.status ? `, status ${WAITLIST_STATUS_LABELS[state.status]}` : '',
    state.role ? `, role ${ROLE_LABELS[state.role]}` : '',
    state.query ? `, matching “${state.query}”` : '',
  ].join('');

  return (
    <PageContainer>
      <PageHeader
        title="Waitlist"
        documentTitle="Waitlist · Admin"
        description="Coaches and clients who asked for a place. Approving sends them an invitation to sign up."
      />
      <div className="space-y-4 pb-16">
        <ListFilters
          label="Find waitlist entries"
          spec={waitlistListSpec}
          list={list}
          fields={[
            { kind: 'text', key: 'query', label: 'Search', placeholder: 'Name or email' },
            {
              kind: 'select',
              key: 'status',
              label: 'Status',
              allLabel: 'All statuses',
              options: statusOptions,
            },
            {
              kind: 'select',
              key: 'role',
              label: 'Role',
              allLabel: 'Coaches and clients',
              options: roleOptions,
            },
          ]}
        />
        <ListProblems list={list} />
        {actionError && (
          <ActionError message={actionError} onDismiss={() => setActionError(null)} />
        )}
        {outcome && (
          <div ref={outcomeRef} tabIndex={-1} className="outline-none">
            <OutcomeAlert outcome={outcome} onDismiss={() => setOutcome(null)} />
          </div>
        )}
        <DataTable
          label="Waitlist entries"
          captionDetail={caption}
          columns={columns}
          rows={data?.data}
          getRowId={(entry) => entry.id}
          query={waitlist}
          list={list}
          pagesLabel="Waitlist pages"
          page={
            data && {
              page: data.page,
              pageSize: data.pageSize || ADMIN_PAGE_SIZE,
              shown: data.data.length,
              total: data.totalCount,
            }
          }
          sort={{
            value: sortFromParams(state.sort, state.order),
            onChange: (next) => list.set(sortToParams<WaitlistSort>(next)),
          }}
          selection={{
            value: selection,
            onChange: setSelection,
            canSelect: (entry) => entry.status !== 'joined',
            cannotSelectReason: 'Signed up already: nothing to decide',
            rowLabel: (entry) => `Select ${entry.email}`,
            allLabel: 'Select all entries on this page',
            hint: 'Select entries to approve or reject them together.',
            toolbarLabel: 'Selected entries',
            actions: (selected) => (
              <>
                <RowAction
                  tone="primary"
                  disabled={selected.length === 0}
                  onClick={() => open('approve', selected)}
                >
                  Approve…
                </RowAction>
                <RowAction
                  tone="danger"
                  disabled={selected.length === 0}
                  onClick={() => open('reject', selected)}
                >
                  Reject…
                </RowAction>
              </>
            ),
          }}
          rowActions={(entry) => (
            <EntryActions entry={entry} onDecide={(kind) => open(kind, [entry])} />
          )}
          empty={
            list.filtered ? (
              <p>No entries match. Try another search, status or role.</p>
            ) : (
              <p>
                Nobody is on the waitlist yet. People join from the home page, as a coach or a
                client.
              </p>
            )
          }
        />
      </div>

      <ConfirmDialog
        open={deciding !== null}
        title={
          deciding?.kind === 'approve'
            ? `Approve ${entriesWord(dialogEntries.length)}?`
            : `Reject ${entriesWord(dialogEntries.length)}?`
        }
        confirmLabel={deciding?.kind === 'approve' ? 'Approve' : 'Reject'}
        confirmVariant={deciding?.kind === 'reject' ? 'danger' : 'primary'}
        pending={decision.isPending}
        onCancel={() => setDeciding(null)}
        formId={formId}
        fields={
          <form
            id={formId}
            noValidate
            onSubmit={(event) => void decide(event)}
            className="space-y-4"
          >
            {deciding?.kind === 'approve' && (
              <SelectField
                label="Role"
                {...form.register('role')}
                error={form.formState.errors.role?.message}
                hint={
                  form.formState.errors.role
                    ? undefined
                    : 'Their account has this role from the start.'
                }
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
              {...form.register('notes')}
              maxLength={WAITLIST_NOTE_MAX_LENGTH}
              error={form.formState.errors.notes?.message}
              hint="Kept with each entry, for admins only."
            />
          </form>
        }
      >
        <p>
          {deciding?.kind === 'approve'
            ? 'Each person gets an invitation to sign up by email, and their account the role you choose.'
            : 'They are not told. An approval not used yet is withdrawn with its invitation.'}
        </p>
        <SelectedList entries={dialogEntries} />
      </ConfirmDialog>
    </PageContainer>
  );
}

/** Approve and Reject for one row, as far as they change anything. */
function EntryActions({
  entry,
  onDecide,
}: {
  entry: WaitlistEntryView;
  onDecide: (kind: DecisionKind) => void;
}) {
  if (entry.status === 'joined') {
    return <span className="text-xs whitespace-nowrap text-muted-foreground">Signed up</span>;
  }
  return (
    <RowActions>
      {entry.status !== 'approved' && (
        <RowAction aria-label={`Approve ${entry.email}`} onClick={() => onDecide('approve')}>
          Approve
        </RowAction>
      )}
      {entry.status !== 'rejected' && (
        <RowAction
          tone="danger"
          aria-label={`Reject ${entry.email}`}
          onClick={() => onDecide('reject')}
        >
          Reject
        </RowAction>
      )}
    </RowActions>
  );
}

function EntryNotes({ entry }: { entry: WaitlistEntryView }) {
  if (!entry.note && !entry.notes) return <span className="text-muted-foreground">—</span>;
  const whole = [
    entry.note ? `Their note: “${entry.note}”` : '',
    entry.notes ? `Admin: ${entry.notes}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <span title={whole} className="block truncate text-muted-foreground">
      {entry.note && (
        <>
          <span className="sr-only">Their note: </span>“{entry.note}”
        </>
      )}
      {entry.note && entry.notes && ' · '}
      {entry.notes && (
        <>
          <span className="font-medium text-foreground">Admin:</span> {entry.notes}
        </>
      )}
    </span>
  );
}

/** When the entry last changed; what the decision was, and by whom, on hover. */
function DecidedCell({ entry }: { entry: WaitlistEntryView }) {
  const decided =
    entry.status === 'approved'
      ? `Approved by ${entry.approvedBy ?? 'an admin'} on ${formatDate(entry.approvedAt)}`
      : entry.status === 'rejected'
        ? `Rejected on ${formatDate(entry.rejectedAt)}`
        : entry.status === 'joined'
          ? `Signed up on ${formatDate(entry.joinedAt)}`
          : undefined;
  return (
    <span title={decided}>
      <DateCell iso={entry.updatedAt} />
    </span>
  );
}

function SelectedList({ entries }: { entries: WaitlistEntryView[] }) {
  const shown = entries.slice(0, 5);
  return (
    <ul className="mt-3 space-y-1">
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
