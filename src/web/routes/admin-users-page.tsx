import { useEffect, useId, useState } from 'react';
import type { User } from '../../contract/users.ts';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { DateCell, RowAction, RowActions } from '../components/data-table/cells.tsx';
import { dataTableColumns } from '../components/data-table/columns.ts';
import { DataTable } from '../components/data-table/data-table.tsx';
import { ListFilters } from '../components/data-table/list-filters.tsx';
import { ListProblems } from '../components/data-table/list-problems.tsx';
import { useListState } from '../components/data-table/use-list-state.ts';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ActionError } from '../components/page-state.tsx';
import { RoleBadge } from '../components/role-badge.tsx';
import { useToast } from '../components/toast.tsx';
import {
  ADMIN_PAGE_SIZE,
  type UserAction,
  useUserAction,
  useUserList,
} from '../hooks/use-admin.ts';
import { useCurrentUser } from '../hooks/use-session.ts';
import { usersListSpec } from '../lib/admin-lists.ts';
import { plainApiError } from '../lib/plain-errors.ts';
import { ALL_ROLES, displayName, GRANTABLE_ROLES, ROLE_LABELS } from '../lib/roles.ts';

type GrantableRole = (typeof GRANTABLE_ROLES)[number];

const col = dataTableColumns<User>();
const columns = col.columns([
  col.display({
    id: 'name',
    header: 'Name',
    cell: ({ row }) => (
      <span className="font-medium text-foreground">{displayName(row.original)}</span>
    ),
    meta: { className: 'whitespace-nowrap' },
  }),
  col.accessor('email', {
    header: 'Email',
    cell: ({ row }) => <span className="text-muted-foreground">{row.original.email}</span>,
    meta: { className: 'whitespace-nowrap' },
  }),
  col.display({
    id: 'role',
    header: 'Role',
    cell: ({ row }) => <RoleBadge role={row.original.role} />,
  }),
  col.display({
    id: 'status',
    header: 'Status',
    cell: ({ row }) => <UserStatus user={row.original} />,
    meta: { className: 'whitespace-nowrap' },
  }),
  col.display({
    id: 'joined',
    header: 'Joined',
    cell: ({ row }) => <DateCell iso={row.original.createdAt} />,
    meta: { className: 'text-muted-foreground' },
  }),
]);

const roleOptions = ALL_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export function AdminUsersPage() {
  const list = useListState(usersListSpec);
  const { state } = list;
  const users = useUserList(state);
  const action = useUserAction();
  const toast = useToast();
  const me = useCurrentUser();
  const [confirming, setConfirming] = useState<UserAction | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  function run(request: UserAction) {
    setActionError(null);
    action.mutate(request, {
      onSuccess: (user) => {
        setConfirming(null);
        const name = displayName(user);
        toast({
          tone: 'success',
          title:
            request.kind === 'role'
              ? `${name} is now ${user.role === 'admin' ? 'an' : 'a'} ${ROLE_LABELS[user.role].toLowerCase()}`
              : request.kind === 'ban'
                ? `${name} is banned`
                : `${name} is no longer banned`,
        });
      },
      onError: (error) => {
        setConfirming(null);
        setActionError(plainApiError(error));
      },
    });
  }

  const data = users.data;
  return (
    <PageContainer>
      <PageHeader
        title="Users"
        documentTitle="Users · Admin"
        description="Everyone with an account. Give a role to let someone in; ban to end their sessions."
      />
      <div className="space-y-4 pb-16">
        <ListFilters
          label="Find users"
          spec={usersListSpec}
          list={list}
          fields={[
            {
              kind: 'text',
              key: 'query',
              label: 'Search',
              placeholder: 'Name or email',
            },
            {
              kind: 'select',
              key: 'role',
              label: 'Role',
              allLabel: 'All roles',
              options: roleOptions,
            },
          ]}
        />
        <ListProblems list={list} />
        {actionError && (
          <ActionError message={actionError} onDismiss={() => setActionError(null)} />
        )}
        <DataTable
          label="Users"
          captionDetail={`${state.query ? `, matching “${state.query}”` : ''}${state.role ? `, role ${ROLE_LABELS[state.role]}` : ''}`}
          columns={columns}
          rows={data?.data}
          getRowId={(user) => user.id}
          query={users}
          list={list}
          pagesLabel="Users pages"
          page={
            data && {
              page: data.page,
              pageSize: data.pageSize || ADMIN_PAGE_SIZE,
              shown: data.data.length,
              total: data.totalCount,
            }
          }
          rowActions={(user) => (
            <UserActions
              user={user}
              isSelf={user.id === me?.id}
              busy={action.isPending && action.variables?.user.id === user.id}
              onAction={setConfirming}
              onUnban={(target) => run({ kind: 'unban', user: target })}
            />
          )}
          empty={
            list.filtered ? (
              <p>No users match. Try another search or role.</p>
            ) : (
              <p>Nobody has an account yet. People appear here once they sign up.</p>
            )
          }
        />
      </div>

      <ConfirmDialog
        open={confirming !== null}
        title={
          confirming?.kind === 'ban'
            ? 'Ban this user?'
            : confirming?.kind === 'role'
              ? 'Change role?'
              : 'Confirm'
        }
        confirmLabel={
          confirming?.kind === 'ban'
            ? 'Ban user'
            : confirming?.kind === 'role'
              ? `Make ${ROLE_LABELS[confirming.role].toLowerCase()}`
              : 'Confirm'
        }
        confirmVariant={confirming?.kind === 'ban' ? 'danger' : 'primary'}
        pending={action.isPending}
        onCancel={() => setConfirming(null)}
        onConfirm={() => confirming && run(confirming)}
      >
        {confirming?.kind === 'role' && (
          <p>
            {displayName(confirming.user)} ({confirming.user.email}) changes from{' '}
            <strong className="text-foreground">{ROLE_LABELS[confirming.user.role]}</strong> to{' '}
            <strong className="text-foreground">{ROLE_LABELS[confirming.role]}</strong>. Their open
            pages pick up the new role within seconds.
          </p>
        )}
        {confirming?.kind === 'ban' && (
          <p>
            {displayName(confirming.user)} ({confirming.user.email}) is signed out everywhere and
            cannot sign in until you unban them.
          </p>
        )}
      </ConfirmDialog>
    </PageContainer>
  );
}

function UserStatus({ user }: { user: User }) {
  return (
    <span className="flex gap-1.5 text-xs">
      {user.banned ? (
        <span className="rounded-full border border-danger/40 px-2 py-0.5 font-medium text-danger">
          Banned
        </span>
      ) : (
        <span className="text-muted-foreground">Active</span>
      )}
      {!user.emailVerified && (
        <span className="rounded-full border border-warning/40 px-2 py-0.5 font-medium text-warning">
          Email not verified
        </span>
      )}
    </span>
  );
}

function UserActions({
  user,
  isSelf,
  busy,
  onAction,
  onUnban,
}: {
  user: User;
  isSelf: boolean;
  busy: boolean;
  onAction: (action: UserAction) => void;
  onUnban: (user: User) => void;
}) {
  const selectId = useId();
  const [chosen, setChosen] = useState<GrantableRole | ''>(
    user.role === 'pending' ? '' : user.role,
  );
  // When the list is read again (after a change), the select shows the role the server has.
  useEffect(() => setChosen(user.role === 'pending' ? '' : user.role), [user.role]);
  const changed = chosen !== '' && chosen !== user.role;

  if (isSelf) {
    return (
      <span className="text-xs text-muted-foreground">Another admin can change your account.</span>
    );
  }
  return (
    <RowActions>
      <label htmlFor={selectId} className="sr-only">
        New role for {user.email}
      </label>
      <select
        id={selectId}
        value={chosen}
        disabled={busy}
        onChange={(event) => setChosen(event.target.value as GrantableRole)}
        className="h-7 rounded-md border border-border bg-surface px-1.5 text-xs"
      >
        {user.role === 'pending' && (
          <option value="" disabled>
            Choose a role
          </option>
        )}
        {GRANTABLE_ROLES.map((item) => (
          <option key={item} value={item}>
            {ROLE_LABELS[item]}
          </option>
        ))}
      </select>
      <RowAction
        tone={changed ? 'primary' : 'default'}
        disabled={!changed || busy}
        aria-label={`Change role of ${user.email}`}
        onClick={() => chosen && onAction({ kind: 'role', user, role: chosen })}
      >
        Change role
      </RowAction>
      {user.banned ? (
        <RowAction pending={busy} aria-label={`Unban ${user.email}`} onClick={() => onUnban(user)}>
          Unban
        </RowAction>
      ) : (
        <RowAction
          tone="danger"
          disabled={busy}
          aria-label={`Ban ${user.email}`}
          onClick={() => onAction({ kind: 'ban', user })}
        >
          Ban
        </RowAction>
      )}
    </RowActions>
  );
}
