import { Link } from 'react-router';
import { Alert } from '../components/alert.tsx';
import { AuthFooterLink } from '../components/auth-footer-link.tsx';
import { AuthShell } from '../components/auth-shell.tsx';
import { linkClass } from '../components/link-classes.ts';
import { localIdentityPage } from '../components/local-identity-page.tsx';
import { SendLinkButton } from '../components/send-link-button.tsx';
import { useClientConfig } from '../hooks/use-client-config.ts';
import { useEmailParam } from '../hooks/use-email-param.ts';
import { forgotPasswordPath } from '../lib/password-links.ts';

export const CheckYourEmailPage = localIdentityPage('Check your email', CheckYourEmail);

/**
 * After signing up. The page says the same whatever the address (the server reveals nothing
 * either): the mail is what differs, so the page explains each kind of mail.
 */
function CheckYourEmail() {
  const config = useClientConfig();
  const email = useEmailParam();
  const outbox = config.data?.mailTransport === 'outbox';
  const waitlistMode = config.data?.signUpMode === 'waitlist';

  return (
    <AuthShell
      title="Check your email"
      pageTitle="Check your email"
      footer={
        <AuthFooterLink question="Chose your password already?" to="/sign-in">
          Sign in
        </AuthFooterLink>
      }
    >
      <div className="space-y-4 leading-relaxed text-muted-foreground">
        <p>
          We mailed a link to{' '}
          {email ? (
            <strong className="break-all font-medium text-foreground">{email}</strong>
          ) : (
            'your address'
          )}
          . Open it to confirm the address and choose your password: then you are signed in. The
          link works for 24 hours, once.
        </p>
        {waitlistMode ? (
          <p>
            Your account then has the role an admin approved your address with, coach or client, and
            a short guide shows you where to start. If the address is not approved yet, the mail
            says so instead, and how to join the waitlist.
          </p>
        ) : (
          <p>
            Your account then waits for an admin to approve it and give it its role (coach or
            client).
          </p>
        )}
        <p>
          If the address has an account already, the mail has links to sign in and to reset the
          password instead.
        </p>
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
        <div className="border-t border-border pt-4">
          <p className="text-sm">
            No mail after a few minutes? Look in your spam folder
            {email ? ', or ask for it again.' : '.'}
          </p>
          {email ? (
            <SendLinkButton email={email} justSent className="mt-3" />
          ) : (
            <p className="mt-3 text-sm">
              <Link to={forgotPasswordPath()} className={linkClass}>
                Ask for a new link
              </Link>
            </p>
          )}
        </div>
      </div>
    </AuthShell>
  );
}
