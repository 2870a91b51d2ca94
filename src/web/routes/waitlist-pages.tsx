import { Link, useLocation, useSearchParams } from 'react-router';
import { buttonClasses } from '../components/button.tsx';
import { linkClass } from '../components/link-classes.ts';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-state.tsx';
import {
  WAITLIST_COPY,
  WAITLIST_ICONS,
  WaitlistForm,
  type WaitlistSuccessState,
} from '../components/waitlist-form.tsx';
import { validateEmail } from '../lib/sign-up-validation.ts';
import { isWaitlistRole, type WaitlistRole } from '../lib/waitlist.ts';

/** `/waitlist/coach` and `/waitlist/client`: one form, and what the waitlist means for the role. */
export function WaitlistRolePage({ joinAs: role }: { joinAs: WaitlistRole }) {
  const copy = WAITLIST_COPY[role];
  const other: WaitlistRole = role === 'coach' ? 'client' : 'coach';
  const [searchParams] = useSearchParams();
  const email = searchParams.get('email')?.trim() ?? '';
  const Icon = WAITLIST_ICONS[role];
  return (
    <PageContainer>
      <title>{`Join as a ${role} · Arete`}</title>
      <div className="grid gap-10 pb-16 lg:grid-cols-[3fr_2fr] lg:gap-16">
        <div>
          <PageHeader kicker={`Waitlist · ${copy.cardTitle}`} title={copy.heading}>
            <p>{copy.lead}</p>
          </PageHeader>
          <section aria-labelledby="benefits-title" className="max-w-2xl">
            <h2 id="benefits-title" className="font-display text-2xl font-semibold">
              What Arete gives you
            </h2>
            <ul className="mt-4 space-y-3">
              {copy.benefits.map((benefit) => (
                <li key={benefit} className="flex gap-3 leading-relaxed text-muted-foreground">
                  <span
                    aria-hidden="true"
                    className="mt-2.5 size-1.5 shrink-0 rounded-full bg-primary"
                  />
                  {benefit}
                </li>
              ))}
            </ul>
            <h2 className="mt-10 font-display text-2xl font-semibold">What happens next</h2>
            <ol className="mt-4 list-decimal space-y-2 pl-5 leading-relaxed text-muted-foreground">
              {copy.nextSteps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
            <p className="mt-8 text-muted-foreground">
              {copy.other.question}{' '}
              <Link to={`/waitlist/${other}`} className={linkClass}>
                {copy.other.link}
              </Link>
              .
            </p>
          </section>
        </div>
        <section
          aria-labelledby="join-title"
          className="self-start rounded-2xl border border-border bg-surface p-6 shadow-card sm:p-8 lg:mt-16"
        >
          <div className="flex items-center gap-3">
            <span className="inline-flex size-11 items-center justify-center rounded-xl bg-primary-soft text-primary">
              <Icon />
            </span>
            <div>
              <h2 id="join-title" className="font-display text-2xl font-semibold">
                Ask for a place
              </h2>
              <p className="text-sm font-medium text-primary">{copy.tagline}</p>
            </div>
          </div>
          <WaitlistForm
            joinAs={role}
            initialEmail={email && !validateEmail(email) ? email : ''}
            className="mt-6"
          />
        </section>
      </div>
    </PageContainer>
  );
}

export function WaitlistCoachPage() {
  return <WaitlistRolePage joinAs="coach" />;
}

export function WaitlistClientPage() {
  return <WaitlistRolePage joinAs="client" />;
}

/** `/waitlist/success?role=…`: thank you, and what happens next for that role. */
export function WaitlistSuccessPage() {
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const roleParam = searchParams.get('role');
  const role = isWaitlistRole(roleParam) ? roleParam : null;
  const receipt = (location.state as WaitlistSuccessState | null)?.message;
  const steps = role
    ? WAITLIST_COPY[role].nextSteps
    : [
        'An admin reviews your request.',
        'Once you are approved, an invitation arrives by email with a link to create your account.',
        'Sign up with the address you used: your account has its role from the start.',
      ];

  return (
    <PageContainer>
      <title>You are on the list · Arete</title>
      <PageHeader
        kicker={role ? `Waitlist · ${WAITLIST_COPY[role].cardTitle}` : 'Waitlist'}
        title="You are on the list"
      >
        <p>
          {receipt ??
            'Thank you. If this address can be approved, an invitation to sign up will follow by email.'}
        </p>
      </PageHeader>
      <div className="grid gap-6 pb-16 lg:grid-cols-[3fr_2fr]">
        <section
          aria-labelledby="next-steps-title"
          className="rounded-2xl border border-border bg-surface p-6 shadow-card sm:p-8"
        >
          <h2 id="next-steps-title" className="font-display text-2xl font-semibold">
            {role === 'coach'
              ? 'Next steps for your practice'
              : role === 'client'
                ? 'Next steps to get coached'
                : 'Next steps'}
          </h2>
          <ol className="mt-6 space-y-5">
            {steps.map((step, index) => (
              <li key={step} className="flex gap-4">
                <span
                  aria-hidden="true"
                  className="flex size-8 shrink-0 items-center justify-center rounded-full bg-primary-soft text-sm font-semibold text-primary tabular-nums"
                >
                  {index + 1}
                </span>
                <p className="pt-1 leading-relaxed text-muted-foreground">{step}</p>
              </li>
            ))}
          </ol>
        </section>
        <aside className="flex flex-col gap-4 rounded-2xl bg-accent px-6 py-6 text-accent-foreground">
          <h2 className="font-display text-2xl font-semibold">While you wait</h2>
          <ul className="list-disc space-y-2 pl-5 leading-relaxed">
            <li>Look out for mail from Arete, and check your spam folder.</li>
            <li>Asking again with the same address changes nothing: your place is kept.</li>
            <li>
              Invited already?{' '}
              <Link to="/sign-up" className="font-medium underline underline-offset-4">
                Create your account
              </Link>{' '}
              with the address the invitation went to.
            </li>
          </ul>
          <Link to="/" className={`mt-auto self-start ${buttonClasses('primary')}`}>
            Back to the home page
          </Link>
        </aside>
      </div>
    </PageContainer>
  );
}
