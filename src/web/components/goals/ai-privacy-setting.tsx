import { useId, useState } from 'react';
import type { AiPrivacyLevel } from '../../../contract/goal-suggestions.ts';
import { useAiPrivacy, useSetAiPrivacy } from '../../hooks/use-relationship-goal-settings.ts';
import { AI_PRIVACY_OPTIONS, aiPrivacySummary } from '../../lib/ai-privacy.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { ActionError, SectionError } from '../page-state.tsx';

/**
 * One side's AI privacy level for a relationship (issue 10), as three choices saved when picked,
 * and what applies: the lower of the two sides' levels.
 */
export function AiPrivacySetting({
  relationshipId,
  side,
  otherName,
}: {
  relationshipId: string;
  side: 'coach' | 'client';
  otherName: string;
}) {
  const privacy = useAiPrivacy(relationshipId);
  const save = useSetAiPrivacy(relationshipId);
  const [problem, setProblem] = useState<string | null>(null);
  const name = useId();

  if (privacy.isPending)
    return <div aria-hidden="true" className="h-32 animate-pulse rounded-lg bg-surface-muted" />;
  if (privacy.isError)
    return (
      <SectionError onRetry={() => void privacy.refetch()}>
        The AI setting could not be loaded. {plainApiError(privacy.error)}
      </SectionError>
    );

  const mine = save.isPending && save.variables ? save.variables : privacy.data[side];
  const choose = (level: AiPrivacyLevel) => {
    if (save.isPending || level === privacy.data[side]) return;
    setProblem(null);
    save.mutate(level, {
      onError: (error) => setProblem(`Your choice was not saved. ${plainApiError(error)}`),
    });
  };

  return (
    <div className="space-y-3">
      <fieldset className="space-y-2" aria-describedby={`${name}-summary`}>
        <legend className="text-sm font-medium text-foreground">
          Goal suggestions from {side === 'coach' ? `${otherName}’s` : 'your'} answers and documents
        </legend>
        {AI_PRIVACY_OPTIONS.map((option) => (
          <label
            key={option.level}
            className="flex cursor-pointer items-start gap-3 rounded-md border border-border px-3 py-2 text-sm has-checked:border-primary has-checked:bg-primary-soft"
          >
            <input
              type="radio"
              name={name}
              value={option.level}
              checked={mine === option.level}
              onChange={() => choose(option.level)}
              className="mt-0.5 size-4 shrink-0 accent-primary"
            />
            <span className="min-w-0">
              <span className="block font-medium text-foreground">{option.label}</span>
              <span className="block text-muted-foreground">{option.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p id={`${name}-summary`} role="status" className="text-sm text-muted-foreground">
        {save.isPending ? 'Saving…' : aiPrivacySummary(privacy.data, side, otherName)}
      </p>
      {problem && <ActionError message={problem} onDismiss={() => setProblem(null)} />}
    </div>
  );
}
