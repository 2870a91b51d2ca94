import { type ChangeEvent, useId, useRef, useState } from 'react';
import type { RegistryBackup } from '../../../contract/waitlist.ts';
import { Alert } from '../../components/alert.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { useRestoreRegistry } from '../../hooks/use-waitlist.ts';
import { ApiRequestError } from '../../lib/api-client.ts';
import { plainApiError, plainIssue } from '../../lib/plain-errors.ts';

type PendingRestore = { backup: RegistryBackup; filename: string };
type Problem = { message: string; details: string[] };

/** Why a restore was refused, in plain words: a document that is not a backup says so. */
function restoreProblem(error: Error, filename: string): Problem {
  if (error instanceof ApiRequestError && error.status === 400 && error.issues.length > 0) {
    const notABackup = error.issues.some((issue) => /^body\.(format|version)$/.test(issue.path));
    return {
      message: notABackup
        ? `${filename} is not a registry backup made by Arete.`
        : `${filename} is a backup, but part of it cannot be restored.`,
      details: error.issues.slice(0, 5).map(plainIssue),
    };
  }
  return { message: plainApiError(error), details: [] };
}

/** Replaces the whole registry with a backup downloaded here, after asking. */
export function RestoreRegistry() {
  const [pending, setPending] = useState<PendingRestore | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
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
    } catch {
      setProblem({
        message: `${file.name} is not a backup: it is not a JSON document.`,
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
    const { filename } = pending;
    restore.mutate(pending.backup, {
      onSuccess: (report) => {
        setRestored(report);
        reset();
      },
      onError: (error) => {
        setProblem(restoreProblem(error, filename));
        reset();
      },
    });
  }

  const entries = Array.isArray(pending?.backup.entries) ? pending.backup.entries.length : null;
  const exportedAt =
    typeof pending?.backup.exportedAt === 'string' ? pending.backup.exportedAt : null;

  return (
    <section
      aria-labelledby="restore-title"
      className="rounded-xl border border-danger/30 bg-surface p-5"
    >
      <h2 id="restore-title" className="text-base font-semibold text-foreground">
        Restore from a backup
      </h2>
      <p className="mt-1 max-w-3xl text-sm text-muted-foreground">
        Replaces the whole registry (the waitlist and every approval) with a backup downloaded here
        (Export, then Download backup). The file is checked in full first: if anything in it is
        wrong, nothing changes.
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
