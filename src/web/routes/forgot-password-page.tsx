import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../components/alert.tsx';
import { AuthShell, LocalIdentityOnly } from '../components/auth-shell.tsx';
import { Button } from '../components/button.tsx';
import { TextField } from '../components/form-field.tsx';
import { SendLinkButton } from '../components/send-link-button.tsx';
import { useClientConfig } from '../hooks/use-client-config.ts';
import { useCooldown } from '../hooks/use-cooldown.ts';
import { useFocusWhen } from '../hooks/use-focus-when.ts';
import { type FormProblem, formatWait, sendLinkProblem } from '../lib/auth-errors.ts';
import { requestPasswordLink } from '../lib/auth-requests.ts';
import { emailOrNull, validateEmail } from '../lib/sign-up-validation.ts';

const linkClass = 'font-medium text-primary underline underline-offset-4';

export function ForgotPasswordPage() {
  return (
    <LocalIdentityOnly pageTitle="Forgot your password?">
      <ForgotPassword />
    </LocalIdentityOnly>
  );
}

/**
 * Asks for a link to choose a new password. The answer, and so this page, is the same whatever
 * the address: it never tells whether an account uses it.
 */
function ForgotPassword() {
  const [searchParams] = useSearchParams();
  const [email, setEmail] = useState(() => emailOrNull(searchParams.get('email')) ?? '');
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const problemRef = useFocusWhen<HTMLDivElement>(problem);
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const cooldown = useCooldown();
  const emailRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const invalid = validateEmail(email);
    setError(invalid);
    if (invalid) return emailRef.current?.focus();
    if (cooldown.remaining > 0) return;

    setPending(true);
    setProblem(null);
    try {
      await requestPasswordLink(email);
      setSentTo(email.trim());
    } catch (caught) {
      const found = sendLinkProblem(caught);
      if (found.field === 'email') {
        setError(found.message);
        emailRef.current?.focus();
      } else {
        setProblem({ title: found.title, message: found.message });
      }
      if (found.retryAfterSeconds !== undefined) cooldown.start(found.retryAfterSeconds);
    } finally {
      setPending(false);
    }
  }

  if (sentTo) {
    return (
      <LinkSent
        email={sentTo}
        onOtherAddress={() => {
          setSentTo(null);
          setEmail('');
        }}
      />
    );
  }

  return (
    <AuthShell
      title="Forgot your password?"
      pageTitle="Forgot your password?"
      lead="Enter the email address of your account. We mail you a link to choose a new password."
      footer={
        <>
          Remembered it?{' '}
          <Link
            to="/sign-in"
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            Sign in
          </Link>
        </>
      }
    >
      <form
        noValidate
        onSubmit={handleSubmit}
        className="space-y-5"
        aria-label="Ask for a new password link"
      >
        {problem && (
          <div ref={problemRef} tabIndex={-1} className="outline-none">
            <Alert tone="danger" title={problem.title}>
              <p>{problem.message}</p>
            </Alert>
          </div>
        )}
        <TextField
          label="Email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => {
            setEmail(event.target.value);
            if (error) setError(validateEmail(event.target.value));
          }}
          error={error}
          inputRef={emailRef}
        />
        <Button
          type="submit"
          className="w-full aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
          pending={pending}
          pendingLabel="Sending…"
          aria-disabled={cooldown.remaining > 0 || undefined}
        >
          Send the link
        </Button>
        {cooldown.remaining > 0 && (
          <p className="text-sm text-muted-foreground">
            You can ask again in {formatWait(cooldown.remaining)}.
          </p>
        )}
      </form>
    </AuthShell>
  );
}

/** The same confirmation for every address; focus moves to it so it is read out at once. */
function LinkSent({ email, onOtherAddress }: { email: string; onOtherAddress: () => void }) {
  const config = useClientConfig();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <AuthShell title="Check your email" pageTitle="Check your email">
      <section aria-labelledby="link-sent-title" className="space-y-4 leading-relaxed">
        <h2
          id="link-sent-title"
          ref={headingRef}
          tabIndex={-1}
          className="text-lg font-semibold text-foreground outline-none"
        >
          If an account uses this address, a link is on its way
        </h2>
        <p className="text-muted-foreground">
          We mailed it to <strong className="break-all font-medium text-foreground">{email}</strong>
          . Open it to choose a new password; it works for one hour, once. Choosing a new password
          signs you out everywhere else.
        </p>
        <p className="text-muted-foreground">
          Signed up but never confirmed your address? Then the mail is the one to confirm it and
          choose your password.
        </p>
        {config.data?.mailTransport === 'outbox' && (
          <Alert tone="info" title="This server keeps mail in its outbox" live={false}>
            <p>
              No mail server is configured here: an admin can read the mail at{' '}
              <Link to="/admin/outbox" className="font-mono text-primary underline">
                /admin/outbox
              </Link>
              .
            </p>
          </Alert>
        )}
        <div className="border-t border-border pt-4 text-muted-foreground">
          <p className="text-sm">No mail after a few minutes? Look in your spam folder, or:</p>
          <SendLinkButton email={email} justSent className="mt-3" />
          <p className="mt-4 text-sm">
            <button type="button" onClick={onOtherAddress} className={linkClass}>
              Use another address
            </button>{' '}
            or{' '}
            <Link to="/sign-in" className={linkClass}>
              go back to sign in
            </Link>
            .
          </p>
        </div>
      </section>
    </AuthShell>
  );
}
