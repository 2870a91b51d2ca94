import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../components/alert.tsx';
import { AuthShell, LocalIdentityOnly } from '../components/auth-shell.tsx';
import { Button } from '../components/button.tsx';
import { useClientConfig } from '../hooks/use-client-config.ts';
import { ApiRequestError, authRequest } from '../lib/api-client.ts';
import { validateEmail } from '../lib/sign-up-validation.ts';

export function CheckYourEmailPage() {
  return (
    <LocalIdentityOnly pageTitle="Check your email">
      <CheckYourEmail />
    </LocalIdentityOnly>
  );
}

function CheckYourEmail() {
  const [searchParams] = useSearchParams();
  const config = useClientConfig();
  const raw = searchParams.get('email')?.trim() ?? '';
  const email = raw && !validateEmail(raw) ? raw : null;
  const outbox = config.data?.mailTransport === 'outbox';

  return (
    <AuthShell
      title="Check your email"
      pageTitle="Check your email"
      footer={
        <>
          Verified already?{' '}
          <Link
            to="/sign-in"
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            Sign in
          </Link>
        </>
      }
    >
      <div className="space-y-4 leading-relaxed text-muted-foreground">
        <p>
          We mailed a link to{' '}
          {email ? (
            <strong className="font-medium text-foreground">{email}</strong>
          ) : (
            'your address'
          )}
          . Open it to verify your email address: it signs you in and takes you to your account.
        </p>
        {config.data?.signUpMode === 'waitlist' ? (
          <p>
            Your account then has the role an admin approved your address with, coach or client, and
            a short guide shows you where to start.
          </p>
        ) : (
          <p>
            Your account then waits for an admin to approve it and give it its role (coach or
            client).
          </p>
        )}
        {outbox && (
          <Alert tone="info" title="This server keeps mail in its outbox" live={false}>
            <p>
              No mail server is configured here, so mail is not sent: the server keeps it in its
              outbox and prints the links to its log. An admin can read it at{' '}
              <Link
                to="/admin/outbox"
                className="font-mono text-primary underline underline-offset-4"
              >
                /admin/outbox
              </Link>
              .
            </p>
          </Alert>
        )}
        {email && <ResendLink email={email} />}
      </div>
    </AuthShell>
  );
}

function ResendLink({ email }: { email: string }) {
  const [state, setState] = useState<
    { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent' } | { kind: 'failed'; message: string }
  >({ kind: 'idle' });

  async function resend() {
    setState({ kind: 'sending' });
    try {
      await authRequest('/api/auth/send-verification-email', {
        method: 'POST',
        body: { email, callbackURL: '/account' },
      });
      setState({ kind: 'sent' });
    } catch (error) {
      const message =
        error instanceof ApiRequestError && error.status === 429
          ? 'A link was sent moments ago. Wait a minute before asking for another.'
          : error instanceof ApiRequestError
            ? error.message
            : 'Try again in a moment.';
      setState({ kind: 'failed', message });
    }
  }

  return (
    <div className="border-t border-border pt-4">
      <p className="text-sm">No mail after a few minutes? Look in your spam folder, or:</p>
      <Button
        variant="secondary"
        size="sm"
        className="mt-3"
        onClick={resend}
        pending={state.kind === 'sending'}
        pendingLabel="Sending…"
      >
        Send the link again
      </Button>
      {state.kind === 'sent' && (
        <Alert tone="success" className="mt-3">
          <p>If an unverified account uses {email}, a new link is on its way.</p>
        </Alert>
      )}
      {state.kind === 'failed' && (
        <Alert tone="danger" className="mt-3">
          <p>{state.message}</p>
        </Alert>
      )}
    </div>
  );
}
