// The rules of coaching relationships (seed 000): a coach invites a client by email into their
// practice, or a client asks a listed coach; the other side answers; either side pauses, resumes or
// completes. Only the two parties see a relationship (admins too, audited); anyone else gets 404.
import {
  type ConnectionRequestBody,
  type InviteClientBody,
  type RelationshipList,
  type RelationshipListQuery,
  type RelationshipStatus,
  type RelationshipView,
  relationshipStatuses,
  relationshipTransitions,
} from '../../../contract/relationships.ts';
import type { Database } from '../../db/client.ts';
import { postgresErrorCode, UNIQUE_VIOLATION } from '../../db/errors.ts';
import { ConflictError, NotFoundError } from '../../http/errors.ts';
import type { Caller } from '../../identity/auth-plugin.ts';
import type { JobRunner } from '../../jobs/runner.ts';
import { queueMail } from '../../mail/mail-job.ts';
import { recordAudit, recordAudits } from '../audit/service.ts';
import { acceptInvitation, declineInvitation } from '../tenants/received-invitations.ts';
import type { TenantsServiceDeps } from '../tenants/service.ts';
import { findListedCoach, findPracticeOfCoach } from './coach-repository.ts';
import { queueInvitation, queueInvitationRevocation } from './invitation-jobs.ts';
import { initiatorOf, refuseUnlessAllowed, type Side } from './lifecycle.ts';
import {
  expireLapsedOfPair,
  findOpenRelationshipOfPair,
  findRelationship,
  findRelationshipDetail,
  insertOpenRelationship,
  listRelationshipsOf,
  lockRelationship,
  type NewRelationship,
  updateRelationship,
} from './repository.ts';
import type { Relationship } from './schema.ts';
import { toRelationshipView } from './views.ts';

export type RelationshipsDeps = TenantsServiceDeps & { jobs: JobRunner; publicUrl: string };

const INVITATION_DAYS = 30;
const DAY_MS = 24 * 60 * 60_000;

/** The caller's side of the relationship, or null when they are not a party. */
export function sideOf(row: Relationship, caller: Pick<Caller, 'userId' | 'email'>): Side | null {
  if (row.coachUserId === caller.userId) return 'coach';
  if (row.clientUserId === caller.userId) return 'client';
  if (row.clientUserId === null && row.clientEmail === caller.email.toLowerCase()) return 'client';
  return null;
}

/** The relationship as `side` sees it (null: not a party, no actions); reading it is not audited. */
export async function relationshipView(
  db: Database,
  id: string,
  side: Side | null,
): Promise<RelationshipView> {
  const detail = await findRelationshipDetail(db, id);
  if (!detail) throw new NotFoundError('Relationship');
  return toRelationshipView(detail, side);
}

/** The effective status: a pending relationship past its expiry is expired. */
function statusOf(row: Relationship, now = new Date()): RelationshipStatus {
  return row.status === 'pending' && row.expiresAt && row.expiresAt < now ? 'expired' : row.status;
}

/**
 * Locks the relationship for a change by one of its parties; anyone else (and a missing one) gets
 * 404. Runs `change` in the same transaction.
 */
async function changeAsParty<T>(
  deps: RelationshipsDeps,
  caller: Caller,
  id: string,
  change: (tx: Database, row: Relationship, side: Side) => Promise<T>,
): Promise<T> {
  const result = await deps.db.transaction(async (tx) => {
    const row = await lockRelationship(tx, id);
    const side = row && sideOf(row, caller);
    if (!row || !side) throw new NotFoundError('Relationship');
    return change(tx, row, side);
  });
  deps.jobs.nudge();
  return result;
}

async function transition(
  tx: Database,
  row: Relationship,
  to: RelationshipStatus,
  actor: string,
  extra: Partial<Relationship> = {},
): Promise<Relationship> {
  const from = statusOf(row);
  refuseUnlessAllowed(from, to);
  const now = new Date();
  const updated = await updateRelationship(tx, row.id, {
    status: to,
    updatedBy: actor,
    ...(to === 'active' && !row.startedAt ? { startedAt: now } : {}),
    ...(to === 'completed' ? { endedAt: now } : {}),
    ...extra,
  });
  if (!updated) throw new NotFoundError('Relationship');
  await recordAudit(tx, {
    actor,
    action: `relationship.${to}`,
    target: `relationship:${row.id}`,
    before: { status: from },
    after: { status: to, ...(extra.clientUserId ? { clientUserId: extra.clientUserId } : {}) },
  });
  return updated;
}

/* ------------------------------------------------------------------------------------------ */
/* Starting one                                                                                */
/* ------------------------------------------------------------------------------------------ */

/**
 * Stores `expired` on the pair's pending relationships past their expiry (they already read as
 * expired), freeing the pair for a new one; audited, the passing of time as the actor.
 */
async function expireLapsed(tx: Database, coachUserId: string, email: string): Promise<void> {
  const expired = await expireLapsedOfPair(tx, coachUserId, email);
  await recordAudits(
    tx,
    expired.map((id) => ({
      actor: 'system',
      action: 'relationship.expired',
      target: `relationship:${id}`,
      before: { status: 'pending' },
      after: { status: 'expired' },
    })),
  );
}

/**
 * A new pending relationship, once the pair's lapsed ones are stored as expired; `undefined` when an
 * open relationship of the pair is in the way. It waits for an answer as long as an invitation does.
 */
async function insertPending(
  tx: Database,
  row: Omit<NewRelationship, 'status' | 'expiresAt' | 'createdBy' | 'updatedBy'>,
  actor: string,
): Promise<Relationship | undefined> {
  await expireLapsed(tx, row.coachUserId, row.clientEmail);
  return insertOpenRelationship(tx, {
    ...row,
    status: 'pending',
    expiresAt: new Date(Date.now() + INVITATION_DAYS * DAY_MS),
    createdBy: actor,
    updatedBy: actor,
  });
}

export type NewInvitation = {
  coachUserId: string;
  coachOrgId: string;
  email: string;
  message?: string | undefined;
  /** Who asked for it: the coach, or the admin who matched a coaching-interest submission. */
  actor: string;
};

/**
 * In the caller's transaction: a pending relationship and the job that sends the provider's
 * invitation, or the open relationship the coach already has with that email (`created: false`).
 */
export async function openInvitation(
  tx: Database,
  input: NewInvitation,
): Promise<{ relationship: Relationship; created: boolean }> {
  const email = input.email.toLowerCase();
  const inserted = await insertPending(
    tx,
    {
      coachUserId: input.coachUserId,
      clientEmail: email,
      coachOrgId: input.coachOrgId,
      origin: 'invitation',
      message: input.message ?? null,
    },
    input.actor,
  );
  if (!inserted) {
    const existing = await findOpenRelationshipOfPair(tx, input.coachUserId, { email });
    if (!existing) throw new ConflictError('This invitation changed meanwhile; try again.');
    return { relationship: existing, created: false };
  }
  await queueInvitation(tx, inserted.id);
  await recordAudit(tx, {
    actor: input.actor,
    action: 'relationship.invite',
    target: `relationship:${inserted.id}`,
    after: { coachUserId: input.coachUserId, email, coachOrgId: input.coachOrgId },
  });
  return { relationship: inserted, created: true };
}

/** The coach's practice, or 409 saying to make one first. */
export async function requirePractice(deps: Pick<RelationshipsDeps, 'db'>, coachUserId: string) {
  const practice = await findPracticeOfCoach(deps.db, coachUserId);
  if (!practice)
    throw new ConflictError('Set up your coaching practice first: clients are invited into it.');
  return practice;
}

export async function inviteClient(
  deps: RelationshipsDeps,
  caller: Caller,
  body: InviteClientBody,
): Promise<{ relationship: RelationshipView; created: boolean }> {
  if (body.email === caller.email.toLowerCase())
    throw new ConflictError('You cannot invite yourself.');
  const practice = await requirePractice(deps, caller.userId);
  const { relationship, created } = await deps.db.transaction((tx) =>
    openInvitation(tx, {
      coachUserId: caller.userId,
      coachOrgId: practice.identityOrgId,
      email: body.email,
      message: body.message,
      actor: caller.userId,
    }),
  );
  deps.jobs.nudge();
  return { relationship: await relationshipView(deps.db, relationship.id, 'coach'), created };
}

/** A client asks a listed coach (seed 000 `create_connection_request`); the coach is told by mail. */
export async function requestCoach(
  deps: RelationshipsDeps,
  caller: Caller,
  body: ConnectionRequestBody,
): Promise<RelationshipView> {
  const coach = await findListedCoach(deps.db, body.coachUserId);
  if (!coach?.practiceOrgId || coach.identityUserId === caller.userId)
    throw new NotFoundError('Coach');
  const coachUser = await deps.identity.users.get(coach.identityUserId);
  const email = caller.email.toLowerCase();
  const created = await deps.db.transaction(async (tx) => {
    const row = await insertPending(
      tx,
      {
        coachUserId: coach.identityUserId,
        clientUserId: caller.userId,
        clientEmail: email,
        coachOrgId: coach.practiceOrgId as string,
        origin: 'request',
        message: body.message ?? null,
      },
      caller.userId,
    );
    if (!row) return undefined;
    await recordAudit(tx, {
      actor: caller.userId,
      action: 'relationship.request',
      target: `relationship:${row.id}`,
      after: { coachUserId: coach.identityUserId },
    });
    if (coachUser)
      await queueMail(tx, {
        to: coachUser.email,
        subject: 'A client asks to work with you on Arete',
        text: `${email} asks to work with you.${body.message ? `\n\nTheir message:\n${body.message}` : ''}\n\nAnswer on your clients page: ${deps.publicUrl}/coach/clients`,
      });
    return row;
  });
  if (!created) {
    const existing = await findOpenRelationshipOfPair(deps.db, coach.identityUserId, {
      email,
      userId: caller.userId,
    });
    throw new ConflictError(
      `You already have a ${existing ? statusOf(existing) : 'current'} relationship with this coach.`,
      existing && (await relationshipView(deps.db, existing.id, 'client')),
    );
  }
  deps.jobs.nudge();
  return relationshipView(deps.db, created.id, 'client');
}

/* ------------------------------------------------------------------------------------------ */
/* Answering and changing one                                                                  */
/* ------------------------------------------------------------------------------------------ */

/**
 * The invitee accepted (their answer here, or the provider's `organizationInvitation.accepted`):
 * active, with the client's user id; the coach is told by mail. Repeated, it changes nothing.
 */
export async function applyAcceptance(
  deps: RelationshipsDeps,
  relationshipId: string,
  clientUserId: string,
): Promise<void> {
  const before = await findRelationship(deps.db, relationshipId);
  if (before?.status !== 'pending') return;
  // Read before the transaction: the provider is not asked while a row is locked (and on PGlite,
  // whose one connection the transaction holds, a read outside it would wait on itself).
  const coach = await deps.identity.users.get(before.coachUserId);
  try {
    await deps.db.transaction(async (tx) => {
      const current = await lockRelationship(tx, relationshipId);
      if (current?.status !== 'pending') return;
      await transition(tx, current, 'active', clientUserId, { clientUserId });
      if (coach)
        await queueMail(tx, {
          to: coach.email,
          subject: 'Your coaching invitation was accepted',
          text: `${current.clientEmail} accepted your invitation: you are now coaching them on Arete.\n\nYour clients: ${deps.publicUrl}/coach/clients`,
        });
    });
  } catch (error) {
    // The client already has another open relationship with this coach (they asked the coach too).
    if (postgresErrorCode(error) === UNIQUE_VIOLATION)
      throw new ConflictError('You already have a current relationship with this coach.');
    throw error;
  }
  deps.jobs.nudge();
}

/**
 * Declined by the invitee, or revoked in the provider: final, if it was still pending. One that
 * expired meanwhile stays expired (a late event is not an error to retry).
 */
export async function applyInvitationEnded(
  deps: RelationshipsDeps,
  relationshipId: string,
  to: 'declined' | 'revoked',
  actor: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const current = await lockRelationship(tx, relationshipId);
    if (!current || statusOf(current) !== 'pending') return;
    await transition(tx, current, to, actor);
  });
}

/**
 * Only a pending relationship is answered: 409 otherwise, naming what may follow (a paused one may
 * become active, but by resuming it, not by accepting it again).
 */
function refuseUnlessAnswerable(row: Relationship, accept: boolean): void {
  const status = statusOf(row);
  if (status === 'pending') return;
  refuseUnlessAllowed(status, accept ? 'active' : 'declined');
  // Only `paused` gets here (active may follow it): resumed, not accepted again.
  throw new ConflictError(
    `This relationship is ${status}: it was answered already; it can become ${relationshipTransitions[status].join(' or ')} by a change of status.`,
  );
}

/** The side that did not start it answers: the invitee an invitation, the coach a request. */
export async function respond(
  deps: RelationshipsDeps,
  caller: Caller,
  id: string,
  accept: boolean,
): Promise<RelationshipView> {
  const row = await changeAsParty(deps, caller, id, async (_tx, current, side) => {
    refuseUnlessAnswerable(current, accept);
    if (side === initiatorOf(current))
      throw new ConflictError('You started this relationship: the other side answers it.');
    return current;
  });
  const side = sideOf(row, caller);
  if (row.origin === 'invitation') {
    if (!row.invitationId)
      throw new ConflictError('The invitation is still being sent; try again in a moment.');
    // The provider decides (it checks the addressee); its event would apply the answer too.
    if (accept) {
      await acceptInvitation(deps, caller, row.invitationId);
      await applyAcceptance(deps, row.id, caller.userId);
    } else {
      await declineInvitation(deps, caller, row.invitationId);
      await applyInvitationEnded(deps, row.id, 'declined', caller.userId);
    }
    return relationshipView(deps.db, row.id, side);
  }
  // The requesting client, read before the transaction (see `applyAcceptance`).
  const client =
    accept && row.clientUserId ? await deps.identity.users.get(row.clientUserId) : null;
  await changeAsParty(deps, caller, id, async (tx, current) => {
    refuseUnlessAnswerable(current, accept);
    await transition(tx, current, accept ? 'active' : 'declined', caller.userId);
    if (client)
      await queueMail(tx, {
        to: client.email,
        subject: 'Your coach accepted your request',
        text: `Your request was accepted: you can start working with your coach on Arete.\n\n${deps.publicUrl}/member/coaching`,
      });
  });
  return relationshipView(deps.db, row.id, side);
}

/** The side that started it withdraws it while pending; the provider's invitation is revoked too. */
export async function revoke(
  deps: RelationshipsDeps,
  caller: Caller,
  id: string,
): Promise<RelationshipView> {
  const side = await changeAsParty(deps, caller, id, async (tx, row, side) => {
    // The other side declines instead (it sees the relationship: a 404 would contradict that).
    if (side !== initiatorOf(row)) {
      refuseUnlessAllowed(statusOf(row), 'revoked');
      throw new ConflictError(
        side === 'client'
          ? 'You were invited: decline the invitation instead.'
          : 'The client asked you: decline the request instead.',
      );
    }
    await transition(tx, row, 'revoked', caller.userId);
    if (row.origin === 'invitation') await queueInvitationRevocation(tx, row.id);
    return side;
  });
  return relationshipView(deps.db, id, side);
}

/** Pause, resume or complete, by either party, within the lifecycle. */
export async function changeStatus(
  deps: RelationshipsDeps,
  caller: Caller,
  id: string,
  status: 'paused' | 'active' | 'completed',
): Promise<RelationshipView> {
  const side = await changeAsParty(deps, caller, id, async (tx, row, side) => {
    // Accepting is answering, not a status change: only `respond` makes a pending one active.
    if (statusOf(row) === 'pending')
      throw new ConflictError('This relationship is pending: it is accepted or declined first.');
    await transition(tx, row, status, caller.userId);
    return side;
  });
  return relationshipView(deps.db, id, side);
}

/* ------------------------------------------------------------------------------------------ */
/* Reading                                                                                     */
/* ------------------------------------------------------------------------------------------ */

export async function getRelationship(
  deps: RelationshipsDeps,
  caller: Caller,
  id: string,
): Promise<RelationshipView> {
  const detail = await findRelationshipDetail(deps.db, id);
  const side = detail ? sideOf(detail.relationship, caller) : null;
  if (!detail || (!side && caller.role !== 'admin')) throw new NotFoundError('Relationship');
  if (!side)
    await recordAudit(deps.db, {
      actor: caller.userId,
      action: 'relationship.read',
      target: `relationship:${id}`,
    });
  return toRelationshipView(detail, side);
}

export async function listRelationships(
  deps: RelationshipsDeps,
  caller: Caller,
  side: Side,
  query: RelationshipListQuery,
): Promise<RelationshipList> {
  const scope =
    side === 'coach'
      ? { side, userId: caller.userId }
      : { side, userId: caller.userId, email: caller.email.toLowerCase() };
  const { rows, counts } = await listRelationshipsOf(
    deps.db,
    scope,
    { status: query.status, origin: query.origin, query: query.query },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  const totalCount = query.status
    ? (counts[query.status] ?? 0)
    : Object.values(counts).reduce((sum, count) => sum + count, 0);
  return {
    data: rows.map((row) => toRelationshipView(row, side)),
    totalCount,
    counts: Object.fromEntries(
      relationshipStatuses.map((status) => [status, counts[status] ?? 0]),
    ) as RelationshipList['counts'],
  };
}

/** Seed 001: every relationship of the member as a client, with each coach and practice. */
export async function memberRelationships(
  deps: RelationshipsDeps,
  caller: Caller,
): Promise<RelationshipView[]> {
  const { data } = await listRelationships(deps, caller, 'client', { page: 1, pageSize: 100 });
  return data;
}
