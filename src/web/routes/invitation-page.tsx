import { Building2 } from 'lucide-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ReceivedInvitation } from '../../contract/tenants.ts';
import type { Me } from '../../contract/users.ts';
import { Alert } from '../components/alert.tsx';
import { AuthShell } from '../components/auth-shell.tsx';
import { Button, buttonClasses } from '../components/button.tsx';
import { linkClass } from '../components/link-classes.ts';
import { LoadingState } from '../components/page-state.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { useToast } from '../components/toast.tsx';
import { useEmailParam } from '../hooks/use-email-param.ts';
import { useAnswerInvitation, useReceivedInvitation } from '../hooks/use-organizations.ts';
import { useSession, useSignOut } from '../hooks/use-session.ts';
import { ApiRequestError } from '../lib/api-client.ts';
import type { FormProblem } from '../lib/auth-errors.ts';
import { KIND_LABELS, ORGANIZATION_ROLE_LABELS, organizationPath } from '../lib/organizations.ts';
import { isRetryable, plainApiError } from '../lib/plain-errors.ts';
import { displayName, ROLE_AREAS } from '../lib/roles.ts';

const PAGE_TITLE = 'Invitation';

/**
 * Where an organization invitation's mail leads (`/invitations/{id}?email=…`). A visitor signs in
 * (or signs up) with the address it was sent to and comes back here; the person it names sees the
 * organization and the role, and accepts or declines. Anyone else is told it is not theirs.
 */
export function InvitationPage() {
  const { invitationId = '' } = useParams();
  const session = useSession();
  if (session.status === 'loading') {
    return (
      <div className="mx-auto w-full max-w-md px-4">
        <title>{`${PAGE_TITLE} · Arete`}</title>
        <LoadingState label="Loading the invitation…" />
      </div>
    );
  }
  if (session.status !== 'signed-in') return <SignInFirst invitationId={invitationId} />;
  return <Invitation invitationId={invitationId} user={session.user} />;
}

function SignInFirst({ invitationId }: { invitationId: string }) {
  const email = useEmailParam();
  const here = `/invitations/${encodeURIComponent(invitationId)}`;
  const withEmail = email ? `&email=${encodeURIComponent(email)}` : '';
  return (
    <AuthShell
      title="You are invited to an organization"
      pageTitle={PAGE_TITLE}
      lead={
        <p>
          Sign in with{' '}
          {email ? <strong className="break-all text-foreground">{email}</strong> : 'the address'}{' '}
          the invitation was sent to, to see it and accept or decline it.
        </p>
      }
      footer={
        <p>
          New to Arete?{' '}
          <Link
            to={`/sign-up${email ? `?email=${encodeURIComponent(email)}` : ''}`}
            className={linkClass}
          >
            Create an account
          </Link>
          , then open the invitation’s link again.
        </p>
      }
    >
      <Link
        to={`/sign-in?next=${encodeURIComponent(here)}${withEmail}`}
        className={`w-full ${buttonClasses('primary')}`}
      >
        Sign in to answer
      </Link>
    </AuthShell>
  );
}

function Invitation({ invitationId, user }: { invitationId: string; user: Me }) {
  const invitation = useReceivedInvitation(invitationId, true);
  if (invitation.isPending) {
    return (
      <div className="mx-auto w-full max-w-md px-4">
        <title>{`${PAGE_TITLE} · Arete`}</title>
        <LoadingState label="Loading the invitation…" />
      </div>
    );
  }
  if (invitation.error) {
    const notYours = invitation.error instanceof ApiRequestError && invitation.error.status === 404;
    return notYours ? (
      <NotYours invitationId={invitationId} user={user} />
    ) : (
      <AuthShell title="The invitation could not be loaded" pageTitle={PAGE_TITLE}>
        <Alert tone="danger">
          <p>{plainApiError(invitation.error)}</p>
        </Alert>
        {isRetryable(invitation.error) && (
          <Button variant="secondary" className="mt-4" onClick={() => void invitation.refetch()}>
            Try again
          </Button>
        )}
      </AuthShell>
    );
  }
  return <Answer invitation={invitation.data} user={user} />;
}

/** Someone else's invitation, or one that is gone: the same words, so nothing is given away. */
function NotYours({ invitationId, user }: { invitationId: string; user: Me }) {
  const signOut = useSignOut();
  const navigate = useNavigate();
  const email = useEmailParam();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<FormProblem | null>(null);
  const here = `/invitations/${encodeURIComponent(invitationId)}`;

  async function switchAccount() {
    setPending(true);
    setError(null);
    try {
      await signOut();
      await navigate(
        `/sign-in?next=${encodeURIComponent(here)}${email ? `&email=${encodeURIComponent(email)}` : ''}`,
      );
    } catch (caught) {
      setPending(false);
      setError({ title: 'Signing out failed', message: plainApiError(caught as Error) });
    }
  }

  return (
    <AuthShell
      title="This invitation is not for this account"
      pageTitle={PAGE_TITLE}
      lead={
        <p>
          You are signed in as {displayName(user)} (<span className="break-all">{user.email}</span>
          ). An invitation shows only to the account of the address it was sent to
          {email ? <span className="break-all"> ({email})</span> : ''}, and not once it was
          withdrawn.
        </p>
      }
    >
      <ProblemAlert problem={error} />
      <div className="mt-4 flex flex-col gap-3">
        <Button onClick={() => void switchAccount()} pending={pending} pendingLabel="Signing out…">
          Sign in with another account
        </Button>
        <Link to={ROLE_AREAS[user.role].path} className={buttonClasses('secondary')}>
          Go to your {ROLE_AREAS[user.role].label.toLowerCase()}
        </Link>
      </div>
    </AuthShell>
  );
}

function Answer({ invitation, user }: { invitation: ReceivedInvitation; user: Me }) {
  const answer = useAnswerInvitation(invitation.id);
  const navigate = useNavigate();
  const toast = useToast();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [declined, setDeclined] = useState(false);
  const organization = invitation.organization;
  const orgPath = organizationPath(organization.identityOrgId);
  const area = ROLE_AREAS[user.role];
  const isCoachInvitation = organization.kind === 'coach_practice' && user.role === 'client';

  function respond(choice: 'accept' | 'decline') {
    setProblem(null);
    answer.mutate(choice, {
      onSuccess: (result) => {
        if (result.answer === 'accept' && isCoachInvitation) {
          // A coach's invitation: joining the practice starts the coaching, shown on that page.
          toast({ tone: 'success', title: `You are connected with ${result.tenant.name}` });
          void navigate('/member/coaching');
        } else if (result.answer === 'accept') {
          toast({ tone: 'success', title: `You joined ${result.tenant.name}` });
          void navigate(
            organizationPath(result.tenant.identityOrgId ?? organization.identityOrgId),
          );
        } else {
          setDeclined(true);
        }
      },
      onError: (error) =>
        setProblem({
          title: choice === 'accept' ? 'You did not join' : 'The invitation was not declined',
          message: plainApiError(error),
        }),
    });
  }

  const details = (
    <dl className="grid grid-cols-[6rem_1fr] gap-x-4 gap-y-2 rounded-xl border border-border bg-surface-muted p-4 text-sm">
      <dt className="text-muted-foreground">Organization</dt>
      <dd className="flex min-w-0 items-center gap-1.5 font-medium break-words text-foreground">
        <Building2 aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
        {organization.name}
      </dd>
      {organization.kind && (
        <>
          <dt className="text-muted-foreground">Kind</dt>
          <dd className="text-foreground">{KIND_LABELS[organization.kind]}</dd>
        </>
      )}
      <dt className="text-muted-foreground">Your role</dt>
      <dd className="text-foreground">{ORGANIZATION_ROLE_LABELS[invitation.role]}</dd>
      <dt className="text-muted-foreground">For</dt>
      <dd className="break-all text-foreground">{invitation.email}</dd>
      <dt className="text-muted-foreground">Expires</dt>
      <dd className="text-foreground">
        <time dateTime={invitation.expiresAt}>
          {new Date(invitation.expiresAt).toLocaleDateString(undefined, { dateStyle: 'long' })}
        </time>
      </dd>
    </dl>
  );

  if (declined) {
    return (
      <AuthShell title="You declined the invitation" pageTitle={PAGE_TITLE}>
        <p className="leading-relaxed text-muted-foreground">
          {organization.name} will not see you as a member. If you change your mind, ask them to
          invite you again.
        </p>
        <Link to={area.path} className={`mt-6 w-full ${buttonClasses('primary')}`}>
          Go to your {area.label.toLowerCase()}
        </Link>
      </AuthShell>
    );
  }

  if (invitation.status !== 'pending') {
    const accepted = invitation.status === 'accepted';
    return (
      <AuthShell
        title={
          accepted
            ? `You are a member of ${organization.name}`
            : invitation.status === 'expired'
              ? 'This invitation has expired'
              : 'This invitation was withdrawn'
        }
        pageTitle={PAGE_TITLE}
      >
        {details}
        <p className="mt-4 leading-relaxed text-muted-foreground">
          {accepted
            ? 'You accepted this invitation already.'
            : 'It can no longer be accepted. Ask the organization to invite you again.'}
        </p>
        <Link
          to={accepted ? orgPath : area.path}
          className={`mt-6 w-full ${buttonClasses('primary')}`}
        >
          {accepted ? `Open ${organization.name}` : `Go to your ${area.label.toLowerCase()}`}
        </Link>
      </AuthShell>
    );
  }

  const embedded = invitation.acceptance === 'embedded';
  return (
    <AuthShell
      title={`Join ${organization.name}`}
      pageTitle={PAGE_TITLE}
      lead={<p>You are invited to join this organization on Arete.</p>}
    >
      {details}
      {!embedded && (
        <Alert tone="info" className="mt-4" live={false}>
          <p>Accept it with the link in the invitation mail; you can decline it here.</p>
        </Alert>
      )}
      <div className="mt-4">
        <ProblemAlert problem={problem} />
      </div>
      <div className="mt-6 flex flex-col gap-3 sm:flex-row-reverse">
        {embedded && (
          <Button
            className="sm:flex-1"
            onClick={() => respond('accept')}
            pending={answer.isPending && answer.variables === 'accept'}
            disabled={answer.isPending}
            pendingLabel="Joining…"
          >
            Accept and join
          </Button>
        )}
        <Button
          variant="secondary"
          className="sm:flex-1"
          onClick={() => respond('decline')}
          pending={answer.isPending && answer.variables === 'decline'}
          disabled={answer.isPending}
          pendingLabel="Declining…"
        >
          Decline
        </Button>
      </div>
    </AuthShell>
  );
}
