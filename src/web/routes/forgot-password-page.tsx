import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../components/alert.tsx';
import { AuthFooterLink } from '../components/auth-footer-link.tsx';
import { AuthShell } from '../components/auth-shell.tsx';
import { Button } from '../components/button.tsx';
import { EmailField } from '../components/email-field.tsx';
import { LabelledForm } from '../components/labelled-form.tsx';
import { linkClass } from '../components/link-classes.ts';
import { localIdentityPage } from '../components/local-identity-page.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { SendLinkButton } from '../components/send-link-button.tsx';
import { useClientConfig } from '../hooks/use-client-config.ts';
import { useEmailParam } from '../hooks/use-email-param.ts';
import { usePasswordLinkRequest } from '../hooks/use-password-link-request.ts';
import { type FormProblem, formatWait } from '../lib/auth-errors.ts';
import { validateEmail } from '../lib/sign-up-validation.ts';

export const ForgotPasswordPage = localIdentityPage('Forgot your password?', ForgotPassword);

/**
 * Asks for a link to choose a new password. The answer, and so this page, is the same whatever
 * the address: it never tells whether an account uses it.
 */
function ForgotPassword() {
  const emailParam = useEmailParam();
  const [email, setEmail] = useState(emailParam ?? '');
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { send, cooldown } = usePasswordLinkRequest();
  const emailRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const invalid = validateEmail(email);
    setError(invalid);
    if (invalid) return emailRef.current?.focus();
    if (cooldown.remaining > 0) return;

    setPending(true);
    setProblem(null);
    const found = await send(email);
    setPending(false);
    if (!found) {
      setSentTo(email.trim());
    } else if (found.field === 'email') {
      setError(found.message);
      emailRef.current?.focus();
    } else {
      setProblem({ title: found.title, message: found.message });
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
        <AuthFooterLink question="Remembered it?" to="/sign-in">
          Sign in
        </AuthFooterLink>
      }
    >
      <LabelledForm label="Ask for a new password link" onSubmit={handleSubmit}>
        <ProblemAlert problem={problem} />
        <EmailField
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
          className="w-full"
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
      </LabelledForm>
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
