import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { approvedUserUpdateSchema, type WaitlistEntryView } from '../../../contract/waitlist.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import {
  DateCell,
  RowAction,
  RowActions,
  TruncatedText,
} from '../../components/data-table/cells.tsx';
import { dataTableColumns } from '../../components/data-table/columns.ts';
import { DataTable } from '../../components/data-table/data-table.tsx';
import { ListFilters } from '../../components/data-table/list-filters.tsx';
import { ListProblems } from '../../components/data-table/list-problems.tsx';
import { useListState } from '../../components/data-table/use-list-state.ts';
import { SelectField, TextAreaField } from '../../components/form-field.tsx';
import { ActionError } from '../../components/page-state.tsx';
import { RoleBadge } from '../../components/role-badge.tsx';
import { useToast } from '../../components/toast.tsx';
import { WaitlistStatusBadge } from '../../components/waitlist-status-badge.tsx';
import { ADMIN_PAGE_SIZE } from '../../hooks/use-admin.ts';
import {
  useApprovedUsers,
  useRemoveApprovedUser,
  useUpdateApprovedUser,
} from '../../hooks/use-waitlist.ts';
import { approvedUsersListSpec } from '../../lib/admin-lists.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { plainResolver } from '../../lib/plain-resolver.ts';
import { ROLE_LABELS } from '../../lib/roles.ts';
import { WAITLIST_NOTE_MAX_LENGTH, WAITLIST_ROLES, type WaitlistRole } from '../../lib/waitlist.ts';

const formatDate = (iso: string | null) =>
  iso ? new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' }) : '';

const col = dataTableColumns<WaitlistEntryView>();
const columns = col.columns([
  col.display({
    id: 'name',
    header: 'Name',
    cell: ({ row }) =>
      row.original.name ? (
        <TruncatedText text={row.original.name} className="max-w-48 font-medium text-foreground" />
      ) : (
        <span className="text-muted-foreground">No name given</span>
      ),
  }),
  col.accessor('email', {
    header: 'Email',
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
      <span
        title={
          row.original.joinedAt ? `Signed up on ${formatDate(row.original.joinedAt)}` : undefined
        }
      >
        <WaitlistStatusBadge status={row.original.status} className="whitespace-nowrap" />
      </span>
    ),
  }),
  col.display({
    id: 'notes',
    header: 'Notes',
    cell: ({ row }) => (
      <TruncatedText text={row.original.notes} className="max-w-64 text-muted-foreground" />
    ),
  }),
  col.display({
    id: 'approved',
    header: 'Approved',
    cell: ({ row }) => (
      <span title={row.original.approvedBy ? `by ${row.original.approvedBy}` : undefined}>
        <DateCell iso={row.original.approvedAt} />
      </span>
    ),
    meta: { className: 'text-muted-foreground' },
  }),
]);

/** The registry's approved emails: search, role filter, edit and remove. */
export function ApprovedUsersTable() {
  const list = useListState(approvedUsersListSpec);
  const { state } = list;
  const approved = useApprovedUsers(state);
  const remove = useRemoveApprovedUser();
  const toast = useToast();
  const [editing, setEditing] = useState<WaitlistEntryView | null>(null);
  const [removing, setRemoving] = useState<WaitlistEntryView | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  function confirmRemove() {
    if (!removing) return;
    const email = removing.email;
    remove.mutate(email, {
      onSuccess: () => {
        setRemoving(null);
        toast({ tone: 'success', title: `${email} is no longer approved` });
      },
      onError: (error) => {
        setRemoving(null);
        setActionError(plainApiError(error));
      },
    });
  }

  const data = approved.data;
  return (
    <div className="space-y-4">
      <ListFilters
        label="Find approved users"
        spec={approvedUsersListSpec}
        list={list}
        fields={[
          { kind: 'text', key: 'query', label: 'Search', placeholder: 'Name or email' },
          {
            kind: 'select',
            key: 'role',
            label: 'Role',
            allLabel: 'Coaches and clients',
            options: WAITLIST_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
          },
        ]}
      />
      <ListProblems list={list} />
      {actionError && <ActionError message={actionError} onDismiss={() => setActionError(null)} />}
      <DataTable
        label="Approved users"
        captionDetail={`${state.query ? ` matching “${state.query}”` : ''}${state.role ? `, role ${ROLE_LABELS[state.role]}` : ''}`}
        columns={columns}
        rows={data?.data}
        getRowId={(entry) => entry.id}
        query={approved}
        list={list}
        pagesLabel="Approved users pages"
        page={
          data && {
            page: data.page,
            pageSize: data.pageSize || ADMIN_PAGE_SIZE,
            shown: data.data.length,
            total: data.totalCount,
          }
        }
        highlight={(entry) => entry.id === editing?.id}
        rowActions={(entry) => (
          <RowActions>
            <RowAction aria-label={`Edit ${entry.email}`} onClick={() => setEditing(entry)}>
              Edit
            </RowAction>
            <RowAction
              tone="danger"
              aria-label={`Remove ${entry.email}`}
              onClick={() => {
                setActionError(null);
                setRemoving(entry);
              }}
            >
              Remove
            </RowAction>
          </RowActions>
        )}
        empty={
          list.filtered ? (
            <p>No approved users match. Try another search or role.</p>
          ) : (
            <p>
              Nobody is approved yet. Approve people on the waitlist, add one with “Add approved
              user”, or import a list below.
            </p>
          )
        }
      />

      <EditDialog entry={editing} onClose={() => setEditing(null)} />

      <ConfirmDialog
        open={removing !== null}
        title="Remove this approval?"
        confirmLabel="Remove"
        confirmVariant="danger"
        pending={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={confirmRemove}
      >
        {removing?.status === 'joined' ? (
          <p>
            {removing.email} has signed up already: their account keeps its role. Only the entry in
            this registry goes.
          </p>
        ) : (
          <p>
            {removing?.email} can no longer sign up, and the invitation they were sent stops
            working.
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}

type EditValues = { role: WaitlistRole; notes: string };

// The update's own schema (role, notes), as the server checks it.
const editResolver = plainResolver<EditValues>(
  z.object({
    role: approvedUserUpdateSchema.shape.role,
    notes: approvedUserUpdateSchema.shape.notes,
  }),
  { role: { name: 'the role', missing: 'Choose a role.' }, notes: { name: 'the notes' } },
);

/**
 * Role and notes of one entry; a person who signed up keeps their role here (see Users). Always
 * mounted, so that closing gives focus back to the row's Edit button.
 */
function EditDialog({
  entry: current,
  onClose,
}: {
  entry: WaitlistEntryView | null;
  onClose: () => void;
}) {
  const update = useUpdateApprovedUser();
  const toast = useToast();
  const formId = useId();
  const [error, setError] = useState<string | null>(null);
  // While the dialog closes, it keeps showing the entry it was about.
  const last = useRef<WaitlistEntryView | null>(null);
  if (current) last.current = current;
  const entry = current ?? last.current;
  const joined = entry?.status === 'joined';
  const form = useForm<EditValues>({
    defaultValues: { role: 'coach', notes: '' },
    resolver: editResolver,
  });
  const { errors } = form.formState;

  useEffect(() => {
    if (!current) return;
    setError(null);
    form.reset({ role: current.role, notes: current.notes ?? '' });
  }, [current, form]);

  const save = form.handleSubmit((values) => {
    if (!entry) return;
    setError(null);
    update.mutate(
      { email: entry.email, role: joined ? entry.role : values.role, notes: values.notes },
      {
        onSuccess: () => {
          onClose();
          toast({ tone: 'success', title: `${entry.email} is updated` });
        },
        onError: (failure) => setError(plainApiError(failure)),
      },
    );
  });

  return (
    <ConfirmDialog
      open={current !== null}
      title={`Edit ${entry?.email ?? ''}`}
      confirmLabel="Save"
      pending={update.isPending}
      formId={formId}
      onCancel={onClose}
      fields={
        <form
          id={formId}
          noValidate
          aria-label={`Edit ${entry?.email ?? ''}`}
          onSubmit={(event) => void save(event)}
          className="space-y-4"
        >
          <SelectField
            label="Role"
            disabled={joined}
            {...form.register('role')}
            error={errors.role?.message}
            hint={joined ? 'Signed up already: change their role under Users.' : undefined}
          >
            {WAITLIST_ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label="Notes"
            rows={3}
            maxLength={WAITLIST_NOTE_MAX_LENGTH}
            {...form.register('notes')}
            error={errors.notes?.message}
            hint={errors.notes ? undefined : 'For admins only. Leave it empty to remove the notes.'}
          />
          {error && (
            <p role="alert" className="text-sm font-medium text-danger">
              {error}
            </p>
          )}
        </form>
      }
    >
      <p>The role their account gets when they sign up, and your notes about them.</p>
    </ConfirmDialog>
  );
}
