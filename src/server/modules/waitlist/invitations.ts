// The waitlist's side effects on the identity provider, as durable jobs: each is queued in the
// transaction of the change that causes it (an approval, a rejection, a removal, a restore), so a
// crash can neither lose it nor send it for a change that rolled back. The handlers re-read the
// registry when they run and act on it as it is then.
import type { Database } from '../../db/client.ts';
import { isFinalRefusal } from '../../identity/port.ts';
import { enqueueJob, enqueueKeyedJobs, jobKind } from '../../jobs/repository.ts';
import { exponentialBackoff, type JobRunner, PermanentJobError } from '../../jobs/runner.ts';
import {
  clearQueuedInvitation,
  findById,
  markInvitationsQueued,
  recordInvitation,
} from './repository.ts';
import type { WaitlistEntry } from './schema.ts';
import type { WaitlistDeps } from './service.ts';

export const invitationJob = jobKind<{ entryId: string }>('waitlist.invite');
export const revocationJob = jobKind<{ invitationId: string }>('waitlist.revoke-invitation');
export const mirrorJob = jobKind<{ email: string }>('waitlist.mirror-entry');

// 1 s doubling up to 10 minutes: about an hour of retries before a provider outage fails the job.
const MAX_ATTEMPTS = 15;

type Invitable = Pick<WaitlistEntry, 'id' | 'status' | 'invitationId' | 'approvedAt'>;

/**
 * Queues the sign-up invitation of an approved entry, in the caller's transaction (which holds the
 * entry's row lock, or just wrote it), unless it has one. One job per approval: approving again, even
 * at the same moment, queues nothing more while it waits or runs; approving again after it failed
 * (or after a restore took the invitation away) runs it again. Marks the entry `invited_at` (the
 * invitation is on its way). Returns whether this call queued it. Call `deps.jobs.nudge()` after
 * the commit so that it goes out at once.
 */
export async function queueInvitation(tx: Database, entry: Invitable): Promise<boolean> {
  return (await queueInvitations(tx, [entry])).has(entry.id);
}

/** `queueInvitation` for many entries at once (an import); returns the ids of those queued. */
export async function queueInvitations(tx: Database, entries: Invitable[]): Promise<Set<string>> {
  const invitable = entries.filter((entry) => entry.status === 'approved' && !entry.invitationId);
  if (invitable.length === 0) return new Set();
  const keyOf = (entry: Invitable) => `${entry.id}@${entry.approvedAt?.getTime() ?? 0}`;
  const added = await enqueueKeyedJobs(
    tx,
    invitationJob,
    invitable.map((entry) => ({ payload: { entryId: entry.id }, key: keyOf(entry) })),
    { rearm: true },
  );
  const queued = new Set(invitable.filter((entry) => added.has(keyOf(entry))).map(({ id }) => id));
  await markInvitationsQueued(tx, [...queued]);
  return queued;
}

/** Queues the revocation of an invitation, in the caller's transaction. */
export async function queueRevocation(tx: Database, invitationId: string): Promise<boolean> {
  return enqueueJob(tx, { kind: revocationJob, payload: { invitationId }, key: invitationId });
}

/** `queueRevocation` for many invitations at once (a restore); returns how many were queued. */
export async function queueRevocations(tx: Database, invitationIds: string[]): Promise<number> {
  const queued = await enqueueKeyedJobs(
    tx,
    revocationJob,
    invitationIds.map((invitationId) => ({ payload: { invitationId }, key: invitationId })),
  );
  return queued.size;
}

/** Queues the copy of a new waitlist entry to the provider's own waitlist (Clerk), if it has one. */
export async function queueMirror(
  tx: Database,
  deps: Pick<WaitlistDeps, 'identity'>,
  email: string,
): Promise<boolean> {
  if (!deps.identity.waitlist) return false;
  return enqueueJob(tx, { kind: mirrorJob, payload: { email }, key: email });
}

export function registerWaitlistJobs(jobs: JobRunner, deps: Omit<WaitlistDeps, 'jobs'>): void {
  const options = { maxAttempts: MAX_ATTEMPTS, backoff: exponentialBackoff() };

  jobs.register(
    invitationJob,
    async ({ entryId }) => {
      const entry = await findById(deps.db, entryId);
      // Withdrawn (rejected, removed, restored away) or already invited: nothing to send.
      if (entry?.status !== 'approved' || entry.invitationId) return;
      // No role in the invitation: the role is read from the registry when the email is verified,
      // so a role changed, or an approval withdrawn, after the invitation went out is what counts.
      const invitation = await deps.identity.invitations.create({
        emailAddress: entry.email,
        redirectUrl: `${deps.publicUrl}/sign-up`,
      });
      const kept = await deps.db.transaction(async (tx) => {
        if (await recordInvitation(tx, entry, invitation.id)) return true;
        // The approval was withdrawn while the invitation was being made (or another run recorded
        // one first): take this one back.
        await queueRevocation(tx, invitation.id);
        return false;
      });
      if (!kept) jobs.nudge();
    },
    {
      ...options,
      onFailed: async ({ entryId }) => {
        await clearQueuedInvitation(deps.db, entryId);
      },
    },
  );

  jobs.register(
    revocationJob,
    async ({ invitationId }) => {
      try {
        await deps.identity.invitations.revoke(invitationId);
      } catch (error) {
        // Used already, expired, or gone: there is nothing left to revoke.
        if (isFinalRefusal(error)) {
          deps.log.info({ err: error, invitationId }, 'the invitation was not pending any more');
          return;
        }
        throw error;
      }
    },
    options,
  );

  jobs.register(
    mirrorJob,
    async ({ email }) => {
      if (!deps.identity.waitlist) return;
      try {
        await deps.identity.waitlist.createEntry(email);
      } catch (error) {
        if (isFinalRefusal(error))
          throw new PermanentJobError(`the provider refused the waitlist entry: ${error.message}`);
        throw error;
      }
    },
    options,
  );
}
