// Seed 001: a member without a coach says what they want from coaching; the admins triage the
// submissions and match one to a listed coach, whose invitation then goes to the member.
import type {
  CoachingInterestBody,
  CoachingInterestPatch,
  CoachingInterestQuery,
  CoachingInterestView,
} from '../../../contract/coaching-interest.ts';
import type { RelationshipView } from '../../../contract/relationships.ts';
import { postgresErrorCode, UNIQUE_VIOLATION } from '../../db/errors.ts';
import { ConflictError, NotFoundError } from '../../http/errors.ts';
import type { Caller } from '../../identity/auth-plugin.ts';
import { recordAudit } from '../audit/service.ts';
import { findListedCoach } from '../relationships/coach-repository.ts';
import {
  openInvitation,
  type RelationshipsDeps,
  relationshipView,
} from '../relationships/service.ts';
import {
  findOpenSubmissionOf,
  findSubmission,
  insertSubmission,
  listSubmissions,
  updateSubmission,
} from './repository.ts';
import type { CoachingInterest } from './schema.ts';

export function toCoachingInterestView(row: CoachingInterest): CoachingInterestView {
  return {
    id: row.id,
    member: { identityUserId: row.memberUserId, email: row.memberEmail, name: row.memberName },
    goals: row.goals,
    focusAreas: row.focusAreas,
    preferredFormat: row.preferredFormat,
    availability: row.availability,
    message: row.message,
    status: row.status,
    notes: row.notes,
    matchedCoachUserId: row.matchedCoachUserId,
    matchedCoachName: row.matchedCoachName,
    relationshipId: row.relationshipId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function nameOf(user: { firstName: string | null; lastName: string | null } | null) {
  const name = [user?.firstName, user?.lastName].filter(Boolean).join(' ');
  return name || null;
}

/** One open submission per member: a second answers 409 with the first. */
export async function submitInterest(
  deps: RelationshipsDeps,
  caller: Caller,
  body: CoachingInterestBody,
): Promise<CoachingInterestView> {
  const user = await deps.identity.users.get(caller.userId);
  const row = await insertSubmission(deps.db, {
    memberUserId: caller.userId,
    memberEmail: caller.email.toLowerCase(),
    memberName: nameOf(user),
    goals: body.goals,
    focusAreas: body.focusAreas,
    preferredFormat: body.preferredFormat,
    availability: body.availability ?? null,
    message: body.message ?? null,
  });
  if (!row) {
    const open = await findOpenSubmissionOf(deps.db, caller.userId);
    throw new ConflictError(
      'You already told us what you are looking for: we will be in touch about that request.',
      open && toCoachingInterestView(open),
    );
  }
  return toCoachingInterestView(row);
}

export async function myOpenInterest(
  deps: RelationshipsDeps,
  caller: Caller,
): Promise<CoachingInterestView | null> {
  const row = await findOpenSubmissionOf(deps.db, caller.userId);
  return row ? toCoachingInterestView(row) : null;
}

export async function listInterest(deps: RelationshipsDeps, query: CoachingInterestQuery) {
  const { rows, totalCount } = await listSubmissions(
    deps.db,
    { status: query.status, query: query.query },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return { data: rows.map(toCoachingInterestView), totalCount };
}

export async function getInterest(
  deps: RelationshipsDeps,
  id: string,
): Promise<CoachingInterestView> {
  const row = await findSubmission(deps.db, id);
  if (!row) throw new NotFoundError('Submission');
  return toCoachingInterestView(row);
}

export async function updateInterest(
  deps: RelationshipsDeps,
  caller: Caller,
  id: string,
  patch: CoachingInterestPatch,
): Promise<CoachingInterestView> {
  let memberUserId: string | undefined;
  try {
    const updated = await deps.db.transaction(async (tx) => {
      const current = await findSubmission(tx, id, { lock: true });
      if (!current) throw new NotFoundError('Submission');
      memberUserId = current.memberUserId;
      const row = await updateSubmission(tx, id, patch);
      await recordAudit(tx, {
        actor: caller.userId,
        action: 'coaching_interest.update',
        target: `coaching_interest:${id}`,
        before: { status: current.status, notes: current.notes },
        after: { status: row?.status, notes: row?.notes },
      });
      return row;
    });
    if (!updated) throw new NotFoundError('Submission');
    return toCoachingInterestView(updated);
  } catch (error) {
    // Reopened while the member has another open submission: one open one at a time.
    if (postgresErrorCode(error) !== UNIQUE_VIOLATION || !memberUserId) throw error;
    const open = await findOpenSubmissionOf(deps.db, memberUserId);
    throw new ConflictError(
      'The member has another open submission: close that one before reopening this one.',
      open && toCoachingInterestView(open),
    );
  }
}

/**
 * Matches the submission to a listed coach: the coach's invitation goes to the member (inviter: the
 * coach), and the submission is marked matched, in one transaction.
 */
export async function matchInterest(
  deps: RelationshipsDeps,
  caller: Caller,
  id: string,
  coachUserId: string,
): Promise<{ submission: CoachingInterestView; relationship: RelationshipView }> {
  const coach = await findListedCoach(deps.db, coachUserId);
  if (!coach?.practiceOrgId) throw new NotFoundError('Coach');
  const practiceOrgId = coach.practiceOrgId;
  const found = await findSubmission(deps.db, id);
  if (!found) throw new NotFoundError('Submission');
  if (found.memberUserId === coachUserId)
    throw new ConflictError('This coach is the member who asked: choose another coach.');
  // The member's current email, read before the transaction: the provider is not asked while the
  // row is locked (and on PGlite, whose one connection the transaction holds, it would wait on itself).
  const member = await deps.identity.users.get(found.memberUserId);
  const { submission, relationshipId } = await deps.db.transaction(async (tx) => {
    const current = await findSubmission(tx, id, { lock: true });
    if (!current) throw new NotFoundError('Submission');
    if (current.status === 'matched' || current.status === 'closed')
      throw new ConflictError(`This submission is ${current.status} already.`);
    const { relationship } = await openInvitation(tx, {
      coachUserId,
      coachOrgId: practiceOrgId,
      email: member?.email ?? current.memberEmail,
      message: current.message ?? undefined,
      actor: caller.userId,
    });
    const row = await updateSubmission(tx, id, {
      status: 'matched',
      matchedCoachUserId: coachUserId,
      matchedCoachName: `${coach.firstName} ${coach.lastName}`,
      relationshipId: relationship.id,
    });
    await recordAudit(tx, {
      actor: caller.userId,
      action: 'coaching_interest.match',
      target: `coaching_interest:${id}`,
      before: { status: current.status },
      after: { status: 'matched', coachUserId, relationshipId: relationship.id },
    });
    if (!row) throw new NotFoundError('Submission');
    return { submission: row, relationshipId: relationship.id };
  });
  deps.jobs.nudge();
  return {
    submission: toCoachingInterestView(submission),
    // Shown as any admin sees it; the match is the audited act, not a read of what it made.
    relationship: await relationshipView(deps.db, relationshipId, null),
  };
}
