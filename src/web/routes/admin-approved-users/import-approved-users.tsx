import { type ChangeEvent, useId, useRef, useState } from 'react';
import type { ImportReport } from '../../../contract/waitlist.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { TextAreaField } from '../../components/form-field.tsx';
import { linkClass } from '../../components/link-classes.ts';
import { type ImportMode, useImportApprovedUsers } from '../../hooks/use-waitlist.ts';
import { ApiRequestError } from '../../lib/api-client.ts';
import { plainApiError, plainIssue } from '../../lib/plain-errors.ts';
import {
  importPayloadOf,
  importRowCounts,
  summarizeImport,
  summarizePreview,
} from '../../lib/waitlist.ts';
import { ImportReportTable } from './import-report-table.tsx';

type ImportSource = { kind: 'file'; name: string; text: string } | { kind: 'paste' };
type Preview = { report: ImportReport; signature: string };
type Problem = { message: string; details: string[] };

const MODE_TEXT: Record<ImportMode, { label: string; hint: string }> = {
  'all-or-nothing': {
    label: 'All or nothing',
    hint: 'One row with an error and nothing is imported.',
  },
  'valid-only': { label: 'Valid rows only', hint: 'Rows with errors are skipped.' },
};

const fileInputClass =
  'mt-1.5 block w-full text-sm text-muted-foreground file:mr-3 file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-foreground hover:file:bg-surface-muted';

/** A refused request's message and, for a validation failure, its first issues in plain words. */
export function problemOf(error: Error): Problem {
  const details =
    error instanceof ApiRequestError && error.status === 400
      ? error.issues.slice(0, 5).map(plainIssue)
      : [];
  return {
    message: details.length > 0 ? 'The file was not accepted.' : plainApiError(error),
    details,
  };
}

/**
 * Many approvals at once from CSV or JSON. The file is checked first (a dry run that lists what
 * each row would do); Import stays off until the check is current, and in all-or-nothing mode
 * while any row has an error, saying why.
 */
export function ImportApprovedUsers() {
  const [source, setSource] = useState<ImportSource>({ kind: 'paste' });
  const [pasted, setPasted] = useState('');
  const [mode, setMode] = useState<ImportMode>('all-or-nothing');
  const [notify, setNotify] = useState(true);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const run = useImportApprovedUsers();
  const fileId = useId();
  const reasonId = useId();
  const fileRef = useRef<HTMLInputElement>(null);

  const text = source.kind === 'file' ? source.text : pasted;
  const filename = source.kind === 'file' ? source.name : undefined;
  const signature = `${mode}\n${filename ?? ''}\n${text}`;
  const current = preview !== null && preview.signature === signature ? preview.report : null;

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
          if (dryRun) setPreview({ report, signature });
          else {
            // Said once, here, with the report: no toast as well.
            setResult(report);
            setPreview(null);
          }
        },
        onError: (error) => {
          setPreview(null);
          setProblem(problemOf(error));
        },
      },
    );
  }

  const counts = current ? importRowCounts(current) : null;
  // Why Import is off, when it is: said next to it, and read with it.
  const blocked =
    text.trim() === ''
      ? 'Choose a file or paste CSV, then check it.'
      : !current
        ? 'Check the file first; then import it.'
        : counts && counts.rows === 0
          ? 'The file has no rows to import.'
          : counts && counts.invalid > 0 && mode === 'all-or-nothing'
            ? `Import is off: ${counts.invalid} ${counts.invalid === 1 ? 'row has' : 'rows have'} errors, and all or nothing imports no row while one has an error. Fix the file and check it again, or choose Valid rows only.`
            : counts && counts.valid === 0
              ? 'Import is off: no row is valid.'
              : null;

  return (
    <section
      aria-labelledby="import-title"
      className="rounded-xl border border-border bg-surface p-5"
    >
      <h2 id="import-title" className="text-base font-semibold text-foreground">
        Import
      </h2>
      <p className="mt-1 max-w-3xl text-sm text-muted-foreground">
        A CSV with the header <code className="font-mono text-foreground">email,role</code> (and
        optionally <code className="font-mono text-foreground">notes,name</code>), or JSON{' '}
        <code className="font-mono text-foreground">{'{ "users": [...] }'}</code>. Check it first:
        the check lists what each row would do.
      </p>
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <div className="space-y-4">
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
              className={fileInputClass}
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
              rows={4}
              value={pasted}
              spellCheck={false}
              placeholder={'email,role,notes\nada@example.com,coach,Met at the summit'}
              onChange={(event) => setPasted(event.target.value)}
              className="[&_textarea]:font-mono [&_textarea]:text-sm"
            />
          )}
        </div>
        <div className="space-y-4">
          <fieldset>
            <legend className="text-sm font-medium text-foreground">Mode</legend>
            <div className="mt-2 space-y-2">
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
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button
          size="sm"
          variant={current ? 'secondary' : 'primary'}
          disabled={text.trim() === '' || run.isPending}
          pending={run.isPending && run.variables?.dryRun === true}
          pendingLabel="Checking…"
          onClick={() => send(true)}
        >
          Check (dry run)
        </Button>
        <Button
          size="sm"
          variant={current ? 'primary' : 'secondary'}
          disabled={blocked !== null || run.isPending}
          aria-describedby={blocked ? reasonId : undefined}
          pending={run.isPending && run.variables?.dryRun === false}
          pendingLabel="Importing…"
          onClick={() => send(false)}
        >
          Import
        </Button>
      </div>
      <div className="mt-3 space-y-4">
        {blocked && !result && (
          <p id={reasonId} className="text-sm text-muted-foreground">
            {blocked}
          </p>
        )}
        {current && counts && counts.invalid > 0 && mode === 'valid-only' && counts.valid > 0 && (
          <p className="text-sm text-muted-foreground">
            {counts.invalid} {counts.invalid === 1 ? 'row has' : 'rows have'} errors and will be
            skipped; the other {counts.valid} can be imported.
          </p>
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
            <p>
              {result.applied
                ? summarizeImport(result)
                : 'A row had an error, and all or nothing imports no row while one has one. Fix the file and check it again.'}
            </p>
          </Alert>
        )}
        {result ? (
          <ImportReportTable report={result} title="Import report" />
        ) : (
          current && (
            <ImportReportTable
              report={current}
              title="Preview"
              summary={summarizePreview(current)}
            />
          )
        )}
      </div>
    </section>
  );
}
