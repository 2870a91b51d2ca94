import { useEffect, useId, useState } from 'react';
import type { MemberView } from '../../../contract/tenants.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { DateCell, RowAction, RowActions } from '../../components/data-table/cells.tsx';
import { dataTableColumns } from '../../components/data-table/columns.ts';
import { DataTable, ONE_PAGE_LIST } from '../../components/data-table/data-table.tsx';
import { ActionError } from '../../components/page-state.tsx';
import { useToast } from '../../components/toast.tsx';
import {
  type MemberChange,
  useChangeMember,
  useOrganizationMembers,
} from '../../hooks/use-organizations.ts';
import {
  ORGANIZATION_ROLE_LABELS,
  type OrganizationRole,
  organizationPath,
} from '../../lib/organizations.ts';
import { plainApiError } from '../../lib/plain-errors.ts';

const memberName = (member: MemberView) =>
  [member.firstName, member.lastName].filter(Boolean).join(' ').trim() || member.email;

const col = dataTableColumns<MemberView>();
const columns = col.columns([
  col.display({
    id: 'name',
    header: 'Name',
    cell: ({ row }) => (
      <span className="font-medium whitespace-nowrap text-foreground">
        {memberName(row.original)}
      </span>
    ),
  }),
  col.accessor('email', {
    header: 'Email',
    cell: ({ row }) => <span className="text-muted-foreground">{row.original.email}</span>,
    meta: { className: 'whitespace-nowrap' },
  }),
  col.display({
    id: 'role',
    header: 'Role',
    cell: ({ row }) => (
      <span
        className={`inline-flex rounded-full border px-2.5 py-0.5 text-xs font-medium ${
          row.original.role === 'admin'
            ? 'border-accent-foreground/30 bg-accent text-accent-foreground'
            : 'border-border bg-surface-muted text-foreground'
        }`}
      >
        {ORGANIZATION_ROLE_LABELS[row.original.role]}
      </span>
    ),
  }),
  col.display({
    id: 'joined',
    header: 'Joined',
    cell: ({ row }) => <DateCell iso={row.original.joinedAt} />,
    meta: { className: 'text-muted-foreground' },
  }),
]);

/** The organization's members with their roles; admins change roles and remove members. */
export function MembersTable({
  identityOrgId,
  isAdmin,
  myUserId,
}: {
  identityOrgId: string;
  isAdmin: boolean;
  myUserId: string | undefined;
}) {
  const members = useOrganizationMembers(identityOrgId);
  const change = useChangeMember(identityOrgId);
  const toast = useToast();
  const [confirming, setConfirming] = useState<MemberChange | null>(null);
  const [error, setError] = useState<string | null>(null);

  function run(request: MemberChange) {
    setError(null);
    change.mutate(request, {
      onSuccess: () => {
        setConfirming(null);
        const name = memberName(request.member);
        toast({
          tone: 'success',
          title:
            request.kind === 'role'
              ? `${name} is now ${request.role === 'admin' ? 'an admin' : 'a member'}`
              : `${name} is no longer a member`,
        });
      },
      onError: (failure) => {
        setConfirming(null);
        setError(plainApiError(failure));
      },
    });
  }

  return (
    // The table below is the region (named by its label); this heading is what the eye reads.
    <div className="space-y-3">
      <p aria-hidden="true" className="text-base font-semibold text-foreground">
        Members
      </p>
      {error && <ActionError message={error} onDismiss={() => setError(null)} />}
      <DataTable
        label="Members"
        columns={columns}
        rows={members.data?.data}
        getRowId={(member) => member.userId}
        query={members}
        list={ONE_PAGE_LIST(organizationPath(identityOrgId))}
        page={undefined}
        pagesLabel="Member pages"
        rowActions={
          isAdmin
            ? (member) =>
                member.userId === myUserId ? (
                  <span className="text-xs text-muted-foreground">You</span>
                ) : (
                  <MemberActions
                    member={member}
                    busy={change.isPending && change.variables?.member.userId === member.userId}
                    onRole={(role) => run({ kind: 'role', member, role })}
                    onRemove={() => setConfirming({ kind: 'remove', member })}
                  />
                )
            : undefined
        }
        empty={<p>No members yet.</p>}
      />
      <ConfirmDialog
        open={confirming !== null}
        title="Remove this member?"
        confirmLabel="Remove member"
        confirmVariant="danger"
        pending={change.isPending}
        onCancel={() => setConfirming(null)}
        onConfirm={() => confirming && run(confirming)}
      >
        {confirming && (
          <p>
            {memberName(confirming.member)} ({confirming.member.email}) leaves the organization. An
            invitation brings them back.
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}

function MemberActions({
  member,
  busy,
  onRole,
  onRemove,
}: {
  member: MemberView;
  busy: boolean;
  onRole: (role: OrganizationRole) => void;
  onRemove: () => void;
}) {
  const selectId = useId();
  const [chosen, setChosen] = useState<OrganizationRole>(member.role);
  useEffect(() => setChosen(member.role), [member.role]);
  const changed = chosen !== member.role;
  return (
    <RowActions>
      <label htmlFor={selectId} className="sr-only">
        Role of {member.email}
      </label>
      <select
        id={selectId}
        value={chosen}
        disabled={busy}
        onChange={(event) => setChosen(event.target.value as OrganizationRole)}
        className="h-7 rounded-md border border-border bg-surface px-1.5 text-xs"
      >
        <option value="member">Member</option>
        <option value="admin">Admin</option>
      </select>
      <RowAction
        tone={changed ? 'primary' : 'default'}
        disabled={!changed}
        pending={busy && changed}
        aria-label={`Change role of ${member.email}`}
        onClick={() => onRole(chosen)}
      >
        Change role
      </RowAction>
      <RowAction
        tone="danger"
        disabled={busy}
        aria-label={`Remove ${member.email}`}
        onClick={onRemove}
      >
        Remove
      </RowAction>
    </RowActions>
  );
}
