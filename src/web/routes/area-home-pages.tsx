import { ArrowRight, CircleCheck, CircleUser, Compass } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Me } from '../../contract/users.ts';
import { quietLinkClass } from '../components/link-classes.ts';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { RoleBadge } from '../components/role-badge.tsx';
import { useCurrentUser } from '../hooks/use-session.ts';
import { hasOnboarding, isOnboardingDone, ONBOARDING_GUIDES } from '../lib/onboarding.ts';
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
