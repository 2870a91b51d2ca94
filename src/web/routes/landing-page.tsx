import { Link } from 'react-router';
import { buttonClasses } from '../components/button.tsx';
import { FeatureCard } from '../components/feature-card.tsx';
import { HowItWorks } from '../components/how-it-works.tsx';
import { PageContainer } from '../components/page-container.tsx';
import { BuildingIcon, CompassIcon, ShieldCheckIcon } from '../components/role-icons.tsx';

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
              How to join
            </a>
            <a
              href="/api/docs/"
              className="rounded-lg border border-border bg-surface px-5 py-3 font-medium text-foreground transition-colors hover:bg-surface-muted"
            >
              Read the API docs
            </a>
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
          Coming soon
        </p>
        <h2
          id="waitlist-title"
          className="mt-4 font-display text-3xl font-semibold text-accent-foreground"
        >
          The waitlist opens soon
        </h2>
        <p className="mt-3 max-w-2xl leading-relaxed text-accent-foreground">
          Arete is invitation only while it grows. Soon you will be able to ask for a place here, as
          a coach or as a client; an admin reviews each request and lets you in with the right role.
        </p>
        <p className="mt-3 max-w-2xl leading-relaxed text-accent-foreground">
          Until then you can create an account: once you have confirmed your email address, an admin
          approves it and gives it its role.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link to="/sign-up" className={buttonClasses('primary')}>
            Create an account
          </Link>
          <Link
            to="/sign-in"
            className="rounded-lg border border-accent-foreground/30 px-5 py-3 font-medium text-accent-foreground transition-colors hover:bg-accent-foreground/10"
          >
            Sign in
          </Link>
        </div>
      </section>
    </PageContainer>
  );
}
