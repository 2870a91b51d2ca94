// Clerk's side of `WebAuth`: a thin layer over the Clerk instance that `ClerkProvider` loads
// (clerk-root.tsx). Clerk keeps the session and caches its tokens (they live a minute and it renews
// them in the background), so this holds nothing but "ask anew next time". Free of Clerk's own
// modules, so it is tested against a fake (clerk-auth.test.ts).
import { ApiRequestError } from '../lib/api-client.ts';
import type { WebAuth } from './web-auth.ts';

/** What of the Clerk instance (clerk-js, through `useClerk()`) this uses. */
export type ClerkLike = {
  readonly session:
    | { getToken(options?: { skipCache?: boolean }): Promise<string | null> }
    | null
    | undefined;
  setActive(params: { organization: string | null }): Promise<void>;
  signOut(): Promise<void>;
};

/** Clerk's errors carry `errors: [{ code, message, long_message }]`; a network failure does not. */
function fromClerkError(error: unknown, action: string): ApiRequestError {
  if (error instanceof ApiRequestError) return error;
  const first = (error as { errors?: { code?: unknown; long_message?: unknown }[] } | null)
    ?.errors?.[0];
  const status = (error as { status?: unknown } | null)?.status;
  return new ApiRequestError({
    status: typeof status === 'number' ? status : 0,
    code: typeof first?.code === 'string' ? first.code : 'clerk_error',
    // Clerk's own wording stays out of the page (it may name fields this app does not show).
    message: `${action} did not work. Check your connection and try again.`,
  });
}

/**
 * `clerk()` resolves once Clerk has loaded (its client and session are known), so a token asked
 * for while the page starts waits for that instead of answering "signed out" too early.
 */
export function createClerkWebAuth(clerk: () => Promise<ClerkLike>): WebAuth {
  // After the session changed (organization switched, role changed): skip Clerk's token cache once.
  let renewNext = false;

  async function getToken(options: { renew?: boolean } = {}): Promise<string | null> {
    const instance = await clerk();
    const session = instance.session;
    if (!session) return null;
    const skipCache = options.renew === true || renewNext;
    renewNext = false;
    try {
      return await session.getToken(skipCache ? { skipCache: true } : undefined);
    } catch (error) {
      throw fromClerkError(error, 'Reading your session');
    }
  }

  return {
    provider: 'clerk',
    getToken,
    forgetToken() {
      renewNext = true;
    },
    async switchOrganization(organizationId) {
      const instance = await clerk();
      try {
        await instance.setActive({ organization: organizationId });
      } catch (error) {
        throw fromClerkError(error, 'Switching organization');
      }
      renewNext = true;
    },
    async signOut() {
      const instance = await clerk();
      try {
        await instance.signOut();
      } catch (error) {
        throw fromClerkError(error, 'Signing out');
      }
      renewNext = false;
    },
  };
}
