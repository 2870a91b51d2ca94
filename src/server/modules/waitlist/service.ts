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
import { recordAudit } from '../audit/service.ts';
import {
  claimInvitation,
  type EntryFilter,
  type EntrySort,
  insertIfNew,
  listEntries,
  lockEntry,
  recordInvitation,
  updateEntry,
} from './repository.ts';
import type { WaitlistEntry, WaitlistRole } from './schema.ts';

export type WaitlistDeps = {
  db: Database;
  identity: IdentityProvider;
  publicUrl: string;
  log: FastifyBaseLogger;
};

type Target = { email: string } | { id: string };

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toView(entry: WaitlistEntry): WaitlistEntryView {
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
export async function joinWaitlist(
  deps: WaitlistDeps,
  input: { email: string; role: WaitlistRole; name?: string; note?: string },
) {
  const created = await insertIfNew(deps.db, {
    ...input,
    status: 'pending',
    waitlistJoinedAt: new Date(),
  });
  if (created && deps.identity.waitlist) {
    // Clerk's waitlist mirrors ours; if Clerk is briefly unavailable the registry still has the entry.
    await deps.identity.waitlist.createEntry(input.email).catch((error: unknown) => {
      deps.log.warn({ err: error }, 'could not mirror the waitlist entry to the identity provider');
    });
  }
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

/**
 * Sends the sign-up invitation of an approved entry unless one was sent: the claim makes sure that
 * approving twice, even at the same moment, mails once. A failure releases the claim for a retry.
 */
export async function sendInvitation(deps: WaitlistDeps, entry: WaitlistEntry): Promise<boolean> {
  const claimed = await claimInvitation(deps.db, entry.id);
  if (!claimed) return false;
  try {
    const invitation = await deps.identity.invitations.create({
      emailAddress: claimed.email,
      publicMetadata: { primary_role: claimed.role },
      redirectUrl: `${deps.publicUrl}/sign-up`,
    });
    await recordInvitation(deps.db, claimed.id, invitation.id);
    return true;
  } catch (error) {
    await recordInvitation(deps.db, claimed.id, null);
    deps.log.warn(
      { err: error, entryId: claimed.id },
      'could not send the sign-up invitation; approving again retries',
    );
    return false;
  }
}

function targetsOf(body: { emails?: string[]; ids?: string[] }): Target[] {
  return body.emails
    ? [...new Set(body.emails)].map((email) => ({ email }))
    : [...new Set(body.ids ?? [])].map((id) => ({ id }));
}

const labelOf = (target: Target) => ('email' in target ? target.email : target.id);

export async function approve(
  deps: WaitlistDeps,
  caller: Caller,
  body: { emails?: string[]; ids?: string[]; role: WaitlistRole; notes?: string },
): Promise<BulkResult> {
  const results: BulkResult['results'] = [];
  for (const target of targetsOf(body)) {
    const { outcome, entry } = await deps.db.transaction(async (tx) => {
      const current = await lockEntry(tx, target);
      if (!current) return { outcome: 'not_found' as BulkOutcome, entry: undefined };
      if (current.status === 'joined')
        return { outcome: 'already_joined' as BulkOutcome, entry: current };
      if (current.status === 'approved')
        return { outcome: 'already_approved' as BulkOutcome, entry: current };
      const approved = await updateEntry(tx, current.id, {
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
        after: { status: approved.status, role: approved.role, notes: approved.notes },
      });
      return { outcome: 'approved' as BulkOutcome, entry: approved };
    });
    const invitationSent = entry?.status === 'approved' ? await sendInvitation(deps, entry) : false;
    results.push({
      target: labelOf(target),
      outcome,
      invitationSent,
      entry: entry ? toView(entry) : null,
    });
  }
  return { results };
}

export async function reject(
  deps: WaitlistDeps,
  caller: Caller,
  body: { emails?: string[]; ids?: string[]; notes?: string },
): Promise<BulkResult> {
  const results: BulkResult['results'] = [];
  for (const target of targetsOf(body)) {
    const { outcome, entry, revoke } = await deps.db.transaction(async (tx) => {
      const current = await lockEntry(tx, target);
      if (!current) return { outcome: 'not_found' as BulkOutcome, entry: undefined, revoke: null };
      if (current.status === 'joined')
        return { outcome: 'already_joined' as BulkOutcome, entry: current, revoke: null };
      if (current.status === 'rejected')
        return { outcome: 'already_rejected' as BulkOutcome, entry: current, revoke: null };
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
      return { outcome: 'rejected' as BulkOutcome, entry: rejected, revoke: current.invitationId };
    });
    if (revoke) await revokeInvitation(deps, revoke);
    results.push({
      target: labelOf(target),
      outcome,
      invitationSent: false,
      entry: entry ? toView(entry) : null,
    });
  }
  return { results };
}

/** A withdrawn approval takes its pending invitation with it; one already used or gone is fine. */
export async function revokeInvitation(deps: WaitlistDeps, invitationId: string): Promise<void> {
  await deps.identity.invitations.revoke(invitationId).catch((error: unknown) => {
    deps.log.info(
      { err: error, invitationId },
      'the invitation could not be revoked (used or gone)',
    );
  });
}
