import { type SendLinkProblem, sendLinkProblem } from '../lib/auth-errors.ts';
import { requestPasswordLink } from '../lib/auth-requests.ts';
import { useCooldown } from './use-cooldown.ts';

/**
 * Mails a "choose your password" link; `send` answers what went wrong, or null. After a 429 the
 * cooldown runs for as long as the server asked, so the page does not ask again before then.
 */
export function usePasswordLinkRequest() {
  const cooldown = useCooldown();

  async function send(email: string): Promise<SendLinkProblem | null> {
    try {
      await requestPasswordLink(email);
      return null;
    } catch (error) {
      const problem = sendLinkProblem(error);
      if (problem.retryAfterSeconds !== undefined) cooldown.start(problem.retryAfterSeconds);
      return problem;
    }
  }

  return { send, cooldown };
}
