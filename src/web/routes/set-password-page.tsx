import { type FormEvent, type Ref, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../components/alert.tsx';
import { AuthFooterLink } from '../components/auth-footer-link.tsx';
import { AuthShell } from '../components/auth-shell.tsx';
import { Button, buttonClasses } from '../components/button.tsx';
import { EmailField } from '../components/email-field.tsx';
import { PasswordField } from '../components/form-field.tsx';
import { LabelledForm } from '../components/labelled-form.tsx';
import { linkClass } from '../components/link-classes.ts';
import { localIdentityPage } from '../components/local-identity-page.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { SendLinkButton } from '../components/send-link-button.tsx';
import { useSignIn } from '../hooks/use-sign-in.ts';
import { ApiRequestError } from '../lib/api-client.ts';
import { type FormProblem, resetPasswordProblem, signInProblem } from '../lib/auth-errors.ts';
import { resetPassword } from '../lib/auth-requests.ts';
import { shouldOfferOnboarding } from '../lib/onboarding.ts';
import {
  forgotPasswordPath,
  markPasswordChosen,
  pathAfterPasswordSet,
  readSetPasswordLink,
} from '../lib/password-links.ts';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  validateEmail,
  validateNewPassword,
} from '../lib/sign-up-validation.ts';

export const SetPasswordPage = localIdentityPage('Choose your password', SetPassword);

type Stage =
  | { kind: 'form' }
  /** The link's token expired or was used (said by the link, or by the server on saving). */
  | { kind: 'link-problem'; reason: 'used-or-expired' | 'incomplete' }
  /** Saved, but signing in with it did not work: say so, and how to go on. */
  | { kind: 'saved'; problem: FormProblem };

/**
 * Where the mailed link leads, for a new account (the link proved the mailbox; now the password)
 * and for a forgotten password alike: `/set-password?email=…&token=…`, or `…&error=INVALID_TOKEN`.
 * Saving the password ends every session of the account, then this page signs in with it and
 * goes on as a sign-in does.
 */
function SetPassword() {
  const [searchParams] = useSearchParams();
  const [link] = useState(() => readSetPasswordLink(searchParams));
  const [stage, setStage] = useState<Stage>(() =>
    link.problem ? { kind: 'link-problem', reason: link.problem } : { kind: 'form' },
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  const changedInPlace = useRef(false);

  // When the page changes in place (the server said the link is used), focus goes to its title.
  useEffect(() => {
    if (changedInPlace.current && stage.kind !== 'form') headingRef.current?.focus();
  }, [stage.kind]);

  function moveTo(next: Stage) {
    changedInPlace.current = true;
    setStage(next);
  }

  if (stage.kind === 'link-problem') {
    return <LinkProblem reason={stage.reason} email={link.email} headingRef={headingRef} />;
  }
  if (stage.kind === 'saved') {
    return (
      <AuthShell title="Your password is saved" pageTitle="Password saved" headingRef={headingRef}>
        <Alert tone="warning" title={stage.problem.title}>
          <p>{stage.problem.message}</p>
        </Alert>
        <Link to="/sign-in" className={`mt-6 w-full ${buttonClasses('primary')}`}>
          Go to sign in
        </Link>
      </AuthShell>
    );
  }
  return (
    <PasswordForm
      email={link.email}
      token={link.token ?? ''}
      onLinkUsed={() => moveTo({ kind: 'link-problem', reason: 'used-or-expired' })}
      onSavedButNotSignedIn={(problem) => moveTo({ kind: 'saved', problem })}
    />
  );
}

function PasswordForm({
  email: linkEmail,
  token,
  onLinkUsed,
  onSavedButNotSignedIn,
}: {
  email: string | null;
  token: string;
  onLinkUsed: () => void;
  onSavedButNotSignedIn: (problem: FormProblem) => void;
}) {
  // The link carries the address; should it not, it is asked for (signing in needs it).
  const [email, setEmail] = useState(linkEmail ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string | undefined; password?: string }>({});
  const [checkAsTyped, setCheckAsTyped] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [stage, setStage] = useState<'idle' | 'saving' | 'signing-in'>('idle');
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const signIn = useSignIn();
  const navigate = useNavigate();

  function changePassword(value: string) {
    setPassword(value);
    if (checkAsTyped)
      setErrors((current) => ({ ...current, password: validateNewPassword(value) }));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = {
      email: linkEmail ? undefined : validateEmail(email),
      password: validateNewPassword(password),
    };
    setErrors(found);
    setCheckAsTyped(true);
    if (found.email) return emailRef.current?.focus();
    if (found.password) return passwordRef.current?.focus();

    setProblem(null);
    setStage('saving');
    try {
      await resetPassword(token, password);
    } catch (error) {
      setStage('idle');
      const refused = resetPasswordProblem(error);
      if (refused.kind === 'invalid-link') return onLinkUsed();
      if (refused.kind === 'password') {
        setErrors({ password: refused.message });
        return passwordRef.current?.focus();
      }
      return setProblem({ title: refused.title, message: refused.message });
    }

    // Saved: every session of the account has ended. Sign in with the new password.
    setStage('signing-in');
    try {
      const me = await signIn(email, password);
      markPasswordChosen(me.id);
      await navigate(
        pathAfterPasswordSet(me.role, { offerOnboarding: shouldOfferOnboarding(me) }),
        { replace: true },
      );
    } catch (error) {
      const refused = signInProblem(error);
      onSavedButNotSignedIn(
        error instanceof ApiRequestError && error.code === 'no_session'
          ? {
              title: 'This browser did not keep the session',
              message: 'Allow cookies for this site, then sign in with your new password.',
            }
          : refused.kind === 'message'
            ? {
                title: 'You are not signed in yet',
                message: `${refused.message} Sign in with your new password.`,
              }
            : {
                title: 'You are not signed in yet',
                message: 'Sign in with your new password.',
              },
      );
    }
  }

  return (
    <AuthShell
      title="Choose your password"
      pageTitle="Choose your password"
      lead={
        linkEmail ? (
          <p>
            For <strong className="break-all font-medium text-foreground">{linkEmail}</strong>. Then
            you are signed in; any other session of this account is signed out.
          </p>
        ) : (
          <p>Then you are signed in; any other session of this account is signed out.</p>
        )
      }
    >
      <LabelledForm label="Choose your password" onSubmit={handleSubmit}>
        <ProblemAlert problem={problem} />
        {linkEmail ? (
          // For password managers: which account this password belongs to.
          <input
            type="email"
            name="email"
            autoComplete="username"
            value={linkEmail}
            readOnly
            hidden
          />
        ) : (
          <EmailField
            autoComplete="username"
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
              if (errors.email) {
                setErrors((current) => ({ ...current, email: validateEmail(event.target.value) }));
              }
            }}
            error={errors.email}
            hint={errors.email ? undefined : 'The address the link was sent to.'}
            inputRef={emailRef}
          />
        )}
        <PasswordField
          label="New password"
          name="new-password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={PASSWORD_MAX_LENGTH}
          value={password}
          onChange={(event) => changePassword(event.target.value)}
          error={errors.password}
          hint={
            errors.password
              ? undefined
              : `At least ${PASSWORD_MIN_LENGTH} characters. A few words you will remember make a good one.`
          }
          inputRef={passwordRef}
        />
        <Button
          type="submit"
          className="w-full"
          pending={stage !== 'idle'}
          pendingLabel={stage === 'signing-in' ? 'Signing you in…' : 'Saving your password…'}
        >
          Save and sign in
        </Button>
      </LabelledForm>
    </AuthShell>
  );
}

function LinkProblem({
  reason,
  email,
  headingRef,
}: {
  reason: 'used-or-expired' | 'incomplete';
  email: string | null;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  return (
    <AuthShell
      title={
        reason === 'incomplete'
          ? 'This link is not complete'
          : 'This link has expired or was already used'
      }
      pageTitle={reason === 'incomplete' ? 'Link not complete' : 'Link expired'}
      headingRef={headingRef}
      footer={
        <AuthFooterLink question="Have a password already?" to="/sign-in">
          Sign in
        </AuthFooterLink>
      }
    >
      <div className="space-y-4 leading-relaxed text-muted-foreground">
        <p>
          {reason === 'incomplete'
            ? 'Part of the link is missing, perhaps cut off when it was copied. Open it from the mail again, or get a new one.'
            : 'Each link works once: a link to reset a password for one hour, the link sent at sign-up for 24 hours. Get a new one and use the newest mail.'}
        </p>
        {email ? (
          <>
            <SendLinkButton
              email={email}
              label="Get a new link"
              variant="primary"
              size="md"
              sentMessage={
                <>
                  Sent. If an account uses <span className="break-all">{email}</span>, a new link is
                  on its way: open the newest mail.
                </>
              }
            />
            <p className="text-sm">
              Not your address?{' '}
              <Link to={forgotPasswordPath()} className={linkClass}>
                Use another one
              </Link>
              .
            </p>
          </>
        ) : (
          <Link to={forgotPasswordPath()} className={buttonClasses('primary')}>
            Get a new link
          </Link>
        )}
      </div>
    </AuthShell>
  );
}
