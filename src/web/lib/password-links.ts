import type { Role } from '../../contract/users.ts';
import { ROLE_AREAS } from './roles.ts';
import { emailOrNull } from './sign-up-validation.ts';

/**
 * The mailed single-use link that leads to "choose your password", for a new account (after
 * sign-up: the link proves the mailbox, then the password is chosen) and for a forgotten password
 * alike. The server's link `/api/auth/reset-password/<token>?callbackURL=<path>` redirects to
 * `<path>&token=<token>`, or to `<path>&error=INVALID_TOKEN` when it expired or was used.
 */

export const SET_PASSWORD_PATH = '/set-password';
export const FORGOT_PASSWORD_PATH = '/forgot-password';
export const CHECK_YOUR_EMAIL_PATH = '/check-your-email';

/** After asking for a link, how long before the page offers to send another one. */
export const RESEND_COOLDOWN_SECONDS = 60;

/** Where the mailed link leads (`redirectTo` of request-password-reset): the page keeps the email. */
export function setPasswordRedirect(email: string): string {
  return `${SET_PASSWORD_PATH}?email=${encodeURIComponent(email.trim())}`;
}

/** A path with `?email=` when the address looks like one, so it is typed once. */
function withEmail(path: string, email: string | null | undefined): string {
  const address = emailOrNull(email);
  return address ? `${path}?email=${encodeURIComponent(address)}` : path;
}

export const forgotPasswordPath = (email?: string | null) => withEmail(FORGOT_PASSWORD_PATH, email);
export const checkYourEmailPath = (email?: string | null) =>
  withEmail(CHECK_YOUR_EMAIL_PATH, email);

export type SetPasswordLink = {
  /** The account's address, from the link (needed to sign in once the password is chosen). */
  email: string | null;
  token: string | null;
  /**
   * `used-or-expired`: the server said so (`error=INVALID_TOKEN`, or any error it may add).
   * `incomplete`: no token at all (a link cut short when copied).
   */
  problem: 'used-or-expired' | 'incomplete' | null;
};

/** Reads `/set-password?email=…&token=…` (or `…&error=INVALID_TOKEN`). */
export function readSetPasswordLink(params: URLSearchParams): SetPasswordLink {
  const email = emailOrNull(params.get('email'));
  const token = params.get('token')?.trim() || null;
  if (params.get('error')) return { email, token: null, problem: 'used-or-expired' };
  if (!token) return { email, token: null, problem: 'incomplete' };
  return { email, token, problem: null };
}

/** Where a fresh sign-in goes: the page asked for, else the area of the person's role. */
export function pathAfterSignIn(role: Role, next: string | null = null): string {
  return next ?? ROLE_AREAS[role].path;
}

/**
 * Where the set-password page goes once the password is chosen and the person signed in with it.
 * As after any sign-in, the area of their role, except:
 * - still `pending`: the account page, where a new account has always landed after confirming its
 *   address (it waits for a pre-assigned role to arrive, then offers the welcome guide);
 * - a coach or client who has not seen their welcome guide: the guide.
 */
export function pathAfterPasswordSet(role: Role, options: { offerOnboarding: boolean }): string {
  if (role === 'pending') return '/account';
  if (options.offerOnboarding) return '/onboarding';
  return pathAfterSignIn(role);
}

/** Whole seconds left until `until` (epoch ms), never negative. */
export function secondsLeft(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000));
}

/* ------------------------------------------------------------------------------------------ */
/* A role on its way                                                                           */
/* ------------------------------------------------------------------------------------------ */

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

export const passwordChosenKey = (userId: string) => `arete.password-chosen.${userId}`;

function sessionStorageOrNull(): KeyValueStorage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * Remembers (in this tab) when this user chose their password. Choosing it from the sign-up link
 * is what confirms a new address, and a pre-assigned role arrives a moment after that: the
 * session is read often until then, however long ago the account was created.
 */
export function markPasswordChosen(
  userId: string,
  storage: KeyValueStorage | null = sessionStorageOrNull(),
  now: number = Date.now(),
): void {
  try {
    storage?.setItem(passwordChosenKey(userId), String(now));
  } catch {
    // Full or refused: the session is then read at the usual pace.
  }
}

/** When this user chose their password in this tab (epoch ms), or `null`. */
export function passwordChosenAt(
  userId: string,
  storage: KeyValueStorage | null = sessionStorageOrNull(),
): number | null {
  try {
    const value = Number(storage?.getItem(passwordChosenKey(userId)) ?? Number.NaN);
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}
