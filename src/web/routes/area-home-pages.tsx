import { Link } from 'react-router';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-state.tsx';
import { useCurrentUser } from '../hooks/use-session.ts';
import { firstNameOf } from '../lib/roles.ts';

type Tile = { title: string; text: string; to?: string };

function AreaHome({
  kicker,
  pageTitle,
  lead,
  available,
  next,
}: {
  kicker: string;
  pageTitle: string;
  lead: string;
  available: Tile[];
  next: string[];
}) {
  const user = useCurrentUser();
  return (
    <PageContainer>
      <title>{`${pageTitle} · Arete`}</title>
      <PageHeader kicker={kicker} title={`Welcome, ${user ? firstNameOf(user) : 'there'}`}>
        <p>{lead}</p>
      </PageHeader>
      <div className="grid gap-6 pb-16 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="available-title">
          <h2 id="available-title" className="font-display text-2xl font-semibold">
            Here now
          </h2>
          <ul className="mt-4 grid gap-4 sm:grid-cols-2">
            {available.map((tile) => (
              <li key={tile.title}>
                {tile.to ? (
                  <Link
                    to={tile.to}
                    className="block h-full rounded-2xl border border-border bg-surface p-5 shadow-card transition-colors hover:border-primary/40 hover:bg-primary-soft"
                  >
                    <span className="font-medium text-primary">{tile.title}</span>
                    <span className="mt-1 block text-sm leading-relaxed text-muted-foreground">
                      {tile.text}
                    </span>
                  </Link>
                ) : (
                  <div className="h-full rounded-2xl border border-border bg-surface p-5 shadow-card">
                    <span className="font-medium text-foreground">{tile.title}</span>
                    <span className="mt-1 block text-sm leading-relaxed text-muted-foreground">
                      {tile.text}
                    </span>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
        <section
          aria-labelledby="next-title"
          className="rounded-2xl bg-accent px-6 py-6 text-accent-foreground"
        >
          <h2 id="next-title" className="font-display text-2xl font-semibold">
            Coming next
          </h2>
          <p className="mt-2 text-sm leading-relaxed">Not built yet; this area grows into these:</p>
          <ul className="mt-4 list-disc space-y-2 pl-5 leading-relaxed">
            {next.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
      </div>
    </PageContainer>
  );
}

const ACCOUNT_TILE: Tile = {
  title: 'Your account',
  text: 'Your name, email address and role.',
  to: '/account',
};

export function AdminHomePage() {
  return (
    <AreaHome
      kicker="Admin area"
      pageTitle="Admin"
      lead="You decide who gets into Arete and with which role."
      available={[
        {
          title: 'Waitlist',
          text: 'Review requests from coaches and clients; approve them with a role, or reject them.',
          to: '/admin/waitlist',
        },
        {
          title: 'Approved users',
          text: 'Pre-approve emails, change or remove approvals, import and export, back up and restore.',
          to: '/admin/approved-users',
        },
        {
          title: 'Users',
          text: 'Search everyone who signed up, approve people by giving them a role, ban or unban.',
          to: '/admin/users',
        },
        {
          title: 'Audit log',
          text: 'Who changed what and when, with each change before and after.',
          to: '/admin/audit-log',
        },
        {
          title: 'Mail outbox',
          text: 'Mail this server kept instead of sending it, with its links.',
          to: '/admin/outbox',
        },
        ACCOUNT_TILE,
      ]}
      next={['Organizations: coach practices and client companies.']}
    />
  );
}

export function CoachHomePage() {
  return (
    <AreaHome
      kicker="Coach area"
      pageTitle="Coach"
      lead="This is where you will run your practice on Arete."
      available={[
        {
          title: 'Welcome guide',
          text: 'The steps to set up your practice, and which of them are coming soon.',
          to: '/onboarding',
        },
        ACCOUNT_TILE,
      ]}
      next={[
        'Your practice: its name and details.',
        'Inviting clients from the companies they work for.',
        'Coaching relationships, goals, sessions and shared documents.',
      ]}
    />
  );
}

export function MemberHomePage() {
  return (
    <AreaHome
      kicker="Member area"
      pageTitle="Member"
      lead="This is where you will work with your coach on Arete."
      available={[
        {
          title: 'Welcome guide',
          text: 'The steps to get ready for coaching, and which of them are coming soon.',
          to: '/onboarding',
        },
        ACCOUNT_TILE,
      ]}
      next={[
        'Coaching: tell us you are interested, or see the coaches you are connected with.',
        'Your goals and the documents you share with your coach.',
        'Session settings, such as sharing context before each session.',
      ]}
    />
  );
}
