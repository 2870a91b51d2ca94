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
 * marked joined. The registry is read when the event is handled, not when the invitation went out
 * (invitations carry no role): an email no longer approved by then (rejected, removed, restored
 * away) gets nothing, and a role changed meanwhile is the one applied.
 *
 * The role is written before the entry is marked, so a failure in between is repaired by the
 * event's redelivery; a repeated event finds the entry joined and does nothing. If the approval is
 * withdrawn between the read and the mark (the mark finds the entry no longer approved), the role
 * just written is taken back.
 */
export function assignPreApprovedRoles(
  bus: IdentityEventBus,
  identity: IdentityProvider,
  db: Database,
): void {
  const handle = async ({ data }: { data: { user: IdentityUser } }) => {
    const { user } = data;
    if (!user.emailVerified) return;
    const email = user.email.toLowerCase();
    const entry = await findByEmail(db, email);
    if (entry?.status !== 'approved') return;
    const previous = user.publicMetadata.primary_role;
    const changed = previous !== entry.role;
    if (changed) await identity.users.updatePublicMetadata(user.id, { primary_role: entry.role });
    if (await markJoined(db, entry.email, user.id)) return;
    const now = await findByEmail(db, email);
    if (now?.status === 'joined' && now.joinedUserId === user.id) return;
    if (changed) {
      await identity.users.updatePublicMetadata(user.id, { primary_role: previous ?? null });
    }
  };
  bus.on('user.created', handle);
  bus.on('user.updated', handle);
}
