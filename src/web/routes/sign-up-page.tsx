import { type FormEvent, type RefObject, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../components/alert.tsx';
import { AuthFooterLink } from '../components/auth-footer-link.tsx';
import { AuthShell, useAlreadySignedIn } from '../components/auth-shell.tsx';
import { Button, buttonClasses } from '../components/button.tsx';
import { EmailField } from '../components/email-field.tsx';
import { TextField } from '../components/form-field.tsx';
import { LabelledForm } from '../components/labelled-form.tsx';
import { linkClass } from '../components/link-classes.ts';
import { localIdentityPage } from '../components/local-identity-page.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { useClientConfig } from '../hooks/use-client-config.ts';
import { useEmailParam } from '../hooks/use-email-param.ts';
import { type FormProblem, signUpProblem } from '../lib/auth-errors.ts';
import { signUp } from '../lib/auth-requests.ts';
import { checkYourEmailPath } from '../lib/password-links.ts';
import { displayName } from '../lib/roles.ts';
import {
  emailOrNull,
  type FieldErrors,
  type SignUpValues,
  validateSignUp,
} from '../lib/sign-up-validation.ts';

const FIELDS: (keyof SignUpValues)[] = ['name', 'email'];

export const SignUpPage = localIdentityPage(
  'Sign up',
  SignUpForm,
  async () => (await import('../auth/clerk-pages.tsx')).ClerkSignUpPage,
);

/** Links to both waitlist pages, carrying the email along so it is typed once. */
function WaitlistLinks({ email }: { email?: string }) {
  const address = emailOrNull(email);
  const query = address ? `?email=${encodeURIComponent(address)}` : '';
  return (
    <>
      <Link to={`/waitlist/coach${query}`} className={linkClass}>
        as a coach
      </Link>{' '}
      or{' '}
      <Link to={`/waitlist/client${query}`} className={linkClass}>
        as a client
      </Link>
    </>
  );
}

/**
 * Name and email only. The server answers the same for every address and mails what fits it: the
 * link to confirm the address and choose a password, a pointer to the waitlist, or (for an address
 * that has an account) links to sign in and reset the password. So the password is chosen only
 * once the mailbox is proven, and nobody can claim someone else's address first.
 */
function SignUpForm() {
  // An invitation's link carries the address it was sent to: `/sign-up?email=…`.
  const emailParam = useEmailParam();
  const [values, setValues] = useState<SignUpValues>(() => ({
    name: '',
    email: emailParam ?? '',
  }));
  const [errors, setErrors] = useState<FieldErrors<SignUpValues>>({});
  const [touched, setTouched] = useState<Partial<Record<keyof SignUpValues, boolean>>>({});
  const [formError, setFormError] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const navigate = useNavigate();
  const config = useClientConfig();
  const signedIn = useAlreadySignedIn();
  const refs: Record<keyof SignUpValues, RefObject<HTMLInputElement | null>> = {
    name: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
  };

  if (signedIn) {
    return (
      <AuthShell title="You already have an account" pageTitle="Sign up">
        <p className="leading-relaxed text-muted-foreground">
          You are signed in as {displayName(signedIn)} ({signedIn.email}).
        </p>
        <Link to="/account" className={`mt-6 ${buttonClasses('primary')}`}>
          Go to your account
        </Link>
      </AuthShell>
    );
  }

  const waitlistMode = config.data?.signUpMode === 'waitlist';

  function update(field: keyof SignUpValues, value: string) {
    const nextValues = { ...values, [field]: value };
    setValues(nextValues);
    if (touched[field])
      setErrors((current) => ({ ...current, [field]: validateSignUp(nextValues)[field] }));
  }

  // A field is checked when it is left, and from then on as it changes.
  function leave(field: keyof SignUpValues) {
    if (values[field] === '' && !touched[field]) return;
    setTouched((current) => ({ ...current, [field]: true }));
    setErrors((current) => ({ ...current, [field]: validateSignUp(values)[field] }));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateSignUp(values);
    setErrors(found);
    setTouched({ name: true, email: true });
    const firstInvalid = FIELDS.find((field) => found[field]);
    if (firstInvalid) return refs[firstInvalid].current?.focus();

    setPending(true);
    setFormError(null);
    try {
      await signUp(values);
      await navigate(checkYourEmailPath(values.email));
    } catch (error) {
      const problem = signUpProblem(error);
      if (problem.kind === 'fields') {
        setErrors((current) => ({ ...current, ...problem.errors }));
        const first = FIELDS.find((field) => problem.errors[field]);
        if (first) refs[first].current?.focus();
      } else {
        setFormError({ title: problem.title, message: problem.message });
      }
      setPending(false);
    }
  }

  return (
    <AuthShell
      title={waitlistMode ? 'Sign up with your invitation' : 'Create your account'}
      pageTitle="Sign up"
      lead={
        waitlistMode ? (
          <>
            {/* Said before anything is asked: who can sign up here, and the way in for the rest. */}
            <Alert tone="info" live={false} title="Arete is invitation only for now">
              <p>
                Sign-up needs an approved email address: use the one your invitation was sent to.
              </p>
              <p className="mt-2">
                Not invited yet? Join the waitlist <WaitlistLinks email={values.email} />; an admin
                reviews each request and invites you by email.
              </p>
            </Alert>
            <p className="mt-4">
              We mail you a link to confirm the address; you choose your password from that link.
            </p>
          </>
        ) : (
          <>
            <p>
              We mail you a link to confirm the address; you choose your password from that link.
            </p>
            <p className="mt-2">
              Then an admin approves your account and gives it its role, coach or client.
            </p>
          </>
        )
      }
      footer={
        <AuthFooterLink question="Already have an account?" to="/sign-in">
          Sign in
        </AuthFooterLink>
      }
    >
      <LabelledForm label="Sign up" onSubmit={handleSubmit}>
        <ProblemAlert problem={formError} />
        <TextField
          label="Name"
          name="name"
          autoComplete="name"
          required
          value={values.name}
          onChange={(event) => update('name', event.target.value)}
          onBlur={() => leave('name')}
          error={errors.name}
          inputRef={refs.name}
        />
        <EmailField
          value={values.email}
          onChange={(event) => update('email', event.target.value)}
          onBlur={() => leave('email')}
          error={errors.email}
          hint={errors.email ? undefined : 'The link to choose your password is sent here.'}
          inputRef={refs.email}
        />
        <Button type="submit" className="w-full" pending={pending} pendingLabel="Sending the link…">
          Create account
        </Button>
      </LabelledForm>
    </AuthShell>
  );
}
