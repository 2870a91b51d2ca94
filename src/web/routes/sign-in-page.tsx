import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../components/alert.tsx';
import { AuthFooterLink } from '../components/auth-footer-link.tsx';
import { AuthShell, useAlreadySignedIn } from '../components/auth-shell.tsx';
import { Button, buttonClasses } from '../components/button.tsx';
import { EmailField } from '../components/email-field.tsx';
import { PasswordField } from '../components/form-field.tsx';
import { LabelledForm } from '../components/labelled-form.tsx';
import { quietLinkClass } from '../components/link-classes.ts';
import { localIdentityPage } from '../components/local-identity-page.tsx';
import { SendLinkButton } from '../components/send-link-button.tsx';
import { useClientConfig } from '../hooks/use-client-config.ts';
import { useEmailParam } from '../hooks/use-email-param.ts';
import { useFocusWhen } from '../hooks/use-focus-when.ts';
import { useSignIn } from '../hooks/use-sign-in.ts';
import { ApiRequestError } from '../lib/api-client.ts';
import { type SignInProblem, signInProblem } from '../lib/auth-errors.ts';
import { forgotPasswordPath, pathAfterSignIn } from '../lib/password-links.ts';
import { displayName, ROLE_AREAS, safeNextPath } from '../lib/roles.ts';
import { type FieldErrors, type SignInValues, validateSignIn } from '../lib/sign-up-validation.ts';

type FormProblem = SignInProblem & { email: string };

export const SignInPage = localIdentityPage(
  'Sign in',
  SignInForm,
  async () => (await import('../auth/clerk-pages.tsx')).ClerkSignInPage,
);

function SignInForm() {
  const [searchParams] = useSearchParams();
  // `/sign-in?email=…` (from a mail, or from the set-password page) fills in the address.
  const emailParam = useEmailParam();
  const [values, setValues] = useState<SignInValues>(() => ({
    email: emailParam ?? '',
    password: '',
  }));
  const [errors, setErrors] = useState<FieldErrors<SignInValues>>({});
  const [problem, setProblem] = useState<FormProblem | null>(null);
  // A wrong password selects the password to type again; any other problem takes the focus.
  const problemRef = useFocusWhen<HTMLDivElement>(
    problem?.kind === 'message' && problem.selectPassword ? null : problem,
  );
  const [pending, setPending] = useState(false);
  const navigate = useNavigate();
  const signIn = useSignIn();
  const signedIn = useAlreadySignedIn();
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const next = safeNextPath(searchParams.get('next'));
  // Waitlist mode: a newcomer's way in is the waitlist; sign-up is for invited addresses.
  const waitlistMode = useClientConfig().data?.signUpMode === 'waitlist';

  if (signedIn && !pending) {
    const area = ROLE_AREAS[signedIn.role];
    return (
      <AuthShell title="You are signed in" pageTitle="Sign in">
        <p className="leading-relaxed text-muted-foreground">
          You are signed in as {displayName(signedIn)} ({signedIn.email}).
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link to={next ?? area.path} className={buttonClasses('primary')}>
            {next ? 'Continue' : `Go to your ${area.label.toLowerCase()}`}
          </Link>
          <Link to="/account" className={buttonClasses('secondary')}>
            Account
          </Link>
        </div>
      </AuthShell>
    );
  }

  function update(field: keyof SignInValues, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    // Once a field has shown an error, it is checked again as it changes.
    if (errors[field]) {
      setErrors((current) => ({
        ...current,
        [field]: validateSignIn({ ...values, [field]: value })[field],
      }));
    }
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateSignIn(values);
    setErrors(found);
    if (found.email) return emailRef.current?.focus();
    if (found.password) return passwordRef.current?.focus();

    setPending(true);
    setProblem(null);
    const email = values.email.trim();
    try {
      const me = await signIn(email, values.password);
      await navigate(pathAfterSignIn(me.role, next), { replace: true });
    } catch (error) {
      const found: FormProblem =
        error instanceof ApiRequestError && error.code === 'no_session'
          ? { kind: 'message', title: 'Signing in failed', message: error.message, email }
          : { ...signInProblem(error), email };
      setProblem(found);
      if (found.kind === 'message' && found.selectPassword) passwordRef.current?.select();
      setPending(false);
    }
  }

  return (
    <AuthShell
      title="Sign in"
      pageTitle="Sign in"
      lead={next ? 'Sign in to continue to the page you asked for.' : 'Welcome back to Arete.'}
      footer={
        waitlistMode ? (
          <>
            <p>
              <AuthFooterLink question="New here?" to="/#waitlist">
                Join the waitlist
              </AuthFooterLink>
            </p>
            <p className="mt-2">
              <AuthFooterLink question="Invited already?" to="/sign-up">
                Create your account
              </AuthFooterLink>
            </p>
          </>
        ) : (
          <AuthFooterLink question="New here?" to="/sign-up">
            Create an account
          </AuthFooterLink>
        )
      }
    >
      <LabelledForm label="Sign in" onSubmit={handleSubmit}>
        <div ref={problemRef} tabIndex={-1} className="space-y-5 outline-none empty:hidden">
          {problem?.kind === 'message' && (
            <Alert tone="danger" title={problem.title}>
              <p>{problem.message}</p>
            </Alert>
          )}
          {problem?.kind === 'unverified' && (
            <Alert tone="warning" title="Confirm your email address first">
              <p>
                This account's address is not confirmed yet. We can mail a link to{' '}
                <span className="break-all">{problem.email}</span>: open it to confirm the address
                and choose your password, and you are signed in.
              </p>
              <SendLinkButton email={problem.email} className="mt-3" />
            </Alert>
          )}
        </div>
        <EmailField
          value={values.email}
          onChange={(event) => update('email', event.target.value)}
          error={errors.email}
          inputRef={emailRef}
        />
        <div>
          <PasswordField
            label="Password"
            name="password"
            autoComplete="current-password"
            required
            value={values.password}
            onChange={(event) => update('password', event.target.value)}
            error={errors.password}
            inputRef={passwordRef}
          />
          <p className="mt-2 text-sm">
            <Link to={forgotPasswordPath(values.email)} className={quietLinkClass}>
              Forgot password?
            </Link>
          </p>
        </div>
        <Button type="submit" className="w-full" pending={pending} pendingLabel="Signing in…">
          Sign in
        </Button>
      </LabelledForm>
    </AuthShell>
  );
}
