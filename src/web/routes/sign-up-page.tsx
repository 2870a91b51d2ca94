import { type FormEvent, type RefObject, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../components/alert.tsx';
import { AuthShell, LocalIdentityOnly, useAlreadySignedIn } from '../components/auth-shell.tsx';
import { Button, buttonClasses } from '../components/button.tsx';
import { PasswordField, TextField } from '../components/form-field.tsx';
import { useClientConfig } from '../hooks/use-client-config.ts';
import { ApiRequestError, authRequest } from '../lib/api-client.ts';
import { displayName } from '../lib/roles.ts';
import {
  type FieldErrors,
  PASSWORD_MIN_LENGTH,
  type SignUpValues,
  validateEmail,
  validateSignUp,
} from '../lib/sign-up-validation.ts';

const FIELDS: (keyof SignUpValues)[] = ['name', 'email', 'password'];

const linkClass = 'font-medium text-primary underline underline-offset-4';

type FormProblem =
  | { kind: 'message'; title: string; message: string }
  /** SIGN_UP_NOT_APPROVED: waitlist mode, and this email is not approved (yet). */
  | { kind: 'not-approved'; message: string; email: string };

/** Puts what the server said next to the field it is about, or above the form. */
function placeServerError(error: unknown): {
  field?: keyof SignUpValues;
  message: string;
  title?: string;
} {
  if (!(error instanceof ApiRequestError)) {
    return { title: 'Signing up failed', message: 'Try again in a moment.' };
  }
  if (error.code.startsWith('USER_ALREADY_EXISTS')) {
    return {
      field: 'email',
      message: 'An account with this email already exists. Sign in instead.',
    };
  }
  if (error.code === 'INVALID_EMAIL') return { field: 'email', message: error.message };
  if (error.code === 'PASSWORD_TOO_SHORT') {
    return { field: 'password', message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` };
  }
  if (error.code === 'PASSWORD_TOO_LONG') return { field: 'password', message: error.message };
  if (error.status === 429) {
    return { title: 'Too many attempts', message: 'Wait a minute, then try again.' };
  }
  return { title: 'Signing up failed', message: error.message };
}

export function SignUpPage() {
  return (
    <LocalIdentityOnly pageTitle="Sign up">
      <SignUpForm />
    </LocalIdentityOnly>
  );
}

/** Links to both waitlist pages, carrying the email along so it is typed once. */
function WaitlistLinks({ email }: { email?: string }) {
  const query = email && !validateEmail(email) ? `?email=${encodeURIComponent(email.trim())}` : '';
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

function SignUpForm() {
  const [searchParams] = useSearchParams();
  // An invitation's link carries the address it was sent to: `/sign-up?email=…`.
  const invitedEmail = searchParams.get('email')?.trim() ?? '';
  const [values, setValues] = useState<SignUpValues>(() => ({
    name: '',
    email: invitedEmail && !validateEmail(invitedEmail) ? invitedEmail : '',
    password: '',
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
    password: useRef<HTMLInputElement>(null),
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
    setTouched({ name: true, email: true, password: true });
    const firstInvalid = FIELDS.find((field) => found[field]);
    if (firstInvalid) return refs[firstInvalid].current?.focus();

    setPending(true);
    setFormError(null);
    const email = values.email.trim();
    try {
      await authRequest('/api/auth/sign-up/email', {
        method: 'POST',
        body: {
          name: values.name.trim(),
          email,
          password: values.password,
          callbackURL: '/account',
        },
      });
      await navigate(`/check-your-email?email=${encodeURIComponent(email)}`);
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'SIGN_UP_NOT_APPROVED') {
        setFormError({ kind: 'not-approved', message: error.message, email });
        setPending(false);
        return;
      }
      const placed = placeServerError(error);
      if (placed.field) {
        setErrors((current) => ({ ...current, [placed.field as string]: placed.message }));
        refs[placed.field].current?.focus();
      } else {
        setFormError({
          kind: 'message',
          title: placed.title ?? 'Signing up failed',
          message: placed.message,
        });
      }
      setPending(false);
    }
  }

  return (
    <AuthShell
      title="Create your account"
      pageTitle="Sign up"
      lead={
        waitlistMode ? (
          <>
            <p>
              Sign-up needs an approved email address: use the one your invitation was sent to. Your
              account has its role, coach or client, as soon as you confirm the address.
            </p>
            <p className="mt-2">
              Not invited yet? Join the waitlist <WaitlistLinks email={values.email} />.
            </p>
          </>
        ) : (
          'After you confirm your email address, an admin approves your account and gives it its role.'
        )
      }
      footer={
        <>
          Already have an account?{' '}
          <Link
            to="/sign-in"
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            Sign in
          </Link>
        </>
      }
    >
      <form noValidate onSubmit={handleSubmit} className="space-y-5" aria-label="Sign up">
        {formError?.kind === 'message' && (
          <Alert tone="danger" title={formError.title}>
            <p>{formError.message}</p>
          </Alert>
        )}
        {formError?.kind === 'not-approved' && (
          <Alert tone="warning" title="Sign-up needs an approved email">
            <p>{formError.message}</p>
            <p className="mt-2">
              Join the waitlist <WaitlistLinks email={formError.email} />, and sign up once your
              invitation arrives.
            </p>
          </Alert>
        )}
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
        <TextField
          label="Email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          required
          value={values.email}
          onChange={(event) => update('email', event.target.value)}
          onBlur={() => leave('email')}
          error={errors.email}
          inputRef={refs.email}
        />
        <PasswordField
          label="Password"
          name="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          value={values.password}
          onChange={(event) => update('password', event.target.value)}
          onBlur={() => leave('password')}
          error={errors.password}
          hint={errors.password ? undefined : `At least ${PASSWORD_MIN_LENGTH} characters.`}
          inputRef={refs.password}
        />
        <Button
          type="submit"
          className="w-full"
          pending={pending}
          pendingLabel="Creating your account…"
        >
          Create account
        </Button>
      </form>
    </AuthShell>
  );
}
