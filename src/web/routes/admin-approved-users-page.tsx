import { type ChangeEvent, type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ImportReport, RegistryBackup, WaitlistEntryView } from '../../contract/waitlist.ts';
import { Alert } from '../components/alert.tsx';
import { Button } from '../components/button.tsx';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { inputClasses, SelectField, TextAreaField, TextField } from '../components/form-field.tsx';
import { linkClass } from '../components/link-classes.ts';
import { PageContainer } from '../components/page-container.tsx';
import { ActionError, LoadError, LoadingState, PageHeader } from '../components/page-state.tsx';
import { Pagination } from '../components/pagination.tsx';
import { RoleBadge } from '../components/role-badge.tsx';
import { useToast } from '../components/toast.tsx';
import { WaitlistStatusBadge } from '../components/waitlist-status-badge.tsx';
import { ADMIN_PAGE_SIZE } from '../hooks/use-admin.ts';
import {
  type ImportMode,
  type RegistryDownload,
  useAddApprovedUser,
  useApprovedUsers,
  useImportApprovedUsers,
  useRegistryDownload,
  useRemoveApprovedUser,
  useRestoreRegistry,
  useUpdateApprovedUser,
} from '../hooks/use-waitlist.ts';
import { ApiRequestError, describeError } from '../lib/api-client.ts';
import { ROLE_LABELS } from '../lib/roles.ts';
import { type FieldErrors, validateEmail } from '../lib/sign-up-validation.ts';
import {
  IMPORT_OUTCOME_LABELS,
  importPayloadOf,
  isWaitlistRole,
  summarizeImport,
  WAITLIST_NAME_MAX_LENGTH,
  WAITLIST_NOTE_MAX_LENGTH,
  WAITLIST_ROLES,
  type WaitlistRole,
} from '../lib/waitlist.ts';

const cardClass = 'rounded-2xl border border-border bg-surface p-6 shadow-card';
const formatDate = (iso: string | null) =>
  iso ? new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' }) : null;

/** A few of a validation error's issues, for a message under a failed upload. */
function issuesOf(error: Error): string[] {
  if (!(error instanceof ApiRequestError)) return [];
  return error.issues.slice(0, 5).map((issue) => `${issue.path}: ${issue.message}`);
}

export function AdminApprovedUsersPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = searchParams.get('query') ?? '';
  const roleParam = searchParams.get('role');
  const role: WaitlistRole | '' = isWaitlistRole(roleParam) ? roleParam : '';
  const page = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);
  const list = useApprovedUsers({ query, role, page });
  const [draft, setDraft] = useState(query);
  const [removing, setRemoving] = useState<WaitlistEntryView | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const remove = useRemoveApprovedUser();
  const toast = useToast();
  const searchId = useId();
  const roleFilterId = useId();

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
        setActionError(describeError(error));
      },
    });
  }

  const data = list.data;
  return (
    <PageContainer>
      <title>Approved users · Admin · Arete</title>
      <PageHeader kicker="Admin area" title="Approved users" actions={<DownloadButtons />}>
        <p>
          Emails that may sign up, each with the role their account gets. Add one, change it, or
          import many at once.
        </p>
      </PageHeader>

      <search aria-label="Find approved users">
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
              <option value="">Coaches and clients</option>
              {WAITLIST_ROLES.map((item) => (
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
            title="Approved users could not be loaded"
            message={describeError(list.error)}
            onRetry={() => list.refetch()}
          />
        )}
      </div>

      {list.isPending ? (
        <LoadingState label="Loading approved users…" />
      ) : data ? (
        <section aria-labelledby="approved-table-title" className="mt-6">
          <h2 id="approved-table-title" className="sr-only">
            Approved users
          </h2>
          <div className="overflow-x-auto rounded-2xl border border-border bg-surface shadow-card">
            <table className="w-full min-w-4xl text-left text-sm">
              <caption className="sr-only">
                Approved users{query ? ` matching “${query}”` : ''}
                {role ? `, role ${ROLE_LABELS[role]}` : ''}
              </caption>
              <thead className="border-b border-border bg-surface-muted text-muted-foreground">
                <tr>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Person
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Role
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Status
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Notes
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Approved
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
                      {query || role
                        ? 'No approved users match. Try another search or role.'
                        : 'Nobody is approved yet. Approve people on the waitlist, or add them below.'}
                    </td>
                  </tr>
                )}
                {data.data.map((entry) => (
                  <ApprovedUserRow
                    key={entry.id}
                    entry={entry}
                    onRemove={() => {
                      setActionError(null);
                      setRemoving(entry);
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            label="Approved users pages"
            page={data.page}
            pageSize={data.pageSize || ADMIN_PAGE_SIZE}
            totalCount={data.totalCount}
            busy={list.isFetching}
            onPage={(nextPage) => go({ page: nextPage })}
          />
        </section>
      ) : null}

      <div className="grid items-start gap-6 pt-6 pb-6 lg:grid-cols-[2fr_3fr]">
        <AddApprovedUser />
        <ImportApprovedUsers />
      </div>
      <div className="pb-16">
        <RestoreRegistry />
      </div>

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
    </PageContainer>
  );
}

function DownloadButtons() {
  const download = useRegistryDownload();
  const toast = useToast();
  const labels: Record<RegistryDownload, string> = {
    csv: 'Export CSV',
    json: 'Export JSON',
    backup: 'Download backup',
  };

  function start(kind: RegistryDownload) {
    download.mutate(kind, {
      onSuccess: (filename) => toast({ tone: 'success', title: `Downloaded ${filename}` }),
      onError: (error) =>
        toast({ tone: 'error', title: 'The download failed', description: describeError(error) }),
    });
  }

  return (
    <div className="flex flex-wrap gap-2">
      {(Object.keys(labels) as RegistryDownload[]).map((kind) => (
        <Button
          key={kind}
          variant="secondary"
          size="sm"
          pending={download.isPending && download.variables === kind}
          disabled={download.isPending}
          onClick={() => start(kind)}
        >
          {labels[kind]}
        </Button>
      ))}
    </div>
  );
}

function ApprovedUserRow({ entry, onRemove }: { entry: WaitlistEntryView; onRemove: () => void }) {
  const [editing, setEditing] = useState(false);
  const [role, setRole] = useState<WaitlistRole>(entry.role);
  const [notes, setNotes] = useState(entry.notes ?? '');
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateApprovedUser();
  const toast = useToast();
  const roleId = useId();
  const notesId = useId();
  const joined = entry.status === 'joined';

  function startEditing() {
    setRole(entry.role);
    setNotes(entry.notes ?? '');
    setError(null);
    setEditing(true);
  }

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    update.mutate(
      { email: entry.email, role, notes },
      {
        onSuccess: () => {
          setEditing(false);
          toast({ tone: 'success', title: `${entry.email} is updated` });
        },
        onError: (failure) => setError(describeError(failure)),
      },
    );
  }

  return (
    <tr className="border-b border-border align-top last:border-b-0">
      <td className="px-4 py-3">
        <p className={entry.name ? 'font-medium text-foreground' : 'text-muted-foreground'}>
          {entry.name ?? 'No name given'}
        </p>
        <p className="text-muted-foreground">{entry.email}</p>
      </td>
      {editing ? (
        <td colSpan={4} className="px-4 py-3">
          <form
            onSubmit={save}
            aria-label={`Edit ${entry.email}`}
            className="flex flex-wrap items-start gap-3"
          >
            <div>
              <label htmlFor={roleId} className="block text-xs font-medium text-muted-foreground">
                Role
              </label>
              <select
                id={roleId}
                value={role}
                disabled={joined || update.isPending}
                aria-describedby={joined ? `${roleId}-hint` : undefined}
                onChange={(event) => setRole(event.target.value as WaitlistRole)}
                className="mt-1 rounded-md border border-border bg-surface px-2 py-1.5 text-sm"
              >
                {WAITLIST_ROLES.map((item) => (
                  <option key={item} value={item}>
                    {ROLE_LABELS[item]}
                  </option>
                ))}
              </select>
              {joined && (
                <p id={`${roleId}-hint`} className="mt-1 max-w-48 text-xs text-muted-foreground">
                  Signed up already: change their role under Users.
                </p>
              )}
            </div>
            <div className="min-w-56 flex-1">
              <label htmlFor={notesId} className="block text-xs font-medium text-muted-foreground">
                Notes
              </label>
              <input
                id={notesId}
                value={notes}
                maxLength={WAITLIST_NOTE_MAX_LENGTH}
                disabled={update.isPending}
                onChange={(event) => setNotes(event.target.value)}
                className="mt-1 w-full rounded-md border border-border bg-surface px-2 py-1.5 text-sm"
              />
            </div>
            <div className="flex gap-2 pt-5">
              <Button type="submit" size="sm" pending={update.isPending}>
                Save
              </Button>
              <Button
                size="sm"
                variant="secondary"
                disabled={update.isPending}
                onClick={() => setEditing(false)}
              >
                Cancel
              </Button>
            </div>
            {error && (
              <p role="alert" className="w-full text-sm font-medium text-danger">
                {error}
              </p>
            )}
          </form>
        </td>
      ) : (
        <>
          <td className="px-4 py-3">
            <RoleBadge role={entry.role} />
          </td>
          <td className="px-4 py-3">
            <WaitlistStatusBadge status={entry.status} />
            {joined && entry.joinedAt && (
              <p className="mt-1 text-xs text-muted-foreground">
                signed up {formatDate(entry.joinedAt)}
              </p>
            )}
          </td>
          <td className="max-w-xs px-4 py-3 break-words text-muted-foreground">
            {entry.notes ?? <span aria-hidden="true">—</span>}
          </td>
          <td className="px-4 py-3 text-muted-foreground">
            {entry.approvedAt && (
              <time dateTime={entry.approvedAt} className="whitespace-nowrap">
                {formatDate(entry.approvedAt)}
              </time>
            )}
            {entry.approvedBy && <p className="text-xs break-words">by {entry.approvedBy}</p>}
          </td>
        </>
      )}
      <td className="px-4 py-3">
        {!editing && (
          <div className="flex flex-wrap gap-2">
            <Button
              size="sm"
              variant="secondary"
              aria-label={`Edit ${entry.email}`}
              onClick={startEditing}
            >
              Edit
            </Button>
            <Button
              size="sm"
              variant="danger-quiet"
              aria-label={`Remove ${entry.email}`}
              onClick={onRemove}
            >
              Remove
            </Button>
          </div>
        )}
      </td>
    </tr>
  );
}

type AddValues = { email: string; role: WaitlistRole | ''; name: string; notes: string };
const EMPTY_ADD: AddValues = { email: '', role: '', name: '', notes: '' };

function validateAdd(values: AddValues): FieldErrors<AddValues> {
  const errors: FieldErrors<AddValues> = {};
  const email = validateEmail(values.email);
  if (email) errors.email = email.replace('your email address', 'an email address');
  if (!values.role) errors.role = 'Choose the role their account gets.';
  if (values.name.trim().length > WAITLIST_NAME_MAX_LENGTH) {
    errors.name = `Use at most ${WAITLIST_NAME_MAX_LENGTH} characters.`;
  }
  return errors;
}

function AddApprovedUser() {
  const [values, setValues] = useState<AddValues>(EMPTY_ADD);
  const [errors, setErrors] = useState<FieldErrors<AddValues>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const add = useAddApprovedUser();
  const toast = useToast();
  const emailRef = useRef<HTMLInputElement>(null);

  function set(field: keyof AddValues, value: string) {
    const next = { ...values, [field]: value };
    setValues(next);
    if (errors[field]) setErrors((current) => ({ ...current, [field]: validateAdd(next)[field] }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateAdd(values);
    setErrors(found);
    setFormError(null);
    if (Object.values(found).some(Boolean) || !values.role) {
      if (found.email) emailRef.current?.focus();
      return;
    }
    add.mutate(
      { email: values.email, role: values.role, name: values.name, notes: values.notes },
      {
        onSuccess: (entry) => {
          setValues(EMPTY_ADD);
          toast({
            tone: 'success',
            title: `${entry.email} is approved as ${ROLE_LABELS[entry.role].toLowerCase()}`,
            description: entry.invitedAt ? 'An invitation to sign up is on its way.' : undefined,
          });
        },
        onError: (error) => {
          if (error instanceof ApiRequestError && error.status === 409) {
            setErrors((current) => ({ ...current, email: error.message }));
            emailRef.current?.focus();
          } else {
            setFormError(describeError(error));
          }
        },
      },
    );
  }

  return (
    <section aria-labelledby="add-approved-title" className={cardClass}>
      <h2 id="add-approved-title" className="font-display text-2xl font-semibold">
        Add an approved user
      </h2>
      <p className="mt-1 text-sm leading-relaxed text-muted-foreground">
        Pre-approve an email, whether or not it joined the waitlist. An invitation to sign up is
        sent at once.
      </p>
      <form
        noValidate
        onSubmit={submit}
        aria-label="Add an approved user"
        className="mt-5 space-y-4"
      >
        {formError && (
          <Alert tone="danger" title="The user was not added">
            <p>{formError}</p>
          </Alert>
        )}
        <TextField
          label="Email"
          type="email"
          inputMode="email"
          autoComplete="off"
          required
          value={values.email}
          onChange={(event) => set('email', event.target.value)}
          error={errors.email}
          inputRef={emailRef}
        />
        <SelectField
          label="Role"
          required
          value={values.role}
          onChange={(event) => set('role', event.target.value)}
          error={errors.role}
        >
          <option value="" disabled>
            Choose a role
          </option>
          {WAITLIST_ROLES.map((item) => (
            <option key={item} value={item}>
              {ROLE_LABELS[item]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Name (optional)"
          autoComplete="off"
          value={values.name}
          onChange={(event) => set('name', event.target.value)}
          error={errors.name}
        />
        <TextField
          label="Notes (optional)"
          autoComplete="off"
          maxLength={WAITLIST_NOTE_MAX_LENGTH}
          value={values.notes}
          onChange={(event) => set('notes', event.target.value)}
        />
        <Button type="submit" pending={add.isPending} pendingLabel="Adding…">
          Add and invite
        </Button>
      </form>
    </section>
  );
}

type ImportSource = { kind: 'file'; name: string; text: string } | { kind: 'paste' };
type Preview = { report: ImportReport; signature: string };

const MODE_TEXT: Record<ImportMode, { label: string; hint: string }> = {
  'all-or-nothing': {
    label: 'All or nothing',
    hint: 'One row with an error and nothing is imported.',
  },
  'valid-only': { label: 'Valid rows only', hint: 'Rows with errors are skipped.' },
};

/** Rows shown in a report; a long file's report says how many more there are. */
const REPORT_ROWS_SHOWN = 200;

function ImportApprovedUsers() {
  const [source, setSource] = useState<ImportSource>({ kind: 'paste' });
  const [pasted, setPasted] = useState('');
  const [mode, setMode] = useState<ImportMode>('all-or-nothing');
  const [notify, setNotify] = useState(true);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [problem, setProblem] = useState<{ message: string; details: string[] } | null>(null);
  const run = useImportApprovedUsers();
  const toast = useToast();
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);

  const text = source.kind === 'file' ? source.text : pasted;
  const filename = source.kind === 'file' ? source.name : undefined;
  const signature = `${mode}\n${filename ?? ''}\n${text}`;
  const previewIsCurrent = preview !== null && preview.signature === signature;

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setResult(null);
    setProblem(null);
    if (!file) return;
    setSource({ kind: 'file', name: file.name, text: await file.text() });
  }

  function clearFile() {
    setSource({ kind: 'paste' });
    if (fileRef.current) fileRef.current.value = '';
  }

  function send(dryRun: boolean) {
    setProblem(null);
    setResult(null);
    const parsed = importPayloadOf(text, filename);
    if ('error' in parsed) {
      setPreview(null);
      setProblem({ message: parsed.error, details: [] });
      return;
    }
    run.mutate(
      { payload: parsed.payload, mode, dryRun, notify },
      {
        onSuccess: (report) => {
          if (dryRun) {
            setPreview({ report, signature });
            return;
          }
          setResult(report);
          if (report.applied) {
            toast({ tone: 'success', title: 'Import done', description: summarizeImport(report) });
          }
        },
        onError: (error) => {
          setPreview(null);
          setProblem({ message: describeError(error), details: issuesOf(error) });
        },
      },
    );
  }

  const invalidRows = preview?.report.rows.filter((row) => row.outcome === 'invalid').length ?? 0;
  const shownReport = result ?? (previewIsCurrent ? preview.report : null);

  return (
    <section aria-labelledby="import-title" className={cardClass}>
      <h2 id="import-title" className="font-display text-2xl font-semibold">
        Import
      </h2>
      <p className="mt-1 text-sm leading-relaxed text-muted-foreground">
        A CSV with the header <code className="font-mono text-foreground">email,role</code> (and
        optionally <code className="font-mono text-foreground">notes,name</code>), or JSON{' '}
        <code className="font-mono text-foreground">{'{ "users": [...] }'}</code>. Check it first:
        the preview lists every row and its errors.
      </p>
      <div className="mt-5 space-y-4">
        <div>
          <label htmlFor={fileId} className="block text-sm font-medium text-foreground">
            Choose a CSV or JSON file
          </label>
          <input
            id={fileId}
            ref={fileRef}
            type="file"
            accept=".csv,.json,text/csv,application/json"
            onChange={(event) => void chooseFile(event)}
            className="mt-1.5 block w-full text-sm text-muted-foreground file:mr-3 file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-foreground hover:file:bg-surface-muted"
          />
          {source.kind === 'file' && (
            <p className="mt-1.5 text-sm text-muted-foreground">
              Using <span className="font-medium text-foreground">{source.name}</span>.{' '}
              <button type="button" onClick={clearFile} className={linkClass}>
                Paste CSV instead
              </button>
            </p>
          )}
        </div>
        {source.kind === 'paste' && (
          <TextAreaField
            label="…or paste CSV"
            rows={5}
            value={pasted}
            spellCheck={false}
            placeholder={'email,role,notes\nada@example.com,coach,Met at the summit'}
            onChange={(event) => setPasted(event.target.value)}
            className="[&_textarea]:font-mono [&_textarea]:text-sm"
          />
        )}
        <fieldset>
          <legend className="text-sm font-medium text-foreground">Mode</legend>
          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
            {(Object.keys(MODE_TEXT) as ImportMode[]).map((item) => (
              <label key={item} className="flex items-start gap-2 text-sm">
                <input
                  type="radio"
                  name="import-mode"
                  value={item}
                  checked={mode === item}
                  onChange={() => setMode(item)}
                  className="mt-0.5 size-4 accent-primary"
                />
                <span>
                  <span className="font-medium text-foreground">{MODE_TEXT[item].label}</span>
                  <span className="block text-muted-foreground">{MODE_TEXT[item].hint}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={notify}
            onChange={(event) => setNotify(event.target.checked)}
            className="size-4 accent-primary"
          />
          Send sign-up invitations to newly approved emails
        </label>
        <div className="flex flex-wrap gap-3">
          <Button
            variant={previewIsCurrent ? 'secondary' : 'primary'}
            disabled={text.trim() === '' || run.isPending}
            pending={run.isPending && run.variables?.dryRun === true}
            pendingLabel="Checking…"
            onClick={() => send(true)}
          >
            Check (dry run)
          </Button>
          <Button
            variant={previewIsCurrent ? 'primary' : 'secondary'}
            disabled={!previewIsCurrent || run.isPending}
            pending={run.isPending && run.variables?.dryRun === false}
            pendingLabel="Importing…"
            onClick={() => send(false)}
          >
            Import
          </Button>
        </div>
        {!previewIsCurrent && text.trim() !== '' && !result && (
          <p className="text-sm text-muted-foreground">Check the file first; then import it.</p>
        )}
        {previewIsCurrent && !result && invalidRows > 0 && mode === 'all-or-nothing' && (
          <Alert tone="warning" title="Nothing would be imported" live={false}>
            <p>
              {invalidRows} {invalidRows === 1 ? 'row has' : 'rows have'} errors, and all or nothing
              imports no row while one has an error. Fix the file, or choose valid rows only.
            </p>
          </Alert>
        )}
        {problem && (
          <Alert tone="danger" title="The file could not be checked">
            <p>{problem.message}</p>
            {problem.details.length > 0 && (
              <ul className="mt-2 list-disc pl-5">
                {problem.details.map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            )}
          </Alert>
        )}
        {result && (
          <Alert
            tone={result.applied ? 'success' : 'warning'}
            title={result.applied ? 'Imported' : 'Nothing was imported'}
          >
            <p>{summarizeImport(result)}</p>
          </Alert>
        )}
        {shownReport && (
          <ImportReportTable report={shownReport} title={result ? 'Import report' : 'Preview'} />
        )}
      </div>
    </section>
  );
}

function ImportReportTable({ report, title }: { report: ImportReport; title: string }) {
  const rows = report.rows.slice(0, REPORT_ROWS_SHOWN);
  return (
    <section aria-labelledby="import-report-title">
      <h3 id="import-report-title" className="font-medium text-foreground">
        {title}
      </h3>
      <p className="text-sm text-muted-foreground">{summarizeImport(report)}</p>
      {rows.length > 0 && (
        <div className="mt-3 max-h-96 overflow-auto rounded-xl border border-border">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              {report.applied ? 'What the import did with each row' : 'Each row and its errors'}
            </caption>
            <thead className="sticky top-0 border-b border-border bg-surface-muted text-muted-foreground">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Row
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Email
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Result
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.row} className="border-b border-border align-top last:border-b-0">
                  <td className="px-3 py-2 font-mono text-muted-foreground">{row.row}</td>
                  <td className="px-3 py-2 break-words">{row.email ?? '—'}</td>
                  <td className="px-3 py-2">
                    {row.outcome === 'invalid' ? (
                      <>
                        <span className="font-medium text-danger">Error</span>
                        <ul className="mt-0.5 text-danger">
                          {row.errors.map((error) => (
                            <li key={error}>{error}</li>
                          ))}
                        </ul>
                      </>
                    ) : report.applied ? (
                      IMPORT_OUTCOME_LABELS[row.outcome]
                    ) : (
                      <span className="text-success">
                        Valid: {IMPORT_OUTCOME_LABELS[row.outcome].toLowerCase()}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.rows.length > rows.length && (
        <p className="mt-2 text-sm text-muted-foreground">
          And {report.rows.length - rows.length} more rows.
        </p>
      )}
    </section>
  );
}

type PendingRestore = { backup: RegistryBackup; filename: string };

function RestoreRegistry() {
  const [pending, setPending] = useState<PendingRestore | null>(null);
  const [problem, setProblem] = useState<{ message: string; details: string[] } | null>(null);
  const [restored, setRestored] = useState<{ restored: number; replaced: number } | null>(null);
  const restore = useRestoreRegistry();
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);

  function reset() {
    setPending(null);
    if (fileRef.current) fileRef.current.value = '';
  }

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setProblem(null);
    setRestored(null);
    if (!file) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (error) {
      setProblem({
        message: `${file.name} is not a backup: its JSON could not be read (${(error as Error).message}).`,
        details: [],
      });
      reset();
      return;
    }
    // The server validates the whole document; here only enough to say what is about to happen.
    setPending({ backup: parsed as RegistryBackup, filename: file.name });
  }

  function confirm() {
    if (!pending) return;
    restore.mutate(pending.backup, {
      onSuccess: (report) => {
        setRestored(report);
        reset();
      },
      onError: (error) => {
        setProblem({ message: describeError(error), details: issuesOf(error) });
        reset();
      },
    });
  }

  const entries = Array.isArray(pending?.backup.entries) ? pending.backup.entries.length : null;
  const exportedAt =
    typeof pending?.backup.exportedAt === 'string' ? pending.backup.exportedAt : null;

  return (
    <section aria-labelledby="restore-title" className={`${cardClass} border-danger/30`}>
      <h2 id="restore-title" className="font-display text-2xl font-semibold">
        Restore from a backup
      </h2>
      <p className="mt-1 max-w-3xl text-sm leading-relaxed text-muted-foreground">
        Replaces the whole registry (the waitlist and every approval) with a backup downloaded here.
        The file is checked in full first: if anything in it is wrong, nothing changes. Download a
        backup of the current registry before you restore.
      </p>
      <div className="mt-4 max-w-xl">
        <label htmlFor={fileId} className="block text-sm font-medium text-foreground">
          Choose a backup file (.json)
        </label>
        <input
          id={fileId}
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          disabled={restore.isPending}
          onChange={(event) => void chooseFile(event)}
          className="mt-1.5 block w-full text-sm text-muted-foreground file:mr-3 file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-foreground hover:file:bg-surface-muted"
        />
      </div>
      {problem && (
        <Alert tone="danger" title="Nothing was restored" className="mt-4">
          <p>{problem.message}</p>
          {problem.details.length > 0 && (
            <ul className="mt-2 list-disc pl-5">
              {problem.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {restored && (
        <Alert tone="success" title="The registry is restored" className="mt-4">
          <p>
            {restored.restored} {restored.restored === 1 ? 'entry' : 'entries'} restored;{' '}
            {restored.replaced} {restored.replaced === 1 ? 'entry' : 'entries'} replaced.
          </p>
        </Alert>
      )}
      <ConfirmDialog
        open={pending !== null}
        title="Replace the registry?"
        confirmLabel="Restore"
        confirmVariant="danger"
        pending={restore.isPending}
        onCancel={reset}
        onConfirm={confirm}
      >
        <p>
          Every entry of the registry now is replaced by the {entries === null ? '' : `${entries} `}
          {entries === 1 ? 'entry' : 'entries'} of{' '}
          <strong className="break-all text-foreground">{pending?.filename}</strong>
          {exportedAt && Number.isFinite(Date.parse(exportedAt))
            ? `, backed up on ${new Date(exportedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}`
            : ''}
          . This cannot be undone.
        </p>
      </ConfirmDialog>
    </section>
  );
}
