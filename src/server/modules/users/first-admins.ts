import type { IdentityEventBus } from '../../identity/event-bus.ts';
import type { IdentityProvider, IdentityUser } from '../../identity/port.ts';
import { roleOf } from '../../identity/port.ts';

/**
 * ADMIN_EMAILS become admins when they sign up, once their address is verified (Clerk creates
 * users verified; the embedded provider says so with `user.updated`). Idempotent: a user who
 * already holds a role is left alone, so a redelivered event changes nothing.
 */
export function grantAdminToConfiguredEmails(
  bus: IdentityEventBus,
  identity: IdentityProvider,
  adminEmails: string[],
): void {
  if (adminEmails.length === 0) return;
  const wanted = new Set(adminEmails);
  const handle = async ({ data }: { data: { user: IdentityUser } }) => {
    const { user } = data;
    if (!user.emailVerified || roleOf(user.publicMetadata) !== 'pending') return;
    if (!wanted.has(user.email.toLowerCase())) return;
    await identity.users.updatePublicMetadata(user.id, { primary_role: 'admin' });
  };
  bus.on('user.created', handle);
  bus.on('user.updated', handle);
}
