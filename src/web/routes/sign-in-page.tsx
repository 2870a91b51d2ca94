import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../components/alert.tsx';
import { AuthShell, LocalIdentityOnly, useAlreadySignedIn } from '../components/auth-shell.tsx';
import { Button, buttonClasses } from '../components/button.tsx';
import { PasswordField, TextField } from '../components/form-field.tsx';
import { reloadSession } from '../hooks/use-session.ts';
import { ApiRequestError, authRequest } from '../lib/api-client.ts';
import { displayName, ROLE_AREAS, safeNextPath } from '../lib/roles.ts';
import { type FieldErrors, type SignInValues, validateSignIn } from '../lib/sign-up-validation.ts';

type FormProblem =
  | { kind: 'message'; title: string; text: string }
  | { kind: 'unverified'; email: string };

function problemOf(error: unknown): FormProblem {
  if (error instanceof ApiRequestError) {
    if (error.code === 'INVALID_EMAIL_OR_PASSWORD' || error.status === 401) {
      return {
        kind: 'message',
        title: 'Wrong email or password',
        text: 'That email and password do not match an account. Check both and try again.',
      };
    }
    if (error.code === 'BANNED_USER') {
      return { kind: 'message', title: 'This account is suspended', text: error.message };
    }
    if (error.status === 429) {
      return {
        kind: 'message',
        title: 'Too many attempts',
        text: 'Wait a minute, then try again.',
      };
    }
    return { kind: 'message', title: 'Signing in failed', text: error.message };
  }
  return { kind: 'message', title: 'Signing in failed', text: 'Try again in a moment.' };
}

export function SignInPage() {
  return (
    <LocalIdentityOnly pageTitle="Sign in">
      <SignInForm />
    </LocalIdentityOnly>
  );
}

function SignInForm() {
  const [values, setValues] = useState<SignInValues>({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors<SignInValues>>({});
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const signedIn = useAlreadySignedIn();
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const next = safeNextPath(searchParams.get('next'));

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
      await authRequest('/api/auth/sign-in/email', {
        method: 'POST',
        body: { email, password: values.password },
      });
      const me = await reloadSession(client);
      if (!me) {
        throw new ApiRequestError({
          status: 0,
          code: 'no_session',
          message:
            'You were signed in, but this browser did not keep the session. Allow cookies for this site and try again.',
        });
      }
      await navigate(next ?? ROLE_AREAS[me.role].path, { replace: true });
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'EMAIL_NOT_VERIFIED') {
        setProblem({ kind: 'unverified', email });
      } else {
        setProblem(problemOf(error));
        if (error instanceof ApiRequestError && error.status === 401) passwordRef.current?.select();
      }
      setPending(false);
    }
  }

  return (
    <AuthShell
      title="Sign in"
      pageTitle="Sign in"
      lead={next ? 'Sign in to continue to the page you asked for.' : 'Welcome back to Arete.'}
      footer={
        <>
          New here?{' '}
          <Link
            to="/sign-up"
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            Create an account
          </Link>
        </>
      }
    >
      <form noValidate onSubmit={handleSubmit} className="space-y-5" aria-label="Sign in">
        {problem?.kind === 'message' && (
          <Alert tone="danger" title={problem.title}>
            <p>{problem.text}</p>
          </Alert>
        )}
        {problem?.kind === 'unverified' && (
          <Alert tone="warning" title="Verify your email address first">
            <p>
              We sent a new link to {problem.email}. Open it to verify your address; it signs you
              in.{' '}
              <Link
                to={`/check-your-email?email=${encodeURIComponent(problem.email)}`}
                className="font-medium text-primary underline underline-offset-4"
              >
                Where is my mail?
              </Link>
            </p>
          </Alert>
        )}
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          value={values.email}
          onChange={(event) => update('email', event.target.value)}
          error={errors.email}
          inputRef={emailRef}
        />
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
        <Button type="submit" className="w-full" pending={pending} pendingLabel="Signing in…">
          Sign in
        </Button>
      </form>
    </AuthShell>
  );
}
