import { useId, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { DismissButton, SectionError } from '../../components/page-state.tsx';
import { useSessionSettings, useUpdateSessionSettings } from '../../hooks/use-relationships.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import {
  SHARE_CONTEXT_LABEL,
  settingRolledBack,
  shareContextHint,
} from '../../lib/session-settings.ts';

/**
 * Seed 001's session setting as a switch. It moves at once (optimistic); when the server refuses,
 * it moves back and says so here, next to it, until dismissed.
 */
export function SessionSettings() {
  const settings = useSessionSettings();
  const update = useUpdateSessionSettings();
  const [problem, setProblem] = useState<string | null>(null);
  const labelId = useId();
  const hintId = useId();

  const on = settings.data?.auto_send_context ?? false;

  function toggle() {
    // One change at a time: a second click while one is saving would race its rollback.
    if (update.isPending || !settings.data) return;
    setProblem(null);
    const before = settings.data.auto_send_context;
    update.mutate(
      { auto_send_context: !before },
      { onError: (error) => setProblem(settingRolledBack(before, error)) },
    );
  }

  return (
    <section
      aria-labelledby={`${labelId}-title`}
      className="rounded-xl border border-border bg-surface p-5 shadow-card"
    >
      <h2 id={`${labelId}-title`} className="text-sm font-medium text-foreground">
        Session settings
      </h2>
      {settings.isPending ? (
        <div aria-hidden="true" className="mt-4 flex items-center gap-3">
          <span className="h-6 w-11 animate-pulse rounded-full bg-surface-muted" />
          <span className="h-4 w-64 max-w-full animate-pulse rounded bg-surface-muted" />
        </div>
      ) : settings.isError ? (
        <SectionError onRetry={() => void settings.refetch()}>
          Your session settings could not be loaded. {plainApiError(settings.error)}
        </SectionError>
      ) : (
        <div className="mt-4 flex items-start gap-3">
          <button
            type="button"
            role="switch"
            aria-checked={on}
            aria-labelledby={labelId}
            aria-describedby={hintId}
            aria-disabled={update.isPending || undefined}
            onClick={toggle}
            className={`relative mt-0.5 inline-flex h-6 w-11 shrink-0 items-center rounded-full border transition-colors ${
              on ? 'border-primary bg-primary' : 'border-border bg-surface-muted'
            }`}
          >
            <span
              aria-hidden="true"
              className={`inline-block size-4 rounded-full bg-surface shadow-card transition-transform ${
                on ? 'translate-x-6' : 'translate-x-1'
              }`}
            />
          </button>
          <div className="min-w-0">
            <p id={labelId} className="text-sm font-medium text-foreground">
              {SHARE_CONTEXT_LABEL}
            </p>
            <p id={hintId} className="mt-0.5 text-sm text-muted-foreground">
              {shareContextHint(on)}
            </p>
            <p role="status" className="mt-0.5 text-xs text-muted-foreground">
              {update.isPending ? 'Saving…' : update.isSuccess ? 'Saved.' : ''}
            </p>
          </div>
        </div>
      )}
      {problem && (
        <Alert tone="danger" title="Not saved" className="mt-4">
          <p>{problem}</p>
          <DismissButton onClick={() => setProblem(null)} />
        </Alert>
      )}
    </section>
  );
}
