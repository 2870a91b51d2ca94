import { useId, useState } from 'react';
import { SectionError } from '../../components/page-state.tsx';
import { SettingSwitch } from '../../components/setting-switch.tsx';
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

  const on = settings.data?.auto_send_context ?? false;

  function toggle() {
    if (!settings.data) return;
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
        <SettingSwitch
          className="mt-4"
          on={on}
          label={SHARE_CONTEXT_LABEL}
          hint={shareContextHint(on)}
          saving={update.isPending}
          saved={update.isSuccess}
          onToggle={toggle}
          problem={problem}
          onDismissProblem={() => setProblem(null)}
        />
      )}
    </section>
  );
}
