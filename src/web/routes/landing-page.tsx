import { FeatureCard } from '../components/feature-card.tsx';
import { HowItWorks } from '../components/how-it-works.tsx';
import { quietLinkClass } from '../components/link-classes.ts';
import { AppLink } from '../components/navigation.tsx';
import { PageContainer } from '../components/page-container.tsx';
import { BuildingIcon, CompassIcon, ShieldCheckIcon } from '../components/role-icons.tsx';
import { WAITLIST_COPY, WAITLIST_ICONS, WaitlistForm } from '../components/waitlist-form.tsx';
import { WAITLIST_ROLES, type WaitlistRole } from '../lib/waitlist.ts';

export function LandingPage() {
  return (
    <PageContainer>
      <section
        aria-labelledby="hero-title"
        className="grid gap-12 py-16 sm:py-24 lg:grid-cols-[3fr_2fr] lg:items-center lg:gap-16"
      >
        <div>
          <p className="text-sm font-semibold tracking-wide text-primary uppercase">
            Coaching platform
          </p>
          <h1
            id="hero-title"
            className="mt-4 max-w-3xl font-display text-4xl leading-tight font-semibold text-balance text-foreground sm:text-5xl lg:text-6xl"
          >
            Coaching that helps people grow, right where they work.
          </h1>
          <p className="mt-6 max-w-2xl text-lg leading-relaxed text-pretty text-muted-foreground">
            Arete brings coaches and the people they coach into one calm place. Coaches run their
            practices, clients belong to their companies, and admins approve who gets in.
          </p>
          <div className="mt-10 flex flex-wrap gap-3">
            <a
              href="#waitlist"
              className="rounded-lg bg-primary px-5 py-3 font-medium text-primary-foreground shadow-card transition-opacity hover:opacity-90"
            >
              Join the waitlist
            </a>
            <AppLink
              to="/sign-in"
              className="rounded-lg border border-border bg-surface px-5 py-3 font-medium text-foreground transition-colors hover:bg-surface-muted"
            >
              Sign in
            </AppLink>
          </div>
        </div>
        <HowItWorks />
      </section>

      <section aria-labelledby="roles-title" className="pb-16 sm:pb-24">
        <h2 id="roles-title" className="font-display text-3xl font-semibold text-foreground">
          One platform, three roles
        </h2>
        <ul className="mt-8 grid gap-6 md:grid-cols-3">
          <FeatureCard icon={<CompassIcon />} title="Coaches" tagline="Run your practice">
            Keep your practice in one place, invite clients from any company, and follow each
            coaching relationship from first session to completed goals.
          </FeatureCard>
          <FeatureCard icon={<BuildingIcon />} title="Clients" tagline="Grow with your company">
            Join through the company you work for, connect with your coach, and keep your goals and
            documents together.
          </FeatureCard>
          <FeatureCard icon={<ShieldCheckIcon />} title="Admins" tagline="Decide who gets in">
            Review every request, approve each person with the right role, and keep a clear record
            of who changed what.
          </FeatureCard>
        </ul>
      </section>

      <section
        id="waitlist"
        aria-labelledby="waitlist-title"
        className="mb-16 scroll-mt-6 rounded-2xl bg-accent px-6 py-10 sm:mb-24 sm:px-10"
      >
        <p className="inline-flex rounded-full border border-accent-foreground/30 px-3 py-1 text-sm font-medium text-accent-foreground">
          Invitation only
        </p>
        <h2
          id="waitlist-title"
          className="mt-4 font-display text-3xl font-semibold text-accent-foreground"
        >
          Join the waitlist
        </h2>
        <p className="mt-3 max-w-2xl leading-relaxed text-accent-foreground">
          Arete is invitation only while it grows. Ask for a place as a coach or as a client: an
          admin reviews each request and invites you by email, with the right role already on your
          account.
        </p>
        <ul className="mt-8 grid gap-6 lg:grid-cols-2">
          {WAITLIST_ROLES.map((role) => (
            <WaitlistCard key={role} joinAs={role} />
          ))}
        </ul>
        <p className="mt-8 leading-relaxed text-accent-foreground">
          Invited already?{' '}
          <AppLink to="/sign-up" className="font-medium underline underline-offset-4">
            Create your account
          </AppLink>{' '}
          with the address the invitation went to, or{' '}
          <AppLink to="/sign-in" className="font-medium underline underline-offset-4">
            sign in
          </AppLink>
          .
        </p>
      </section>
    </PageContainer>
  );
}

function WaitlistCard({ joinAs: role }: { joinAs: WaitlistRole }) {
  const copy = WAITLIST_COPY[role];
  const Icon = WAITLIST_ICONS[role];
  const titleId = `waitlist-${role}-title`;
  return (
    <li>
      <section
        aria-labelledby={titleId}
        className="flex h-full flex-col rounded-2xl border border-border bg-surface p-6 shadow-card sm:p-8"
      >
        <div className="flex items-center gap-3">
          <span className="inline-flex size-11 items-center justify-center rounded-xl bg-primary-soft text-primary">
            <Icon />
          </span>
          <div>
            <h3 id={titleId} className="font-display text-2xl font-semibold text-foreground">
              {copy.cardTitle}
            </h3>
            <p className="text-sm font-medium text-primary">{copy.tagline}</p>
          </div>
        </div>
        <p className="mt-4 leading-relaxed text-muted-foreground">{copy.pitch}</p>
        <WaitlistForm joinAs={role} className="mt-6" />
        <AppLink to={`/waitlist/${role}`} className={`mt-4 self-start text-sm ${quietLinkClass}`}>
          More about Arete {role === 'coach' ? 'for coaches' : 'for clients'}
        </AppLink>
      </section>
    </li>
  );
}
