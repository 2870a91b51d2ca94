import { ArrowRight, RefreshCw, Sparkles } from 'lucide-react';
import { useId } from 'react';
import { Link } from 'react-router';
import { Button, Spinner } from '../../components/button.tsx';
import { quietLinkClass } from '../../components/link-classes.ts';
import { SectionError } from '../../components/page-state.tsx';
import { useToast } from '../../components/toast.tsx';
import {
  useDiscovery,
  useGenerateSuggestions,
  usePendingSuggestions,
} from '../../hooks/use-goal-suggestions.ts';
import { answeredCount, DISCOVERY_STEPS } from '../../lib/goal-discovery.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { SuggestionCard } from './suggestion-card.tsx';

/**
 * Goal suggestions waiting for the client's decision, with the way to (re)take the discovery
 * questionnaire they come from. While a run asked for is awaited, it says so and the list is read
 * again until the run changes it. `compact` leaves out the questionnaire's card (on its own page).
 */
export function SuggestionQueue({ compact = false }: { compact?: boolean }) {
  const { list, generating, asked } = usePendingSuggestions();
  const discovery = useDiscovery();
  const generate = useGenerateSuggestions();
  const toast = useToast();
  const titleId = useId();
  const suggestions = list.data?.data ?? [];
  const lastRun = list.data?.lastRun ?? null;
  const finished = discovery.data?.completedAt != null;

  if (list.isError)
    return (
      <section aria-labelledby={titleId}>
        <h2 id={titleId} className="text-base font-semibold text-foreground">
          Suggested for you
        </h2>
        <SectionError onRetry={() => void list.refetch()}>
          The suggestions could not be loaded. {plainApiError(list.error)}
        </SectionError>
      </section>
    );
  if (list.isPending)
    return <div aria-hidden="true" className="h-24 animate-pulse rounded-xl bg-surface-muted" />;
  // Nothing to decide and nothing to invite: the questionnaire's page says the rest.
  if (compact && suggestions.length === 0 && !generating && !asked) return null;

  return (
    <section aria-labelledby={titleId} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={titleId} className="text-base font-semibold text-foreground">
          Suggested for you
        </h2>
        {finished && !generating && (
          <Button
            variant="ghost"
            size="sm"
            pending={generate.isPending}
            onClick={() =>
              generate.mutate(undefined, {
                onError: (error) =>
                  toast({
                    tone: 'error',
                    title: 'New suggestions were not asked for',
                    description: plainApiError(error),
                  }),
              })
            }
          >
            <RefreshCw aria-hidden="true" className="size-4" />
            Suggest again
          </Button>
        )}
      </div>
      <p role="status" className="text-sm text-muted-foreground">
        {generating ? (
          <span className="inline-flex items-center gap-2">
            <Spinner className="size-4 text-primary" />
            Looking for goals in your answers and documents…
          </span>
        ) : suggestions.length > 0 ? (
          `${suggestions.length} suggestion${suggestions.length === 1 ? '' : 's'} from your answers. None becomes a goal until you accept it.`
        ) : asked && lastRun && lastRun.status !== 'succeeded' && lastRun.reason ? (
          `No suggestions were made. ${lastRun.reason}`
        ) : asked ? (
          'No new suggestions came from your answers. Say more in the questionnaire, or share your CV in Documents, and ask again.'
        ) : (
          ''
        )}
      </p>
      {suggestions.length > 0 && (
        <ul className="grid gap-4 lg:grid-cols-2">
          {suggestions.map((suggestion) => (
            <li key={suggestion.id} className="min-w-0">
              <SuggestionCard suggestion={suggestion} />
            </li>
          ))}
        </ul>
      )}
      {!compact && suggestions.length === 0 && !generating && (
        <DiscoveryPrompt
          answered={discovery.data ? answeredCount(discovery.data.answers) : 0}
          finished={finished}
        />
      )}
    </section>
  );
}

/** The way into the questionnaire: to start it, to go on with it, or to change the answers. */
function DiscoveryPrompt({ answered, finished }: { answered: number; finished: boolean }) {
  const total = DISCOVERY_STEPS.length;
  const label = finished
    ? 'Change your answers'
    : answered > 0
      ? `Continue the questionnaire (${answered} of ${total} answered)`
      : 'Start the questionnaire';
  return (
    <div className="flex flex-wrap items-center gap-4 rounded-xl border border-dashed border-border px-5 py-4">
      <Sparkles aria-hidden="true" className="size-5 shrink-0 text-primary" />
      <p className="min-w-0 flex-1 basis-64 text-sm text-muted-foreground">
        Six questions about what matters to you and where you want to be in a year. Your answers are
        saved as you go, and Arete suggests goals from them for you to accept, edit or dismiss.
      </p>
      <Link
        to="/goals/discovery"
        className={`inline-flex items-center gap-1 text-sm ${quietLinkClass}`}
      >
        {label}
        <ArrowRight aria-hidden="true" className="size-4" />
      </Link>
    </div>
  );
}
