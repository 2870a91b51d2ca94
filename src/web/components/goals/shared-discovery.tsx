import { useSharedDiscovery } from '../../hooks/use-relationship-goal-settings.ts';
import { DISCOVERY_STEPS } from '../../lib/goal-discovery.ts';
import { GOAL_AREA_LABELS } from '../../lib/goals.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { SectionError } from '../page-state.tsx';

/**
 * The client's discovery questionnaire as their coach reads it, when the client shares it; a
 * sentence saying it is not shared otherwise (the API answers null then).
 */
export function SharedDiscovery({
  relationshipId,
  clientName,
}: {
  relationshipId: string;
  clientName: string;
}) {
  const discovery = useSharedDiscovery(relationshipId);
  if (discovery.isPending)
    return <div aria-hidden="true" className="h-24 animate-pulse rounded-lg bg-surface-muted" />;
  if (discovery.isError)
    return (
      <SectionError onRetry={() => void discovery.refetch()}>
        The questionnaire could not be loaded. {plainApiError(discovery.error)}
      </SectionError>
    );

  if (discovery.data === null)
    return (
      <p className="text-sm text-muted-foreground">
        {clientName} does not share their questionnaire with you, or has not started it.
      </p>
    );
  const { answers, completedAt } = discovery.data;
  return (
    <div className="space-y-3">
      <p className="text-sm text-muted-foreground">
        {completedAt ? 'Finished.' : 'Not finished yet: these are the answers so far.'}
      </p>
      <dl className="space-y-3 text-sm">
        {DISCOVERY_STEPS.map((step) => {
          const answer =
            step.kind === 'areas'
              ? (answers.areas ?? []).map((area) => GOAL_AREA_LABELS[area]).join(', ')
              : answers[step.key];
          return (
            <div key={step.key}>
              <dt className="font-medium text-foreground">{step.question}</dt>
              <dd className="break-words whitespace-pre-line text-muted-foreground">
                {answer || 'Not answered.'}
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
