import { ArrowLeft, ArrowRight } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../components/alert.tsx';
import { buttonClasses } from '../components/button.tsx';
import { DetailLoading } from '../components/detail-states.tsx';
import { quietLinkClass } from '../components/link-classes.ts';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ErrorState } from '../components/page-state.tsx';
import { useDiscovery } from '../hooks/use-goal-suggestions.ts';
import { Questionnaire } from './goal-discovery/questionnaire.tsx';
import { SuggestionQueue } from './goals/suggestion-queue.tsx';

const backLink = (
  <Link to="/goals" className={buttonClasses('secondary', 'sm')}>
    <ArrowLeft aria-hidden="true" className="size-4" />
    All goals
  </Link>
);

/**
 * The discovery questionnaire (values, areas, strengths, challenges, one year from now, what
 * would make coaching worth it), saved as the client goes and resumed where they left it; once
 * finished, the goals suggested from it appear below as they are made.
 */
export function GoalDiscoveryPage() {
  const discovery = useDiscovery();
  const [finished, setFinished] = useState(false);

  if (discovery.isError)
    return (
      <ErrorState
        title="The questionnaire could not be loaded"
        error={discovery.error}
        onRetry={() => void discovery.refetch()}
      />
    );
  if (!discovery.data)
    return (
      <DetailLoading label="Loading your answers…">
        <div
          aria-hidden="true"
          className="h-80 max-w-2xl animate-pulse rounded-xl bg-surface-muted"
        />
      </DetailLoading>
    );

  return (
    <PageContainer>
      <PageHeader
        title="Discover your goals"
        documentTitle="Discover your goals · Goals"
        description="Six questions. Your answers are saved as you go; come back to them any time."
        actions={backLink}
      />
      <div className="space-y-8 pb-16">
        {finished ? (
          <Alert tone="success" title="Thank you: your answers are in">
            <p>
              Goals suggested from them appear below; accept, edit or dismiss each.{' '}
              <button type="button" onClick={() => setFinished(false)} className={quietLinkClass}>
                Change your answers
              </button>
            </p>
          </Alert>
        ) : (
          <Questionnaire discovery={discovery.data} onFinished={() => setFinished(true)} />
        )}
        <SuggestionQueue compact />
        {finished && (
          <Link to="/goals" className={`inline-flex items-center gap-1 text-sm ${quietLinkClass}`}>
            Go to your goals
            <ArrowRight aria-hidden="true" className="size-4" />
          </Link>
        )}
      </div>
    </PageContainer>
  );
}
