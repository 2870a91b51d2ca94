import { authRequest } from './api-client.ts';
import { setPasswordRedirect } from './password-links.ts';
import type { SignUpValues } from './sign-up-validation.ts';

/**
 * The embedded identity provider's calls for signing up, signing in and choosing a password. Each
 * throws `ApiRequestError` when refused (`auth-errors.ts` says what to tell the person).
 */

/** `200 { status: "check_your_email" }` for any valid input, whatever the address. */
export type SignUpReceipt = { status: 'check_your_email'; message: string };

/** Name and email only: the password is chosen after the mailed link proves the mailbox. */
export function signUp(values: SignUpValues): Promise<SignUpReceipt> {
  return authRequest<SignUpReceipt>('/api/auth/sign-up/email', {
    method: 'POST',
    body: { name: values.name.trim(), email: values.email.trim() },
  });
}

/**
 * Mails a link to choose a password: a reset link for an account with a confirmed address, the
 * "confirm your email and choose your password" link for one not confirmed yet (so it is also
 * "send the link again" after signing up). The same answer for every address.
 */
export function requestPasswordLink(email: string): Promise<{ status: boolean; message?: string }> {
  const address = email.trim();
  return authRequest('/api/auth/request-password-reset', {
    method: 'POST',
    body: { email: address, redirectTo: setPasswordRedirect(address) },
  });
}

/**
 * Sets the password with the link's token. Ends every session of the account and, for an address
 * not confirmed yet, confirms it.
 */
export function resetPassword(token: string, newPassword: string): Promise<{ status: boolean }> {
  return authRequest('/api/auth/reset-password', {
    method: 'POST',
    body: { token, newPassword },
  });
}

/** Starts a cookie session (the caller then reads the user again: `reloadSession`). */
export function signInWithPassword(email: string, password: string): Promise<unknown> {
  return authRequest('/api/auth/sign-in/email', {
    method: 'POST',
    body: { email: email.trim(), password },
  });
}
