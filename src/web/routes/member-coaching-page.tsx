import { Search } from 'lucide-react';
import { Link } from 'react-router';
import { buttonClasses } from '../components/button.tsx';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ActionError, ErrorState } from '../components/page-state.tsx';
import { useRelationshipActions } from '../components/relationships/relationship-actions.tsx';
import { useMemberRelationships } from '../hooks/use-relationships.ts';
import { splitMemberRelationships } from '../lib/relationships.ts';
import { CoachCard } from './member-coaching/coach-card.tsx';
import { CoachInvitations } from './member-coaching/invitations.tsx';
import { SessionSettings } from './member-coaching/session-settings.tsx';
import { UnconnectedState } from './member-coaching/unconnected-state.tsx';

/**
 * Seed 001's member coaching page, one address for two states: without a coach, how to get one
 * (the interest form, the directory); with one, a card per coach and the session settings.
 * Invitations from coaches come first in both, since they wait for an answer.
 */
export function MemberCoachingPage() {
  const relationships = useMemberRelationships();
  const actions = useRelationshipActions();

  // A failed first read replaces the page; a failed re-read keeps what was shown.
  if (relationships.error && !relationships.data) {
    return (
      <ErrorState
        title="Your coaching could not be loaded"
        error={relationships.error}
        onRetry={() => void relationships.refetch()}
      />
    );
  }

  const split = relationships.data ? splitMemberRelationships(relationships.data.data) : null;
  return (
    <PageContainer>
      <PageHeader
        title="Coaching"
        description="Your coach, and how you work together."
        actions={
          <Link to="/coaches" className={buttonClasses('secondary', 'sm')}>
            <Search aria-hidden="true" className="size-4" />
            Find a coach
          </Link>
        }
      />
      <div className="space-y-8 pb-16">
        {actions.error && <ActionError message={actions.error} onDismiss={actions.dismissError} />}
        {!split ? (
          <>
            <p role="status" className="sr-only">
              Loading your coaching…
            </p>
            <div aria-hidden="true" className="grid gap-5 md:grid-cols-2">
              <div className="h-56 animate-pulse rounded-xl bg-surface-muted" />
              <div className="h-56 animate-pulse rounded-xl bg-surface-muted" />
            </div>
          </>
        ) : (
          <>
            {split.invitations.length > 0 && (
              <CoachInvitations invitations={split.invitations} actions={actions} />
            )}
            {split.coaches.length > 0 ? (
              <>
                <section aria-labelledby="coaches-title" className="space-y-3">
                  <h2 id="coaches-title" className="text-base font-semibold text-foreground">
                    {split.coaches.length === 1 ? 'Your coach' : 'Your coaches'}
                  </h2>
                  <div className="grid gap-5 md:grid-cols-2">
                    {split.coaches.map((relationship) => (
                      <CoachCard
                        key={relationship.id}
                        relationship={relationship}
                        actions={actions}
                      />
                    ))}
                  </div>
                </section>
                <SessionSettings />
              </>
            ) : (
              <UnconnectedState requests={split.requests} actions={actions} />
            )}
          </>
        )}
      </div>
      {actions.dialog}
    </PageContainer>
  );
}
