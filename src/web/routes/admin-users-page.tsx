import { type FormEvent, useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Role, User } from '../../contract/users.ts';
import { Button } from '../components/button.tsx';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { inputClasses } from '../components/form-field.tsx';
import { PageContainer } from '../components/page-container.tsx';
import { ActionError, LoadError, LoadingState, PageHeader } from '../components/page-state.tsx';
import { Pagination } from '../components/pagination.tsx';
import { RoleBadge } from '../components/role-badge.tsx';
import { useToast } from '../components/toast.tsx';
import {
  ADMIN_PAGE_SIZE,
  type UserAction,
  useUserAction,
  useUserList,
} from '../hooks/use-admin.ts';
import { useCurrentUser } from '../hooks/use-session.ts';
import { describeError } from '../lib/api-client.ts';
import { ALL_ROLES, displayName, GRANTABLE_ROLES, isRole, ROLE_LABELS } from '../lib/roles.ts';

type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export function AdminUsersPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = searchParams.get('query') ?? '';
  const roleParam = searchParams.get('role');
  const role: Role | '' = isRole(roleParam) ? roleParam : '';
  const page = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);

  const list = useUserList({ query, role, page });
  const action = useUserAction();
  const toast = useToast();
  const me = useCurrentUser();
  const [draft, setDraft] = useState(query);
  const [confirming, setConfirming] = useState<UserAction | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const searchId = useId();
  const roleFilterId = useId();

  // Back and forward move through searches: the box follows the address.
  useEffect(() => setDraft(query), [query]);

  function go(next: { query?: string; role?: string; page?: number }) {
    const params = new URLSearchParams();
    const nextQuery = (next.query ?? query).trim();
    const nextRole = next.role ?? role;
    const nextPage = next.page ?? 1;
    if (nextQuery) params.set('query', nextQuery);
    if (nextRole) params.set('role', nextRole);
    if (nextPage > 1) params.set('page', String(nextPage));
    setSearchParams(params);
  }

  function handleSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    go({ query: draft, page: 1 });
  }

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
        setActionError(describeError(error));
      },
    });
  }

  const data = list.data;
  return (
    <PageContainer>
      <title>Users · Admin · Arete</title>
      <PageHeader kicker="Admin area" title="Users">
        <p>Approve people by giving them a role; ban someone to end their sessions.</p>
      </PageHeader>

      <search aria-label="Find users">
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
            <label htmlFor={roleFilterId} className="block text-sm font-medium">
              Role
            </label>
            <select
              id={roleFilterId}
              value={role}
              onChange={(event) => go({ query: draft, role: event.target.value, page: 1 })}
              className={`mt-1.5 ${inputClasses}`}
            >
              <option value="">All roles</option>
              {ALL_ROLES.map((item) => (
                <option key={item} value={item}>
                  {ROLE_LABELS[item]}
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
        {list.isError && (
          <LoadError
            title="Users could not be loaded"
            message={describeError(list.error)}
            onRetry={() => list.refetch()}
          />
        )}
      </div>

      {list.isPending ? (
        <LoadingState label="Loading users…" />
      ) : data ? (
        <section aria-labelledby="users-table-title" className="mt-6 pb-16">
          <h2 id="users-table-title" className="sr-only">
            Matching users
          </h2>
          <div className="overflow-x-auto rounded-2xl border border-border bg-surface shadow-card">
            <table className="w-full min-w-3xl text-left text-sm">
              <caption className="sr-only">
                Users{query ? ` matching “${query}”` : ''}
                {role ? `, role ${ROLE_LABELS[role]}` : ''}
              </caption>
              <thead className="border-b border-border bg-surface-muted text-muted-foreground">
                <tr>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Name
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Email
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Role
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Status
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Joined
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Actions
                  </th>
                </tr>
              </thead>
              <tbody aria-busy={list.isFetching || undefined}>
                {data.data.length === 0 && (
                  <tr>
                    <td colSpan={6} className="px-4 py-10 text-center text-muted-foreground">
                      No users match. Try another search or role.
                    </td>
                  </tr>
                )}
                {data.data.map((user) => (
                  <UserRow
                    key={user.id}
                    user={user}
                    isSelf={user.id === me?.id}
                    busy={action.isPending && action.variables?.user.id === user.id}
                    onAction={setConfirming}
                    onUnban={(target) => run({ kind: 'unban', user: target })}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            label="Users pages"
            page={data.page}
            pageSize={data.pageSize || ADMIN_PAGE_SIZE}
            totalCount={data.totalCount}
            busy={list.isFetching}
            onPage={(nextPage) => go({ page: nextPage })}
          />
        </section>
      ) : null}

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

function UserRow({
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

  return (
    <tr className="border-b border-border last:border-b-0">
      <td className="px-4 py-3 font-medium text-foreground">
        {displayName(user)}
        {isSelf && <span className="ml-2 text-xs font-normal text-muted-foreground">(you)</span>}
      </td>
      <td className="px-4 py-3 break-all text-muted-foreground">{user.email}</td>
      <td className="px-4 py-3">
        <RoleBadge role={user.role} />
      </td>
      <td className="px-4 py-3">
        <div className="flex flex-wrap gap-1.5 text-xs">
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
        </div>
      </td>
      <td className="px-4 py-3 whitespace-nowrap text-muted-foreground">
        <time dateTime={user.createdAt}>
          {new Date(user.createdAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}
        </time>
      </td>
      <td className="px-4 py-3">
        {isSelf ? (
          <span className="text-xs text-muted-foreground">
            Another admin can change your own account.
          </span>
        ) : (
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor={selectId} className="sr-only">
              New role for {user.email}
            </label>
            <select
              id={selectId}
              value={chosen}
              disabled={busy}
              onChange={(event) => setChosen(event.target.value as GrantableRole)}
              className="rounded-md border border-border bg-surface px-2 py-1.5 text-sm"
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
            <Button
              size="sm"
              variant={changed ? 'primary' : 'secondary'}
              disabled={!changed || busy}
              aria-label={`Change role of ${user.email}`}
              onClick={() => chosen && onAction({ kind: 'role', user, role: chosen })}
            >
              Change role
            </Button>
            {user.banned ? (
              <Button
                size="sm"
                variant="secondary"
                pending={busy}
                aria-label={`Unban ${user.email}`}
                onClick={() => onUnban(user)}
              >
                Unban
              </Button>
            ) : (
              <Button
                size="sm"
                variant="danger-quiet"
                disabled={busy}
                aria-label={`Ban ${user.email}`}
                onClick={() => onAction({ kind: 'ban', user })}
              >
                Ban
              </Button>
            )}
          </div>
        )}
      </td>
    </tr>
  );
}
