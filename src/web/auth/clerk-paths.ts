/** Where Clerk's screens live in this app (Clerk's path routing adds its steps under them). */
export const CLERK_PATHS = {
  signIn: '/sign-in',
  signUp: '/sign-up',
  /** Where Clerk sends a person once signed in or up: the app reads the user, then goes on. */
  continue: '/signing-in',
} as const;

/** The continue page's address, carrying the page the person asked for. */
export function continuePath(next: string | null): string {
  return next ? `${CLERK_PATHS.continue}?next=${encodeURIComponent(next)}` : CLERK_PATHS.continue;
}
