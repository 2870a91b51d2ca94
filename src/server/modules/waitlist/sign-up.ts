import type { Database } from '../../db/client.ts';
import type { IdentityEventBus } from '../../identity/event-bus.ts';
import type { IdentityProvider, IdentityUser } from '../../identity/port.ts';
import { findByEmail, markJoined } from './repository.ts';

/**
 * SIGNUP_MODE=waitlist: who may create an account. ADMIN_EMAILS always; otherwise an email the
 * registry approved. (The embedded provider also admits an email holding a pending invitation.)
 */
export function waitlistSignUpPolicy(db: Database, adminEmails: string[]) {
  const admins = new Set(adminEmails);
  return async (email: string): Promise<boolean> => {
    const normalised = email.trim().toLowerCase();
    if (admins.has(normalised)) return true;
    const entry = await findByEmail(db, normalised);
    return entry?.status === 'approved' || entry?.status === 'joined';
  };
}

/**
 * The role an admin pre-assigned reaches the user once their email is verified, and the entry is
 * marked joined. The role is written before the entry is marked, so a failure in between is
 * repaired by the event's redelivery; a repeated event finds the entry joined and does nothing.
 */
export function assignPreApprovedRoles(
  bus: IdentityEventBus,
  identity: IdentityProvider,
  db: Database,
): void {
  const handle = async ({ data }: { data: { user: IdentityUser } }) => {
    const { user } = data;
    if (!user.emailVerified) return;
    const entry = await findByEmail(db, user.email.toLowerCase());
    if (entry?.status !== 'approved') return;
    if (user.publicMetadata.primary_role !== entry.role) {
      await identity.users.updatePublicMetadata(user.id, { primary_role: entry.role });
    }
    await markJoined(db, entry.email, user.id);
  };
  bus.on('user.created', handle);
  bus.on('user.updated', handle);
}
