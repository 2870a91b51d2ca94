import type { FastifyBaseLogger } from 'fastify';
import type {
  BulkOutcome,
  BulkResult,
  WaitlistEntryView,
  WaitlistPage,
} from '../../../contract/waitlist.ts';
import type { Database } from '../../db/client.ts';
import type { Caller } from '../../identity/auth-plugin.ts';
import type { IdentityProvider } from '../../identity/port.ts';
import type { JobRunner } from '../../jobs/runner.ts';
import { recordAudit } from '../audit/service.ts';
import { queueInvitation, queueMirror, queueRevocation } from './invitations.ts';
import {
  type EntryFilter,
  type EntrySort,
  findById,
  insertJoinRequest,
  insertJoinRequestIn,
  type JoinRequest,
  type ListedEntry,
  listEntries,
  lockEntry,
  updateEntry,
} from './repository.ts';
import type { WaitlistRole } from './schema.ts';

export { queueInvitation, queueInvitations, queueRevocation } from './invitations.ts';

export type WaitlistDeps = {
  db: Database;
  identity: IdentityProvider;
  publicUrl: string;
  log: FastifyBaseLogger;
  /** The server's job runner: invitations and their revocation are its jobs. */
  jobs: JobRunner;
};

type Target = { email: string } | { id: string };

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toView(entry: ListedEntry): WaitlistEntryView {
  return {
    id: entry.id,
    email: entry.email,
    name: entry.name,
    note: entry.note,
    role: entry.role,
    status: entry.status,
    waitlistJoinedAt: iso(entry.waitlistJoinedAt),
    approvedAt: iso(entry.approvedAt),
    approvedBy: entry.approvedBy,
    rejectedAt: iso(entry.rejectedAt),
    notes: entry.notes,
    invitedAt: iso(entry.invitedAt),
    joinedAt: iso(entry.joinedAt),
    createdAt: entry.createdAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
  };
}

export const JOIN_RECEIPT = {
  status: 'received' as const,
  message:
    'Thank you. If this address can be approved, an invitation to sign up will follow by email.',
};

/**
 * Public: anyone may ask to join. The answer is the same whatever the registry already holds for
 * the email (new, waiting, approved, rejected), so the form reveals nothing about anyone.
 */
export async function joinWaitlist(deps: WaitlistDeps, input: JoinRequest) {
  if (!deps.identity.waitlist) {
    // The embedded provider has no waitlist of its own to mirror to: one insert, nothing queued.
    await insertJoinRequest(deps.db, input);
    return JOIN_RECEIPT;
  }
  // Clerk's waitlist mirrors ours: the job is queued with the new entry; while Clerk is unavailable
  // it retries.
  const queued = await deps.db.transaction(async (tx) =>
    (await insertJoinRequestIn(tx, input)) ? await queueMirror(tx, deps, input.email) : false,
  );
  if (queued) deps.jobs.nudge();
  return JOIN_RECEIPT;
}

export async function listWaitlist(
  deps: WaitlistDeps,
  query: EntryFilter & {
    sort: EntrySort['by'];
    order: EntrySort['order'];
    page: number;
    pageSize: number;
  },
): Promise<WaitlistPage> {
  const result = await listEntries(
    deps.db,
    query,
    { by: query.sort, order: query.order },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return {
    data: result.data.map(toView),
    totalCount: result.totalCount,
    page: query.page,
    pageSize: query.pageSize,
  };
}

function targetsOf(body: { emails?: string[]; ids?: string[] }): Target[] {
  return body.emails
    ? [...new Set(body.emails)].map((email) => ({ email }))
    : [...new Set(body.ids ?? [])].map((id) => ({ id }));
}

const labelOf = (target: Target) => ('email' in target ? target.email : target.id);

/**
 * Approves entries with a role. The invitation is queued in the transaction of the approval (and
 * also for an entry already approved whose invitation never went out); `invitationSent` says this
 * call queued one.
 */
export async function approve(
  deps: WaitlistDeps,
  caller: Caller,
  body: { emails?: string[]; ids?: string[]; role: WaitlistRole; notes?: string },
): Promise<BulkResult> {
  const results: BulkResult['results'] = [];
  for (const target of targetsOf(body)) {
    const { outcome, entry, invitationSent } = await deps.db.transaction(async (tx) => {
      const current = await lockEntry(tx, target);
      if (!current)
        return { outcome: 'not_found' as BulkOutcome, entry: undefined, invitationSent: false };
      if (current.status === 'joined')
        return { outcome: 'already_joined' as BulkOutcome, entry: current, invitationSent: false };
      let outcome: BulkOutcome = 'already_approved';
      let entry = current;
      if (current.status !== 'approved') {
        outcome = 'approved';
        entry = await updateEntry(tx, current.id, {
          status: 'approved',
          role: body.role,
          approvedAt: new Date(),
          approvedBy: caller.email,
          rejectedAt: null,
          notes: body.notes ?? current.notes,
        });
        await recordAudit(tx, {
          actor: caller.userId,
          action: 'waitlist.approve',
          target: `waitlist:${current.email}`,
          before: { status: current.status, role: current.role },
          after: { status: entry.status, role: entry.role, notes: entry.notes },
        });
      }
      const queued = await queueInvitation(tx, entry);
      if (queued) entry = (await findById(tx, entry.id)) ?? entry;
      return { outcome, entry, invitationSent: queued };
    });
    if (invitationSent) deps.jobs.nudge();
    results.push({
      target: labelOf(target),
      outcome,
      // The name is the contract's: it now means "an invitation was queued by this call" (the job
      // runner sends it moments later, and again after a crash until it is sent).
      invitationSent,
      entry: entry ? toView(entry) : null,
    });
  }
  return { results };
}

/** Rejects entries; an invitation not used yet is revoked (queued in the same transaction). */
export async function reject(
  deps: WaitlistDeps,
  caller: Caller,
  body: { emails?: string[]; ids?: string[]; notes?: string },
): Promise<BulkResult> {
  const results: BulkResult['results'] = [];
  for (const target of targetsOf(body)) {
    const { outcome, entry, revoked } = await deps.db.transaction(async (tx) => {
      const current = await lockEntry(tx, target);
      if (!current)
        return { outcome: 'not_found' as BulkOutcome, entry: undefined, revoked: false };
      if (current.status === 'joined')
        return { outcome: 'already_joined' as BulkOutcome, entry: current, revoked: false };
      if (current.status === 'rejected')
        return { outcome: 'already_rejected' as BulkOutcome, entry: current, revoked: false };
      const rejected = await updateEntry(tx, current.id, {
        status: 'rejected',
        rejectedAt: new Date(),
        notes: body.notes ?? current.notes,
        invitationId: null,
        invitedAt: null,
      });
      await recordAudit(tx, {
        actor: caller.userId,
        action: 'waitlist.reject',
        target: `waitlist:${current.email}`,
        before: { status: current.status },
        after: { status: rejected.status, notes: rejected.notes },
      });
      // An invitation still queued finds the entry rejected when it runs, and sends nothing.
      const revoked = current.invitationId
        ? await queueRevocation(tx, current.invitationId)
        : false;
      return { outcome: 'rejected' as BulkOutcome, entry: rejected, revoked };
    });
    if (revoked) deps.jobs.nudge();
    results.push({
      target: labelOf(target),
      outcome,
      invitationSent: false,
      entry: entry ? toView(entry) : null,
    });
  }
  return { results };
}
