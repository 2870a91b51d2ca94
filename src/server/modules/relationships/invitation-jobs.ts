// The provider's side of a coach's invitation, as durable jobs recorded with the relationship's
// change: sending the organization invitation into the coach's practice, and revoking it. Both find
// the provider's invitation by the relationship id it carries, so a retry never makes a second one.
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.ts';
import {
  type IdentityProvider,
  isFinalRefusal,
  type OrganizationInvitation,
} from '../../identity/port.ts';
import { enqueueJob, jobKind } from '../../jobs/repository.ts';
import { exponentialBackoff, type JobRunner, PermanentJobError } from '../../jobs/runner.ts';
import { findRelationship, recordInvitationSent, updateRelationship } from './repository.ts';
import type { Relationship } from './schema.ts';

export const RELATIONSHIP_ID_KEY = 'relationship_id';

type InvitationJobPayload = { relationshipId: string };
const sendInvitationJob = jobKind<InvitationJobPayload>('relationships.invitation.send');
const revokeInvitationJob = jobKind<InvitationJobPayload>('relationships.invitation.revoke');

export type InvitationJobDeps = {
  db: Database;
  identity: IdentityProvider;
  log: FastifyBaseLogger;
  publicUrl: string;
};

/** The relationship an invitation was made for, from its metadata. */
export function relationshipIdOf(invitation: OrganizationInvitation): string | null {
  const id = invitation.publicMetadata[RELATIONSHIP_ID_KEY];
  return typeof id === 'string' ? id : null;
}

export function queueInvitation(tx: Database, relationshipId: string): Promise<boolean> {
  return enqueueJob(tx, {
    kind: sendInvitationJob,
    payload: { relationshipId },
    key: relationshipId,
  });
}

export function queueInvitationRevocation(tx: Database, relationshipId: string): Promise<boolean> {
  return enqueueJob(tx, {
    kind: revokeInvitationJob,
    payload: { relationshipId },
    key: relationshipId,
  });
}

async function pendingInvitationsOf(deps: InvitationJobDeps, relationship: Relationship) {
  const pending = await deps.identity.organizationInvitations.list({
    organizationId: relationship.coachOrgId,
    status: ['pending'],
  });
  return pending.filter((invitation) => relationshipIdOf(invitation) === relationship.id);
}

async function sendInvitation(deps: InvitationJobDeps, relationship: Relationship) {
  const [existing] = await pendingInvitationsOf(deps, relationship);
  if (existing) return existing;
  return deps.identity.organizationInvitations.create({
    organizationId: relationship.coachOrgId,
    emailAddress: relationship.clientEmail,
    role: 'member',
    inviterUserId: relationship.coachUserId,
    publicMetadata: { [RELATIONSHIP_ID_KEY]: relationship.id },
    // The embedded provider's mail links to /invitations/{id}; Clerk's flow lands on the member page.
    ...(deps.identity.kind === 'clerk' ? { redirectUrl: `${deps.publicUrl}/member/coaching` } : {}),
  });
}

async function revokeQuietly(
  deps: InvitationJobDeps,
  relationship: Relationship,
  invitationId: string,
): Promise<void> {
  try {
    await deps.identity.organizationInvitations.revoke({
      organizationId: relationship.coachOrgId,
      invitationId,
    });
  } catch (error) {
    // Accepted, expired or gone meanwhile: nothing is left to revoke.
    if (!isFinalRefusal(error)) throw error;
    deps.log.info({ err: error, invitationId }, 'the invitation was not pending any more');
  }
}

export function registerInvitationJobs(jobs: JobRunner, deps: InvitationJobDeps): void {
  const options = { maxAttempts: 15, backoff: exponentialBackoff() };

  jobs.register(
    sendInvitationJob,
    async ({ relationshipId }) => {
      const relationship = await findRelationship(deps.db, relationshipId);
      // Revoked, answered or expired meanwhile, or sent already: nothing to send.
      if (relationship?.status !== 'pending' || relationship.invitationId) return;
      try {
        const invitation = await sendInvitation(deps, relationship);
        await recordInvitationSent(deps.db, relationshipId, invitation);
        // Revoked while the provider was making it: the revocation job may have looked too early.
        const now = await findRelationship(deps.db, relationshipId);
        if (now?.status === 'revoked') await revokeQuietly(deps, now, invitation.id);
      } catch (error) {
        if (isFinalRefusal(error)) throw new PermanentJobError(error.message, { cause: error });
        throw error;
      }
    },
    {
      ...options,
      onFailed: async ({ relationshipId }, _context, error) => {
        const reason =
          error instanceof PermanentJobError
            ? `The invitation could not be sent: ${error.message}`
            : 'The invitation could not be sent: the identity provider did not answer.';
        await updateRelationship(deps.db, relationshipId, { invitationError: reason });
      },
    },
  );

  jobs.register(
    revokeInvitationJob,
    async ({ relationshipId }) => {
      const relationship = await findRelationship(deps.db, relationshipId);
      if (!relationship) return;
      for (const invitation of await pendingInvitationsOf(deps, relationship))
        await revokeQuietly(deps, relationship, invitation.id);
    },
    options,
  );
}
