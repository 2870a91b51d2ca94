import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, buttonClasses } from '../components/button.tsx';
import { linkClass } from '../components/link-classes.ts';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { RoleBadge } from '../components/role-badge.tsx';
import { useCurrentUser } from '../hooks/use-session.ts';
import {
  hasOnboarding,
  isOnboardingDone,
  markOnboardingDone,
  markOnboardingOffered,
  ONBOARDING_GUIDES,
  type OnboardingStep,
} from '../lib/onboarding.ts';
import { firstNameOf } from '../lib/roles.ts';

/**
 * The welcome guide of a new coach or client (behind a RoleGuard for those two roles). Steps that
 * need organizations and profiles are shown as coming soon, with no form; "Done" remembers it in
 * this browser and opens the person's area.
 */
export function OnboardingPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const userId = user?.id;
  // Seen in this tab: the account page does not send them here again.
  useEffect(() => {
    if (userId) markOnboardingOffered(userId);
  }, [userId]);
  if (!user || !hasOnboarding(user.role)) return null;
  const guide = ONBOARDING_GUIDES[user.role];
  const alreadyDone = isOnboardingDone(user.id);

  function finish() {
    if (!userId) return;
    markOnboardingDone(userId);
    void navigate(guide.done.to);
  }

  return (
    <PageContainer>
      <PageHeader
        title={guide.title}
        description={
          <>
            Welcome, {firstNameOf(user)}. Your role:{' '}
            <RoleBadge role={user.role} className="align-middle" />
          </>
        }
      />
      <p className="mb-5 max-w-3xl text-sm leading-relaxed text-muted-foreground">{guide.lead}</p>
      <div className="grid gap-5 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="guide-steps-title">
          <h2 id="guide-steps-title" className="sr-only">
            Your steps
          </h2>
          <ol className="space-y-3">
            {guide.steps.map((step, index) => (
              <GuideStep key={step.title} step={step} number={index + 1} />
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
            The steps marked “coming soon” appear here as they arrive. You can open this guide again
            from your area’s home page.
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
    </PageContainer>
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
