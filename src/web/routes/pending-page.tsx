import { Link } from 'react-router';
import { buttonClasses } from '../components/button.tsx';
import { linkClass } from '../components/link-classes.ts';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { RoleBadge } from '../components/role-badge.tsx';
import { useAwaitedRole, useCurrentUser } from '../hooks/use-session.ts';
import { hasOnboarding, isOnboardingDone } from '../lib/onboarding.ts';
import { firstNameOf, ROLE_AREAS } from '../lib/roles.ts';

/**
 * Where a `pending` user is kept: signed in and verified, not yet approved. The user is polled,
 * so the approval shows here on its own, without a reload.
 */
export function PendingPage() {
  const user = useCurrentUser();
  useAwaitedRole(user);
  if (!user) return null;

  if (user.role !== 'pending') {
    // A new coach or client starts with their welcome guide.
    const area =
      hasOnboarding(user.role) && !isOnboardingDone(user.id)
        ? { path: '/onboarding', label: 'Welcome guide' }
        : ROLE_AREAS[user.role];
    return (
      <PageContainer>
        <PageHeader
          title="You are in"
          documentTitle="Approved"
          description={
            <>
              An admin approved your account and your area is ready. Your role now:{' '}
              <RoleBadge role={user.role} className="align-middle" />
            </>
          }
        />
        <Link to={area.path} className={buttonClasses('primary')}>
          Go to your {area.label.toLowerCase()}
        </Link>
      </PageContainer>
    );
  }

  return (
    <PageContainer>
      <PageHeader
        title="Waiting for approval"
        description={`Thank you, ${firstNameOf(user)}. Your email address is verified; an admin now gives your account its role.`}
      />
      <section
        aria-labelledby="next-steps-title"
        className="max-w-2xl rounded-xl border border-border bg-surface p-5 shadow-card"
      >
        <h2 id="next-steps-title" className="text-sm font-medium text-foreground">
          What happens next
        </h2>
        <ul className="mt-3 list-disc space-y-2 pl-5 text-sm leading-relaxed text-muted-foreground">
          <li>
            You can leave this page open: it changes by itself when you are approved, no reload
            needed.
          </li>
          <li>Until then the coach, member and admin areas stay closed to your account.</li>
          <li>
            Your details are on your{' '}
            <Link to="/account" className={linkClass}>
              account page
            </Link>
            .
          </li>
        </ul>
      </section>
    </PageContainer>
  );
}
