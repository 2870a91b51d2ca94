import type { WaitlistEntryView, WaitlistPage } from '../../../contract/waitlist.ts';
import { ConflictError, NotFoundError } from '../../http/errors.ts';
import type { Caller } from '../../identity/auth-plugin.ts';
import { recordAudit } from '../audit/service.ts';
import { queueInvitation, queueRevocation } from './invitations.ts';
import {
  deleteEntry,
  findById,
  insertIfNew,
  listEntries,
  lockEntry,
  updateEntry,
} from './repository.ts';
import type { WaitlistRole } from './schema.ts';
import { toView, type WaitlistDeps } from './service.ts';

/** Approved users: the registry's entries that may sign up (approved) or did (joined). */
export const APPROVED = ['approved', 'joined'] as const;

export async function listApprovedUsers(
  deps: WaitlistDeps,
  query: { role?: WaitlistRole; query?: string; page: number; pageSize: number },
): Promise<WaitlistPage> {
  const result = await listEntries(
    deps.db,
    { statuses: [...APPROVED], role: query.role, query: query.query },
    { by: 'email', order: 'asc' },
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
 * Pre-approves an email (whether or not it ever joined the waitlist) and queues its invitation to
 * sign up, in the same transaction.
 */
export async function addApprovedUser(
  deps: WaitlistDeps,
  caller: Caller,
  input: { email: string; role: WaitlistRole; notes?: string; name?: string },
): Promise<WaitlistEntryView> {
  const approvedFields = {
    status: 'approved' as const,
    role: input.role,
    approvedAt: new Date(),
    approvedBy: caller.email,
    rejectedAt: null,
  };
  const { entry, queued } = await deps.db.transaction(async (tx) => {
    const inserted = await insertIfNew(tx, {
      ...approvedFields,
      email: input.email,
      name: input.name ?? null,
      notes: input.notes ?? null,
    });
    const current = inserted ?? (await lockEntry(tx, { email: input.email }));
    if (!current) throw new Error('the entry was neither inserted nor found');
    if (!inserted && (current.status === 'approved' || current.status === 'joined')) {
      throw new ConflictError(`${input.email} is already approved; change it instead.`);
    }
    const approved =
      inserted ??
      (await updateEntry(tx, current.id, {
        ...approvedFields,
        notes: input.notes ?? current.notes,
      }));
    await recordAudit(tx, {
      actor: caller.userId,
      action: 'approved_users.add',
      target: `waitlist:${input.email}`,
      before: inserted ? null : { status: current.status, role: current.role },
      after: { status: approved.status, role: approved.role, notes: approved.notes },
    });
    const queued = await queueInvitation(tx, approved);
    return { entry: (queued && (await findById(tx, approved.id))) || approved, queued };
  });
  if (queued) deps.jobs.nudge();
  return toView(entry);
}

export async function updateApprovedUser(
  deps: WaitlistDeps,
  caller: Caller,
  email: string,
  change: { role?: WaitlistRole; notes?: string | null },
): Promise<WaitlistEntryView> {
  const entry = await deps.db.transaction(async (tx) => {
    const current = await lockEntry(tx, { email });
    if (current?.status !== 'approved' && current?.status !== 'joined')
      throw new NotFoundError('Approved user');
    if (current.status === 'joined' && change.role && change.role !== current.role) {
      throw new ConflictError(`${email} has already signed up; change their role under Users.`);
    }
    const updated = await updateEntry(tx, current.id, {
      ...(change.role ? { role: change.role } : {}),
      ...(change.notes !== undefined ? { notes: change.notes } : {}),
    });
    await recordAudit(tx, {
      actor: caller.userId,
      action: 'approved_users.update',
      target: `waitlist:${email}`,
      before: { role: current.role, notes: current.notes },
      after: { role: updated.role, notes: updated.notes },
    });
    return updated;
  });
  return toView(entry);
}

/**
 * Removes an email from the registry; an invitation not used yet is revoked (queued in the same
 * transaction). One still queued finds the entry gone when it runs, and sends nothing.
 */
export async function removeApprovedUser(
  deps: WaitlistDeps,
  caller: Caller,
  email: string,
): Promise<void> {
  const revoked = await deps.db.transaction(async (tx) => {
    const current = await lockEntry(tx, { email });
    if (current?.status !== 'approved' && current?.status !== 'joined')
      throw new NotFoundError('Approved user');
    await deleteEntry(tx, current.id);
    await recordAudit(tx, {
      actor: caller.userId,
      action: 'approved_users.remove',
      target: `waitlist:${email}`,
      before: { status: current.status, role: current.role, notes: current.notes },
      after: null,
    });
    return current.status === 'approved' && current.invitationId
      ? queueRevocation(tx, current.invitationId)
      : false;
  });
  if (revoked) deps.jobs.nudge();
}
