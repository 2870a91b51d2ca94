// What the provider's events mean for relationships, in both modes: an accepted invitation makes the
// relationship active, a revoked one ends it, and a coach's invitee who signs up becomes a client.
// Handlers are idempotent: a repeated or late event ends in the same state.
import type { Database } from '../../db/client.ts';
import { ConflictError } from '../../http/errors.ts';
import type { IdentityEventBus } from '../../identity/event-bus.ts';
import type { IdentityUser } from '../../identity/port.ts';
import { findByEmail as findRegistryEntry } from '../waitlist/repository.ts';
import { relationshipIdOf } from './invitation-jobs.ts';
import { findRelationship, hasPendingInvitationFor } from './repository.ts';
import { applyAcceptance, applyInvitationEnded, type RelationshipsDeps } from './service.ts';

/** Retried by the job runner: the relationship row may not be visible yet. */
class RelationshipNotVisibleError extends Error {}

async function relationshipOrRetry(db: Database, id: string) {
  const row = await findRelationship(db, id);
  if (!row) throw new RelationshipNotVisibleError(`relationship ${id} is not visible yet`);
  return row;
}

/**
 * A pending coach invitation vouches for its email: once verified, the user gets the `client` role,
 * unless they have a role already or the approved-users registry gives the email one (that wins).
 */
async function makeInviteeAClient(deps: RelationshipsDeps, event: IdentityUser): Promise<void> {
  if (!event.emailVerified || event.publicMetadata.primary_role) return;
  const email = event.email.toLowerCase();
  if (!(await hasPendingInvitationFor(deps.db, email))) return;
  const entry = await findRegistryEntry(deps.db, email);
  if (entry?.status === 'approved' || entry?.status === 'joined') return;
  // The user as they are now, not as the event saw them: a handler before this one (ADMIN_EMAILS,
  // the registry) may have given them a role meanwhile, which a client role must not overwrite.
  const user = await deps.identity.users.get(event.id);
  if (!user?.emailVerified || user.publicMetadata.primary_role) return;
  await deps.identity.users.updatePublicMetadata(user.id, { primary_role: 'client' });
}

export function registerRelationshipEvents(
  events: IdentityEventBus,
  deps: RelationshipsDeps,
): void {
  events.on('organizationInvitation.accepted', async ({ data }) => {
    const id = relationshipIdOf(data.invitation);
    if (!id) return;
    await relationshipOrRetry(deps.db, id);
    const userId =
      data.userId ?? (await deps.identity.users.findByEmail(data.invitation.emailAddress))?.id;
    if (!userId) throw new RelationshipNotVisibleError(`the invitee of ${id} is not known yet`);
    try {
      await applyAcceptance(deps, id, userId);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      deps.log.warn({ relationshipId: id, userId }, error.message);
    }
  });
  events.on('organizationInvitation.revoked', async ({ data }) => {
    const id = relationshipIdOf(data.invitation);
    if (!id) return;
    const row = await relationshipOrRetry(deps.db, id);
    // The invitee declining arrives with their id; an admin or the provider revoking, without.
    await applyInvitationEnded(
      deps,
      row.id,
      data.userId ? 'declined' : 'revoked',
      data.userId ?? 'provider',
    );
  });
  const onUser = ({ data }: { data: { user: IdentityUser } }) =>
    makeInviteeAClient(deps, data.user);
  events.on('user.created', onUser);
  events.on('user.updated', onUser);
}
