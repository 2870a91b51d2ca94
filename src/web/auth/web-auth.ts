/**
 * The web app's sign-in, whichever identity provider the deployment uses (issue 15). Pages, hooks
 * and the API client go through this and never through a provider's own API, so that the embedded
 * provider and Clerk are interchangeable. Who is signed in, and their organizations, are read from
 * Arete's API with the token this gives (`/api/v1/users/me`, `/api/v1/tenants/me/…`), the same in
 * both modes.
 */
export type WebAuth = {
  readonly provider: 'local' | 'clerk';
  /**
   * A short-lived token for `/api/v1` (`Authorization: Bearer`), or `null` when nobody is signed
   * in. `renew` asks for a new one even if the one held is still good (its claims are stale).
   */
  getToken(options?: { renew?: boolean }): Promise<string | null>;
  /** After the session changed (signed in, switched organization): the next call asks anew. */
  forgetToken(): void;
  /** The organization the next tokens name (their `o` claim); `null` for none. */
  switchOrganization(organizationId: string | null): Promise<void>;
  /** Ends the session with the provider; throws `ApiRequestError` when it refuses. */
  signOut(): Promise<void>;
};

let installed: WebAuth | null = null;

/** Called once, when the app starts, with the provider the deployment's configuration names. */
export function installWebAuth(auth: WebAuth): void {
  installed = auth;
}

export function webAuth(): WebAuth {
  if (!installed) throw new Error('No sign-in is installed: mountApp installs one first.');
  return installed;
}
