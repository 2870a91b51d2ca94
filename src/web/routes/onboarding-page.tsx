import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Me } from '../../contract/users.ts';
import { Button, buttonClasses } from '../components/button.tsx';
import { linkClass } from '../components/link-classes.ts';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ErrorState, LoadingState } from '../components/page-state.tsx';
import { RoleBadge } from '../components/role-badge.tsx';
import { useMyOrganizations, useReceivedInvitations } from '../hooks/use-organizations.ts';
import { useCurrentUser } from '../hooks/use-session.ts';
import {
  hasOnboarding,
  isOnboardingDone,
  markOnboardingDone,
  markOnboardingOffered,
  ONBOARDING_GUIDES,
  type OnboardingRole,
  type OnboardingStep,
} from '../lib/onboarding.ts';
import { organizationPath } from '../lib/organizations.ts';
import { firstNameOf } from '../lib/roles.ts';
import { ClientOnboarding } from './onboarding/client-onboarding.tsx';
import { CoachOnboarding } from './onboarding/coach-onboarding.tsx';

const KIND_OF_ROLE = { coach: 'coach_practice', client: 'client_company' } as const;

/**
 * A new coach's or client's first page (behind a RoleGuard for those two roles). Until they belong
 * to an organization of their kind it is onboarding, in a few short steps (coach: practice, offer,
 * philosophy, profile; client: profile, company); afterwards it is their welcome guide.
 */
export function OnboardingPage() {
  const user = useCurrentUser();
  const userId = user?.id;
  // Seen in this tab: the account page does not send them here again.
  useEffect(() => {
    if (userId) markOnboardingOffered(userId);
  }, [userId]);
  if (!user || !hasOnboarding(user.role)) return null;
  return <Onboarding user={user} role={user.role} />;
}

function Onboarding({ user, role }: { user: Me; role: OnboardingRole }) {
  const organizations = useMyOrganizations();
  const invitations = useReceivedInvitations(role === 'client');
  const navigate = useNavigate();
  const guide = ONBOARDING_GUIDES[role];

  function later() {
    markOnboardingDone(user.id);
    void navigate(guide.done.to);
  }

  const header = (
    <PageHeader
      title={guide.title}
      description={
        <>
          Welcome, {firstNameOf(user)}. Your role:{' '}
          <RoleBadge role={role} className="align-middle" />
        </>
      }
    />
  );

  if (organizations.isPending || (role === 'client' && invitations.isPending)) {
    return (
      <PageContainer>
        {header}
        <LoadingState label="Loading your organizations…" />
      </PageContainer>
    );
  }
  const loadError = organizations.error ?? (role === 'client' ? invitations.error : null);
  if (loadError) {
    return (
      <ErrorState
        title="Your organizations could not be loaded"
        error={loadError}
        onRetry={() => {
          void organizations.refetch();
          if (role === 'client') void invitations.refetch();
        }}
      />
    );
  }

  const own = organizations.data?.data.find((tenant) => tenant.kind === KIND_OF_ROLE[role]);
  return (
    <PageContainer>
      {header}
      {own ? (
        <Guide user={user} role={role} organization={own} />
      ) : role === 'coach' ? (
        <CoachOnboarding user={user} onLater={later} />
      ) : (
        <ClientOnboarding
          user={user}
          // A coach's invitation is answered on the coaching page: the client keeps their company.
          invitations={(invitations.data?.data ?? []).filter(
            (invitation) => invitation.organization.kind !== 'coach_practice',
          )}
          onLater={later}
        />
      )}
    </PageContainer>
  );
}

/** Once set up: the steps, the organization's page and the way to the area. */
function Guide({
  user,
  role,
  organization,
}: {
  user: Me;
  role: OnboardingRole;
  organization: { identityOrgId: string | null; name: string };
}) {
  const navigate = useNavigate();
  const guide = ONBOARDING_GUIDES[role];
  const alreadyDone = isOnboardingDone(user.id);
  const orgPath = organization.identityOrgId
    ? organizationPath(organization.identityOrgId)
    : '/organizations';

  function finish() {
    markOnboardingDone(user.id);
    void navigate(guide.done.to);
  }

  return (
    <>
      <p className="mb-5 max-w-3xl text-sm leading-relaxed text-muted-foreground">
        {role === 'coach' ? 'Your practice' : 'Your company'},{' '}
        <Link to={orgPath} className={linkClass}>
          {organization.name}
        </Link>
        , is set up. These are the next steps; the ones marked “coming soon” arrive with the next
        releases.
      </p>
      <div className="grid gap-5 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="guide-steps-title">
          <h2 id="guide-steps-title" className="sr-only">
            Your steps
          </h2>
          <ol className="space-y-3">
            {guide.steps.map((step, index) => (
              <GuideStep
                key={step.title}
                step={step.to === '/organizations' ? { ...step, to: orgPath } : step}
                number={index + 1}
              />
            ))}
          </ol>
        </section>
        <aside
          aria-labelledby="guide-done-title"
          className="flex flex-col gap-4 self-start rounded-xl border border-border bg-surface p-5 shadow-card"
        >
          <h2 id="guide-done-title" className="text-sm font-medium text-foreground">
            {alreadyDone ? 'You have seen this guide' : 'Ready to look around?'}
          </h2>
          <p className="text-sm leading-relaxed text-muted-foreground">
            You can open this guide again from your area’s home page.
          </p>
          {alreadyDone ? (
            <Link to={guide.done.to} className={buttonClasses('primary')}>
              {guide.done.label}
            </Link>
          ) : (
            <Button onClick={finish}>Done: {guide.done.label.toLowerCase()}</Button>
          )}
        </aside>
      </div>
    </>
  );
}

function GuideStep({ step, number }: { step: OnboardingStep; number: number }) {
  const titleId = `guide-step-${number}`;
  const upcoming = step.status === 'upcoming';
  return (
    <li
      aria-labelledby={titleId}
      className={`flex gap-4 rounded-xl border p-4 ${
        upcoming
          ? 'border-dashed border-border bg-surface-muted'
          : 'border-border bg-surface shadow-card'
      }`}
    >
      <span
        aria-hidden="true"
        className={`flex size-8 shrink-0 items-center justify-center rounded-full text-sm font-medium tabular-nums ${
          upcoming ? 'bg-surface text-muted-foreground' : 'bg-primary-soft text-primary'
        }`}
      >
        {number}
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h3 id={titleId} className="font-medium text-foreground">
            {step.title}
          </h3>
          {upcoming ? (
            <span className="rounded-full border border-accent-foreground/30 bg-accent px-2.5 py-0.5 text-xs font-medium text-accent-foreground">
              Coming soon
            </span>
          ) : (
            <span className="rounded-full border border-success/30 bg-success/10 px-2.5 py-0.5 text-xs font-medium text-success">
              Available now
            </span>
          )}
        </div>
        <p className="mt-1 text-sm leading-relaxed text-muted-foreground">{step.text}</p>
        {step.to && !upcoming && (
          <Link to={step.to} className={`mt-3 inline-block text-sm ${linkClass}`}>
            Open<span className="sr-only">: {step.title}</span>
          </Link>
        )}
      </div>
    </li>
  );
}
