import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Me } from '../../contract/users.ts';
import { Alert } from '../components/alert.tsx';
import { Button, buttonClasses } from '../components/button.tsx';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { RoleBadge } from '../components/role-badge.tsx';
import { useAwaitedRole, useCurrentUser, useSignOut } from '../hooks/use-session.ts';
import { ApiRequestError } from '../lib/api-client.ts';
import {
  hasOnboarding,
  isOnboardingDone,
  markOnboardingOffered,
  shouldOfferOnboarding,
} from '../lib/onboarding.ts';
import { displayName, ROLE_AREAS } from '../lib/roles.ts';

const ROLE_EXPLANATIONS: Record<Me['role'], string> = {
  admin: 'You decide who gets in and with which role.',
  coach: 'You run a practice: your clients, their goals and sessions.',
  client: 'You are coached: your coach, your goals and your documents.',
  pending: 'Your email address is verified. An admin still has to approve your account.',
};

/**
 * Behind a RoleGuard that lets every signed-in role in. It is also where the email verification
 * link lands: a coach or client who has not seen their welcome guide is taken on to it (once per
 * tab), and a new account still waiting for its pre-assigned role is read often until it arrives.
 */
export function AccountPage() {
  const user = useCurrentUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useAwaitedRole(user);
  const userId = user?.id;
  const role = user?.role;

  useEffect(() => {
    if (!userId || !role || !shouldOfferOnboarding({ id: userId, role })) return;
    markOnboardingOffered(userId);
    void navigate('/onboarding', { replace: true });
  }, [userId, role, navigate]);

  if (!user) return null;
  const area = ROLE_AREAS[user.role];

  async function handleSignOut() {
    setSigningOut(true);
    setError(null);
    try {
      await signOut();
    } catch (caught) {
      setError(caught instanceof ApiRequestError ? caught.message : 'Try again in a moment.');
      setSigningOut(false);
    }
  }

  return (
    <PageContainer>
      <PageHeader
        title={displayName(user)}
        documentTitle="Your account"
        description="Your account on Arete: who you are here, and with which role."
      />
      <div className="grid gap-5 lg:grid-cols-[2fr_1fr]">
        <section
          aria-labelledby="account-details-title"
          className="rounded-xl border border-border bg-surface p-5 shadow-card"
        >
          <h2 id="account-details-title" className="text-sm font-medium text-foreground">
            Your details
          </h2>
          <dl className="mt-4 grid gap-x-8 gap-y-4 sm:grid-cols-[10rem_1fr]">
            <dt className="text-sm font-medium text-muted-foreground">Name</dt>
            <dd className="text-foreground">{displayName(user)}</dd>
            <dt className="text-sm font-medium text-muted-foreground">Email</dt>
            <dd className="text-foreground">
              <span className="break-all">{user.email}</span>{' '}
              {user.emailVerified && (
                <span className="ml-1 whitespace-nowrap text-sm text-success">verified</span>
              )}
            </dd>
            <dt className="text-sm font-medium text-muted-foreground">Role</dt>
            <dd>
              <RoleBadge role={user.role} />
              <p className="mt-2 text-sm text-muted-foreground">{ROLE_EXPLANATIONS[user.role]}</p>
            </dd>
            <dt className="text-sm font-medium text-muted-foreground">Member since</dt>
            <dd className="text-foreground">
              <time dateTime={user.createdAt}>
                {new Date(user.createdAt).toLocaleDateString(undefined, { dateStyle: 'long' })}
              </time>
            </dd>
          </dl>
        </section>
        <section
          aria-labelledby="account-where-title"
          className="flex flex-col gap-3 self-start rounded-xl border border-border bg-surface p-5 shadow-card"
        >
          <h2 id="account-where-title" className="text-sm font-medium text-foreground">
            Where to
          </h2>
          {hasOnboarding(user.role) && !isOnboardingDone(user.id) && (
            <Link to="/onboarding" className={buttonClasses('secondary')}>
              Your welcome guide
            </Link>
          )}
          <Link to={area.path} className={buttonClasses('primary')}>
            {area.label}
          </Link>
          <Button
            variant="secondary"
            onClick={handleSignOut}
            pending={signingOut}
            pendingLabel="Signing out…"
          >
            Sign out
          </Button>
          {error && (
            <Alert tone="danger" title="Signing out failed">
              <p>{error}</p>
            </Alert>
          )}
        </section>
      </div>
    </PageContainer>
  );
}
