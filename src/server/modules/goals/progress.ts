// Progress and momentum are computed on read from what is stored (start, current and target values,
// milestones, dates, the last check-in), so they are never stale.
import type { GoalStatus, Momentum } from '../../../contract/goals.ts';

export type KeyResultValues = {
  startValue: number;
  currentValue: number;
  targetValue: number;
  weight: number;
};

/** 0 to 1, linear from start to target, clamped; works for targets below the start too. */
export function keyResultProgress(keyResult: KeyResultValues): number {
  const span = keyResult.targetValue - keyResult.startValue;
  if (span === 0) return keyResult.currentValue === keyResult.targetValue ? 1 : 0;
  return clamp((keyResult.currentValue - keyResult.startValue) / span);
}

/**
 * The weighted mean of the key results' progress and the milestones (weight 1 each, done or not).
 * A goal with neither is 1 when completed, else 0.
 */
export function goalProgress(
  status: GoalStatus,
  keyResults: KeyResultValues[],
  milestones: { done: boolean }[],
): number {
  const parts = [
    ...keyResults.map((keyResult) => ({
      weight: keyResult.weight,
      value: keyResultProgress(keyResult),
    })),
    ...milestones.map((milestone) => ({ weight: 1, value: milestone.done ? 1 : 0 })),
  ];
  const total = parts.reduce((sum, part) => sum + part.weight, 0);
  if (total === 0) return status === 'completed' ? 1 : 0;
  return parts.reduce((sum, part) => sum + part.weight * part.value, 0) / total;
}

/** No check-in (nor start) for this long: stalled. */
export const STALLED_AFTER_DAYS = 21;
/** Behind the time elapsed by more than this share of the way: needs attention. */
export const BEHIND_BY = 0.2;
/** A last check-in this unsure (of 5): needs attention. */
export const LOW_CONFIDENCE = 2;
const DAY_MS = 24 * 60 * 60_000;

export type MomentumInput = {
  status: GoalStatus;
  progress: number;
  startedAt: Date | null;
  createdAt: Date;
  /** `YYYY-MM-DD`: the goal is due by the end of that day (UTC). */
  targetDate: string | null;
  lastCheckIn: { at: Date; confidence: number } | null;
};

/**
 * For goals in progress only (null otherwise):
 * - `stalled`: no check-in for 21 days (counted from the start when there is none yet);
 * - `needs_attention`: past the target date unfinished, more than 20 points behind the share of
 *   the time elapsed between start and target date, or a last check-in with confidence 2 or less;
 * - `on_track` otherwise.
 */
export function momentumOf(goal: MomentumInput, now: Date): Momentum | null {
  if (goal.status !== 'in_progress') return null;
  const started = goal.startedAt ?? goal.createdAt;
  const lastActivity = goal.lastCheckIn?.at ?? started;
  if (now.getTime() - lastActivity.getTime() > STALLED_AFTER_DAYS * DAY_MS) return 'stalled';
  if (goal.lastCheckIn && goal.lastCheckIn.confidence <= LOW_CONFIDENCE) return 'needs_attention';
  if (goal.targetDate) {
    const due = Date.parse(`${goal.targetDate}T23:59:59.999Z`);
    if (now.getTime() > due && goal.progress < 1) return 'needs_attention';
    const span = due - started.getTime();
    const expected = span > 0 ? clamp((now.getTime() - started.getTime()) / span) : 1;
    if (goal.progress + BEHIND_BY < expected) return 'needs_attention';
  }
  return 'on_track';
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
