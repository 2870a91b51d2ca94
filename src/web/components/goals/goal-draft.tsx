import { Flag, Target } from 'lucide-react';
import { formatValue } from '../../lib/goals.ts';

type DraftStep = { title: string; startValue: number; targetValue: number; unit?: string | null };

/**
 * What a goal not yet accepted (a suggestion, a coach's proposal) would be: its description, its
 * key results from where to where, and its milestones. Compact: it sits in a card.
 */
export function GoalDraft({
  description,
  keyResults,
  milestones,
}: {
  description: string | null;
  keyResults: readonly DraftStep[];
  milestones: readonly string[];
}) {
  return (
    <div className="space-y-3 text-sm">
      {description && (
        <p className="break-words whitespace-pre-line text-muted-foreground">{description}</p>
      )}
      {keyResults.length > 0 && (
        <ul aria-label="Key results" className="space-y-1">
          {keyResults.map((keyResult) => (
            <li key={keyResult.title} className="flex items-start gap-2">
              <Target aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-primary" />
              <span className="min-w-0 break-words">
                {keyResult.title}:{' '}
                <span className="text-muted-foreground">
                  from {formatValue(keyResult.startValue, keyResult.unit)} to{' '}
                  {formatValue(keyResult.targetValue, keyResult.unit)}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {milestones.length > 0 && (
        <ul aria-label="Milestones" className="space-y-1">
          {milestones.map((milestone) => (
            <li key={milestone} className="flex items-start gap-2">
              <Flag aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
              <span className="min-w-0 break-words">{milestone}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
