import { ArrowRight, Building2, CircleCheck, CircleUser, Compass } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Me } from '../../contract/users.ts';
import { quietLinkClass } from '../components/link-classes.ts';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { RoleBadge } from '../components/role-badge.tsx';
import { useMyOrganizations } from '../hooks/use-organizations.ts';
import { useCurrentUser } from '../hooks/use-session.ts';
import { hasOnboarding, isOnboardingDone, ONBOARDING_GUIDES } from '../lib/onboarding.ts';
import { KIND_LABELS, organizationPath, organizationSummary } from '../lib/organizations.ts';
import { displayName, firstNameOf } from '../lib/roles.ts';

const cardClass = 'flex flex-col rounded-xl border border-border bg-surface p-5 shadow-card';

/** The first page of the coach and member areas: what there is for this person now. */
function AreaHome({ area, description }: { area: string; description: string }) {
  const user = useCurrentUser();
  if (!user) return null;
  return (
    <PageContainer>
      <PageHeader
        title={`Welcome, ${firstNameOf(user)}`}
        documentTitle={area}
        description={description}
      />
      <div className="grid gap-5 md:grid-cols-2">
        <OrganizationCard user={user} />
        <GuideCard user={user} />
        <AccountCard user={user} />
      </div>
    </PageContainer>
  );
}

function Card({
  id,
  icon,
  title,
  children,
}: {
  id: string;
  icon: ReactNode;
  title: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={cardClass}>
      <h2 id={id} className="flex items-center gap-2 text-sm font-medium text-foreground">
        {icon}
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The person's practice (coach) or company (client), or the way to set it up. */
function OrganizationCard({ user }: { user: Me }) {
  const organizations = useMyOrganizations();
  if (!hasOnboarding(user.role)) return null;
  const kind = user.role === 'coach' ? 'coach_practice' : 'client_company';
  const word = user.role === 'coach' ? 'practice' : 'company';
  const own = organizations.data?.data.find((tenant) => tenant.kind === kind);
  return (
    <Card
      id="organization-title"
      icon={<Building2 aria-hidden="true" className="size-4 text-muted-foreground" />}
      title={`Your ${word}`}
    >
      {organizations.isPending ? (
        <p className="mt-2 h-12 animate-pulse rounded bg-surface-muted" aria-hidden="true" />
      ) : organizations.error ? (
        <p className="mt-2 text-sm text-muted-foreground">
          Your {word} could not be loaded. Reload the page to try again.
        </p>
      ) : own?.identityOrgId ? (
        <>
          <p className="mt-2 font-medium text-foreground">{own.name}</p>
          <p className="mt-1 text-sm text-muted-foreground">
            {organizationSummary(own) || KIND_LABELS[own.kind]}
          </p>
          <Link
            to={organizationPath(own.identityOrgId)}
            className={`mt-auto inline-flex items-center gap-1 self-start pt-4 text-sm ${quietLinkClass}`}
          >
            Open {own.name}
            <ArrowRight aria-hidden="true" className="size-4" />
          </Link>
        </>
      ) : (
        <>
          <p className="mt-2 text-sm text-muted-foreground">
            {user.role === 'coach'
              ? 'Set up your practice: the organization your clients are invited into.'
              : 'Set up your company, or join the one that invited you.'}
          </p>
          <Link
            to="/onboarding"
            className={`mt-auto inline-flex items-center gap-1 self-start pt-4 text-sm ${quietLinkClass}`}
          >
            Set up your {word}
            <ArrowRight aria-hidden="true" className="size-4" />
          </Link>
        </>
      )}
    </Card>
  );
}

function GuideCard({ user }: { user: Me }) {
  if (!hasOnboarding(user.role)) return null;
  const guide = ONBOARDING_GUIDES[user.role];
  const done = isOnboardingDone(user.id);
  const ready = guide.steps.filter((step) => step.status === 'ready').length;
  return (
    <Card
      id="guide-title"
      icon={<Compass aria-hidden="true" className="size-4 text-muted-foreground" />}
      title="Welcome guide"
    >
      <p className="mt-2 text-foreground">{guide.title}</p>
      <p className="mt-1 flex items-center gap-1.5 text-sm text-muted-foreground">
        {done && <CircleCheck aria-hidden="true" className="size-4 text-success" />}
        {done ? 'You have been through it.' : `${ready} of ${guide.steps.length} steps open now.`}
      </p>
      <Link
        to="/onboarding"
        className={`mt-auto inline-flex items-center gap-1 self-start pt-4 text-sm ${quietLinkClass}`}
      >
        {done ? 'Open the guide again' : 'Continue the guide'}
        <ArrowRight aria-hidden="true" className="size-4" />
      </Link>
    </Card>
  );
}

function AccountCard({ user }: { user: Me }) {
  return (
    <Card
      id="account-title"
      icon={<CircleUser aria-hidden="true" className="size-4 text-muted-foreground" />}
      title="Your account"
    >
      <p className="mt-2 text-foreground">{displayName(user)}</p>
      <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
        <span className="break-all">{user.email}</span>
        <RoleBadge role={user.role} />
      </p>
      <Link to="/account" className={`mt-auto self-start pt-4 text-sm ${quietLinkClass}`}>
        Account details
      </Link>
    </Card>
  );
}

export function CoachHomePage() {
  return <AreaHome area="Coach" description="Your coach area: your practice on Arete." />;
}

export function MemberHomePage() {
  return <AreaHome area="Member" description="Your member area: your coaching on Arete." />;
}
