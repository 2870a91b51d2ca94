import type { Me, Role, User } from '../../contract/users.ts';

export const ALL_ROLES: readonly Role[] = ['admin', 'coach', 'client', 'pending'];
export const GRANTABLE_ROLES = ['admin', 'coach', 'client'] as const;

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  coach: 'Coach',
  client: 'Client',
  pending: 'Pending',
};

/** Where each role's part of the app starts, and what to call it in a link. */
export const ROLE_AREAS: Record<Role, { path: string; label: string }> = {
  admin: { path: '/admin', label: 'Admin area' },
  coach: { path: '/coach', label: 'Coach area' },
  client: { path: '/member', label: 'Member area' },
  pending: { path: '/pending', label: 'Approval status' },
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ALL_ROLES as readonly string[]).includes(value);
}

export function displayName(user: Pick<User | Me, 'firstName' | 'lastName' | 'email'>): string {
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ').trim();
  return name || user.email;
}

export function firstNameOf(user: Pick<User | Me, 'firstName' | 'lastName' | 'email'>): string {
  return user.firstName?.trim() || displayName(user);
}

/**
 * The `next` of `/sign-in?next=…` if it is a path of this app, else `null`: an absolute or
 * protocol-relative URL (`//evil.example`) would send a person elsewhere after signing in.
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if ([...next].some((character) => character.charCodeAt(0) < 32)) return null;
  // Never back to a sign-in page, nor to a page that acts on a mailed link's token.
  if (/^\/(sign-in|sign-up|set-password|forgot-password)(?=$|[/?#])/.test(next)) return null;
  return next;
}
