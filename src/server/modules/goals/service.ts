// The rules of goals (issue 10): a goal is its client's; their coach in an active relationship reads
// the shared ones, comments and proposes new ones, which the client accepts or declines. Nobody else
// sees a goal (404). At most `focusLimit` goals are in progress at once; check-ins are append-only.
// Every change is audited.
import {
  type CheckInBody,
  type CheckInView,
  type CreateGoalBody,
  type GoalList,
  type GoalStatus,
  type GoalView,
  goalTransitions,
  type ProposeGoalBody,
  type UpdateGoalBody,
} from '../../../contract/goals.ts';
import type { Database } from '../../db/client.ts';
import { BadRequestError, ConflictError, NotFoundError } from '../../http/errors.ts';
import type { Caller } from '../../identity/auth-plugin.ts';
import type { IdentityProvider } from '../../identity/port.ts';
import { recordAudit } from '../audit/service.ts';
import { sharesWithCoachesByDefault } from '../member/session-settings.ts';
import { activeClientOf } from '../relationships/coach-access.ts';
import { findRelationship } from '../relationships/repository.ts';
import { goalProgress } from './progress.ts';
import {
  findGoalRecords,
  type GoalScope,
  goalsInProgress,
  insertCheckIn,
  insertGoal,
  listCheckIns,
  lockClientFocus,
  lockGoal,
  type NewGoal,
  setKeyResultValues,
  setMilestonesDone,
  updateGoal as updateGoalRow,
} from './repository.ts';
import type { GoalRow } from './schema.ts';
import { toCheckInView, toGoalView } from './views.ts';

export type GoalsDeps = { db: Database; identity: IdentityProvider; focusLimit: number };

export const ownGoals = (caller: Caller): GoalScope => ({
  clientUserId: caller.userId,
  sharedOnly: false,
});

/** A client's shared goals, for their coach in the active relationship `relationshipId`. */
export async function coachGoals(
  deps: Pick<GoalsDeps, 'db'>,
  caller: Caller,
  relationshipId: string,
): Promise<GoalScope & { relationshipId: string }> {
  const { clientUserId } = await activeClientOf(deps.db, caller, relationshipId);
  return { clientUserId, sharedOnly: true, relationshipId };
}

export async function listGoals(
  deps: GoalsDeps,
  scope: GoalScope,
  filter: { status?: GoalStatus | undefined; area?: CreateGoalBody['area'] | undefined },
  now = new Date(),
): Promise<GoalList> {
  const records = await findGoalRecords(deps.db, scope, filter);
  const inProgress = filter.status
    ? (await goalsInProgress(deps.db, scope.clientUserId)).length
    : records.filter((record) => record.goal.status === 'in_progress').length;
  return {
    data: records.map((record) => toGoalView(record, now)),
    focus: { limit: deps.focusLimit, inProgress },
  };
}

export async function getGoal(
  deps: GoalsDeps,
  scope: GoalScope,
  id: string,
  now = new Date(),
): Promise<GoalView> {
  const [record] = await findGoalRecords(deps.db, scope, { id });
  if (!record) throw new NotFoundError('Goal');
  return toGoalView(record, now);
}

/** Refuses a goal to start when the client already has `focusLimit` in progress: 409 with them. */
async function refuseOverFocus(
  tx: Database,
  deps: GoalsDeps,
  clientUserId: string,
  except?: string,
): Promise<void> {
  await lockClientFocus(tx, clientUserId);
  const current = await goalsInProgress(tx, clientUserId, except);
  if (current.length < deps.focusLimit) return;
  const records = await findGoalRecords(tx, { clientUserId, sharedOnly: false });
  throw new ConflictError(
    `You already work on ${current.length} goals at once, the most there may be. Put one on hold or finish it first.`,
    records
      .filter((record) => record.goal.status === 'in_progress' && record.goal.id !== except)
      .map((record) => toGoalView(record, new Date())),
  );
}

export async function createGoal(
  deps: GoalsDeps,
  caller: Caller,
  body: CreateGoalBody,
): Promise<GoalView> {
  const prepared = await prepareGoal(deps, caller, body);
  const id = await deps.db.transaction((tx) => addGoal(tx, deps, caller, prepared, 'manual'));
  return getGoal(deps, ownGoals(caller), id);
}

/** A new goal's checks that need no transaction: its relationship, and who sees it by default. */
export async function prepareGoal(
  deps: GoalsDeps,
  caller: Caller,
  body: CreateGoalBody,
): Promise<CreateGoalBody & { visibility: 'private' | 'shared' }> {
  if (body.relationshipId) {
    const relationship = await findRelationship(deps.db, body.relationshipId);
    if (relationship?.clientUserId !== caller.userId) throw new NotFoundError('Relationship');
  }
  const visibility =
    body.visibility ??
    ((await sharesWithCoachesByDefault(deps.identity, caller.userId)) ? 'shared' : 'private');
  return { ...body, visibility };
}

/** Adds a client's own goal in the caller's transaction (the focus limit checked); its id. */
export async function addGoal(
  tx: Database,
  deps: GoalsDeps,
  caller: Caller,
  body: CreateGoalBody & { visibility: 'private' | 'shared' },
  source: 'manual' | 'suggestion',
): Promise<string> {
  if (body.status === 'in_progress') await refuseOverFocus(tx, deps, caller.userId);
  const goal = await insertGoal(
    tx,
    {
      ...goalValues(body),
      clientUserId: caller.userId,
      relationshipId: body.relationshipId ?? null,
      status: body.status,
      source,
      visibility: body.visibility,
      startedAt: body.status === 'in_progress' ? new Date() : null,
      createdBy: caller.userId,
      updatedBy: caller.userId,
    },
    body.keyResults.map(keyResultValues),
    body.milestones,
  );
  await audit(tx, caller.userId, 'goal.create', goal, {
    status: goal.status,
    visibility: body.visibility,
    source,
  });
  return goal.id;
}

/** A coach proposes a goal to the client of the active relationship: `proposed`, shared. */
export async function proposeGoal(
  deps: GoalsDeps,
  caller: Caller,
  relationshipId: string,
  body: ProposeGoalBody,
): Promise<GoalView> {
  const scope = await coachGoals(deps, caller, relationshipId);
  const id = await deps.db.transaction(async (tx) => {
    const goal = await insertGoal(
      tx,
      {
        ...goalValues(body),
        clientUserId: scope.clientUserId,
        relationshipId,
        status: 'proposed',
        source: 'coach',
        proposedBy: caller.userId,
        visibility: 'shared',
        createdBy: caller.userId,
        updatedBy: caller.userId,
      },
      body.keyResults.map(keyResultValues),
      body.milestones,
    );
    await audit(tx, caller.userId, 'goal.propose', goal, { clientUserId: scope.clientUserId });
    return goal.id;
  });
  return getGoal(deps, scope, id);
}

function goalValues(body: ProposeGoalBody) {
  return {
    title: body.title,
    description: body.description ?? null,
    whyItMatters: body.whyItMatters ?? null,
    area: body.area,
    targetDate: body.targetDate ?? null,
  };
}

function keyResultValues(keyResult: CreateGoalBody['keyResults'][number]) {
  return {
    title: keyResult.title,
    startValue: keyResult.startValue,
    currentValue: keyResult.startValue,
    targetValue: keyResult.targetValue,
    unit: keyResult.unit ?? null,
    weight: keyResult.weight,
  };
}

/** The client changes their goal: its fields, who sees it, and its status within the lifecycle. */
export async function updateGoal(
  deps: GoalsDeps,
  caller: Caller,
  id: string,
  body: UpdateGoalBody,
): Promise<GoalView> {
  await deps.db.transaction(async (tx) => {
    const goal = await lockGoal(tx, ownGoals(caller), id);
    if (!goal) throw new NotFoundError('Goal');
    const changes: Partial<NewGoal> = { ...body, updatedBy: caller.userId };
    if (body.status && body.status !== goal.status) {
      const allowed = goalTransitions[goal.status];
      if (!allowed.includes(body.status))
        throw new ConflictError(
          `A goal that is ${words(goal.status)} can become ${allowed.map(words).join(', ') || 'nothing else'}, not ${words(body.status)}.`,
        );
      if (body.status === 'in_progress') {
        await refuseOverFocus(tx, deps, caller.userId, goal.id);
        changes.startedAt = goal.startedAt ?? new Date();
      }
      changes.completedAt = body.status === 'completed' ? new Date() : null;
    }
    const updated = await updateGoalRow(tx, goal.id, changes);
    await recordAudit(tx, {
      actor: caller.userId,
      action: `goal.${actionOf(goal, body)}`,
      target: `goal:${goal.id}`,
      before: pick(goal, body),
      after: pick(updated, body),
    });
  });
  return getGoal(deps, ownGoals(caller), id);
}

/** A status as a person reads it: `not_started` → "not started". */
const words = (status: GoalStatus) => status.replace('_', ' ');

function actionOf(goal: GoalRow, body: UpdateGoalBody): string {
  if (goal.status === 'proposed' && body.status === 'abandoned') return 'decline';
  if (goal.status === 'proposed' && body.status) return 'accept';
  return 'update';
}

function pick(goal: GoalRow, body: UpdateGoalBody): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(body).map((key) => [key, goal[key as keyof UpdateGoalBody]]),
  );
}

/** Appends a check-in: the new values and milestones, a confidence and a note. */
export async function checkIn(
  deps: GoalsDeps,
  caller: Caller,
  id: string,
  body: CheckInBody,
): Promise<CheckInView> {
  return deps.db.transaction(async (tx) => {
    const goal = await lockGoal(tx, ownGoals(caller), id);
    if (!goal) throw new NotFoundError('Goal');
    if (!['not_started', 'in_progress', 'on_hold'].includes(goal.status))
      throw new ConflictError(
        `A goal that is ${words(goal.status)} takes no check-ins: reopen it first.`,
      );
    const [record] = await findGoalRecords(tx, ownGoals(caller), { id });
    if (!record) throw new NotFoundError('Goal');
    const keyResultIds = new Set(record.keyResults.map((keyResult) => keyResult.id));
    const milestoneIds = new Set(record.milestones.map((milestone) => milestone.id));
    if (body.values.some((value) => !keyResultIds.has(value.keyResultId)))
      throw new BadRequestError('A value names a key result this goal does not have.');
    if (body.milestones.some((milestone) => !milestoneIds.has(milestone.milestoneId)))
      throw new BadRequestError('A milestone named is not one of this goal’s.');
    if (body.values.length === 0 && body.milestones.length === 0 && !body.note)
      throw new BadRequestError('A check-in needs a new value, a milestone or a note.');
    await setKeyResultValues(tx, goal.id, body.values);
    await setMilestonesDone(tx, goal.id, body.milestones);
    const newValues = new Map(body.values.map((value) => [value.keyResultId, value.value]));
    const newDone = new Map(
      body.milestones.map((milestone) => [milestone.milestoneId, milestone.done]),
    );
    const progress = goalProgress(
      goal.status,
      record.keyResults.map((keyResult) => ({
        ...keyResult,
        currentValue: newValues.get(keyResult.id) ?? keyResult.currentValue,
      })),
      record.milestones.map((milestone) => ({
        done: newDone.get(milestone.id) ?? milestone.doneAt !== null,
      })),
    );
    const row = await insertCheckIn(tx, {
      goalId: goal.id,
      values: body.values,
      milestones: body.milestones,
      confidence: body.confidence,
      note: body.note ?? null,
      progress,
      createdBy: caller.userId,
    });
    await updateGoalRow(tx, goal.id, { updatedBy: caller.userId });
    await audit(tx, caller.userId, 'goal.check_in', goal, { checkInId: row.id, progress });
    return toCheckInView(row);
  });
}

export async function getCheckIns(
  deps: GoalsDeps,
  scope: GoalScope,
  id: string,
): Promise<{ data: CheckInView[] }> {
  const [record] = await findGoalRecords(deps.db, scope, { id });
  if (!record) throw new NotFoundError('Goal');
  return { data: (await listCheckIns(deps.db, id)).map(toCheckInView) };
}

function audit(
  tx: Database,
  actor: string,
  action: string,
  goal: GoalRow,
  after: Record<string, unknown>,
): Promise<void> {
  return recordAudit(tx, { actor, action, target: `goal:${goal.id}`, after });
}
