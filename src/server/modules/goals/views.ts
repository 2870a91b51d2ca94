import type { CheckInView, GoalView } from '../../../contract/goals.ts';
import { goalProgress, keyResultProgress, momentumOf } from './progress.ts';
import type { GoalRecord } from './repository.ts';
import type { CheckInRow } from './schema.ts';

export function toGoalView(record: GoalRecord, now: Date): GoalView {
  const { goal } = record;
  const milestones = record.milestones.map((milestone) => ({ done: milestone.doneAt !== null }));
  const progress = goalProgress(goal.status, record.keyResults, milestones);
  return {
    id: goal.id,
    clientUserId: goal.clientUserId,
    relationshipId: goal.relationshipId,
    title: goal.title,
    description: goal.description,
    whyItMatters: goal.whyItMatters,
    area: goal.area,
    status: goal.status,
    source: goal.source,
    proposedBy: goal.proposedBy,
    visibility: goal.visibility,
    targetDate: goal.targetDate,
    startedAt: goal.startedAt?.toISOString() ?? null,
    completedAt: goal.completedAt?.toISOString() ?? null,
    keyResults: record.keyResults.map((keyResult) => ({
      id: keyResult.id,
      title: keyResult.title,
      startValue: keyResult.startValue,
      currentValue: keyResult.currentValue,
      targetValue: keyResult.targetValue,
      unit: keyResult.unit,
      weight: keyResult.weight,
      progress: keyResultProgress(keyResult),
    })),
    milestones: record.milestones.map((milestone) => ({
      id: milestone.id,
      title: milestone.title,
      doneAt: milestone.doneAt?.toISOString() ?? null,
    })),
    progress,
    momentum: momentumOf(
      {
        status: goal.status,
        progress,
        startedAt: goal.startedAt,
        createdAt: goal.createdAt,
        targetDate: goal.targetDate,
        lastCheckIn: record.lastCheckIn,
      },
      now,
    ),
    lastCheckInAt: record.lastCheckIn?.at.toISOString() ?? null,
    checkInCount: record.checkInCount,
    createdAt: goal.createdAt.toISOString(),
    updatedAt: goal.updatedAt.toISOString(),
  };
}

export function toCheckInView(row: CheckInRow): CheckInView {
  return {
    id: row.id,
    goalId: row.goalId,
    values: row.values,
    milestones: row.milestones,
    confidence: row.confidence,
    note: row.note,
    progress: row.progress,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
