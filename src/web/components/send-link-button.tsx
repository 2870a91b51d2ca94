import { type ReactNode, useEffect, useState } from 'react';
import { usePasswordLinkRequest } from '../hooks/use-password-link-request.ts';
import { formatWait, type SendLinkProblem } from '../lib/auth-errors.ts';
import { RESEND_COOLDOWN_SECONDS } from '../lib/password-links.ts';
import { Alert } from './alert.tsx';
import { Button, type ButtonSize, type ButtonVariant, Spinner } from './button.tsx';

/**
 * Mails the "choose your password" link (again) to one address. After sending, and after a 429
 * for as long as the server asked, the button waits before it can send once more; it stays
 * focusable meanwhile (`aria-disabled`), so keyboard focus is never lost. What happened is said in
 * a polite live region; a failure is announced at once.
 */
export function SendLinkButton({
  email,
  label = 'Send the link again',
  variant = 'secondary',
  size = 'sm',
  sentMessage,
  justSent = false,
  className = '',
}: {
  email: string;
  label?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  sentMessage?: ReactNode;
  /** A link went out a moment ago (the page was reached by asking for it): wait before another. */
  justSent?: boolean;
  className?: string;
}) {
  const { send: request, cooldown } = usePasswordLinkRequest();
  const { start } = cooldown;
  useEffect(() => {
    if (justSent) start(RESEND_COOLDOWN_SECONDS);
  }, [justSent, start]);
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'sending' }
    | { kind: 'sent' }
    | { kind: 'failed'; problem: SendLinkProblem }
  >({ kind: 'idle' });
  const busy = state.kind === 'sending' || cooldown.remaining > 0;

  async function send() {
    if (busy) return;
    setState({ kind: 'sending' });
    const problem = await request(email);
    if (problem) return setState({ kind: 'failed', problem });
    setState({ kind: 'sent' });
    cooldown.start(RESEND_COOLDOWN_SECONDS);
  }

  return (
    <div className={className}>
      <Button
        variant={variant}
        size={size}
        aria-disabled={busy || undefined}
        aria-busy={state.kind === 'sending' || undefined}
        onClick={() => void send()}
      >
        {state.kind === 'sending' ? (
          <>
            <Spinner />
            Sending…
          </>
        ) : (
          label
        )}
      </Button>
      {cooldown.remaining > 0 && (
        <p className="mt-2 text-sm text-muted-foreground">
          You can ask for another link in {formatWait(cooldown.remaining)}.
        </p>
      )}
      <div role="status">
        {state.kind === 'sent' && (
          <Alert tone="success" live={false} className="mt-3">
            <p>
              {sentMessage ?? (
                <>
                  Sent. If an account uses <span className="break-all">{email}</span>, a new link is
                  on its way.
                </>
              )}
            </p>
          </Alert>
        )}
      </div>
      {state.kind === 'failed' && (
        <Alert tone="danger" title={state.problem.title} className="mt-3">
          <p>{state.problem.message}</p>
        </Alert>
      )}
    </div>
  );
}
