import {
  type CheckInView,
  type GoalArea,
  type GoalList,
  type GoalStatus,
  type GoalView,
  goalAreas,
  goalTransitions,
  MOMENTUM_BY_URGENCY,
  type Momentum,
} from '../../contract/goals.ts';
import { ApiRequestError } from './api-client.ts';

/*
 * Goals as the pages show them: words for statuses, areas and momentum, the groups of the client's
 * list, progress in words, the status changes a goal offers (as buttons), the focus limit's 409,
 * the points of a goal's progress chart, and which goals a coach should look at. Pure: the hooks
 * and pages use it.
 */

export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  proposed: 'Proposed',
  not_started: 'Not started',
  in_progress: 'In progress',
  on_hold: 'On hold',
  completed: 'Completed',
  abandoned: 'Abandoned',
};

export const GOAL_AREA_LABELS: Record<GoalArea, string> = {
  career: 'Career',
  leadership: 'Leadership',
  wellbeing: 'Wellbeing',
  relationships: 'Relationships',
  skills: 'Skills',
  other: 'Other',
};

export const AREA_OPTIONS = goalAreas.map((area) => ({
  value: area,
  label: GOAL_AREA_LABELS[area],
}));

export const MOMENTUM_LABELS: Record<Momentum, string> = {
  on_track: 'On track',
  needs_attention: 'Needs attention',
  stalled: 'Stalled',
};

/** One line on what each momentum means, for the badge's title and the legend. */
export const MOMENTUM_HINTS: Record<Momentum, string> = {
  on_track: 'Progress keeps pace with the time and the last check-in was confident.',
  needs_attention:
    'Behind the time elapsed, past its date, or the last check-in was unsure (2 of 5 or less).',
  stalled: 'No check-in for three weeks.',
};

/* ------------------------------------------------------------------------------------------ */
/* The list                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/** The order of the groups on /goals: what is being worked on first, what is over last. */
export const GROUP_ORDER: readonly GoalStatus[] = [
  'in_progress',
  'not_started',
  'on_hold',
  'completed',
  'abandoned',
];

export type GoalGroup = { status: GoalStatus; goals: GoalView[] };

/**
 * The goals by status, in `GROUP_ORDER`, leaving out empty groups. Proposals are shown apart
 * (they wait for an answer): `proposed` is never a group here.
 */
export function groupGoals(goals: readonly GoalView[]): GoalGroup[] {
  return GROUP_ORDER.map((status) => ({
    status,
    goals: goals.filter((goal) => goal.status === status),
  })).filter((group) => group.goals.length > 0);
}

/** The goals a coach proposed that wait for the client's answer. */
export function proposals(goals: readonly GoalView[]): GoalView[] {
  return goals.filter((goal) => goal.status === 'proposed');
}

/** "2 of 3 in progress". */
export function focusSummary(focus: GoalList['focus']): string {
  return `${focus.inProgress} of ${focus.limit} in progress`;
}

/** Whether one more goal may start without putting another on hold. */
export function hasFocusRoom(focus: GoalList['focus']): boolean {
  return focus.inProgress < focus.limit;
}

/** 0 to 1 as a whole percentage, 0 to 100. */
export function percent(progress: number): number {
  if (!Number.isFinite(progress)) return 0;
  return Math.round(Math.min(1, Math.max(0, progress)) * 100);
}

/** What a progress bar says to a screen reader: "40% done". */
export function progressText(progress: number): string {
  return `${percent(progress)}% done`;
}

const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** A measured value in the reader's words: "3.5 km", "12". */
export function formatValue(value: number, unit: string | null | undefined): string {
  const number = numberFormat.format(value);
  return unit ? `${number} ${unit}` : number;
}

/** Where a key result stands: "3 of 10 sessions", or "4 kg, from 10 kg to 2 kg" when it falls. */
export function keyResultStanding(keyResult: {
  startValue: number;
  currentValue: number;
  targetValue: number;
  unit: string | null;
}): string {
  const { startValue, currentValue, targetValue, unit } = keyResult;
  if (startValue === 0 && targetValue > 0)
    return `${numberFormat.format(currentValue)} of ${formatValue(targetValue, unit)}`;
  return `${formatValue(currentValue, unit)}, from ${formatValue(startValue, unit)} to ${formatValue(targetValue, unit)}`;
}

/** Goals that take check-ins: open ones (the server refuses the others). */
export function takesCheckIns(status: GoalStatus): boolean {
  return status === 'not_started' || status === 'in_progress' || status === 'on_hold';
}

/* ------------------------------------------------------------------------------------------ */
/* Status changes                                                                              */
/* ------------------------------------------------------------------------------------------ */

export type StatusAction = {
  to: GoalStatus;
  label: string;
  tone: 'primary' | 'default' | 'danger';
  /** Asked before it is done (null: done at once). */
  confirm: { title: string; body: string; confirmLabel: string } | null;
  /** Said once it is done. */
  done: string;
};

function actionFor(from: GoalStatus, to: GoalStatus, title: string): StatusAction {
  switch (to) {
    case 'in_progress':
      return {
        to,
        label: from === 'not_started' ? 'Start' : from === 'on_hold' ? 'Resume' : 'Reopen',
        tone: 'primary',
        confirm: null,
        done: `“${title}” is in progress`,
      };
    case 'on_hold':
      return {
        to,
        label: 'Put on hold',
        tone: 'default',
        confirm: null,
        done: `“${title}” is on hold`,
      };
    case 'completed':
      return {
        to,
        label: 'Mark as completed',
        tone: 'default',
        confirm: null,
        done: `“${title}” is completed. Well done.`,
      };
    case 'not_started':
      return {
        to,
        label: from === 'abandoned' ? 'Reopen' : 'Move back to not started',
        tone: 'default',
        confirm: null,
        done: `“${title}” is not started`,
      };
    case 'abandoned':
      return {
        to,
        label: 'Abandon',
        tone: 'danger',
        confirm: {
          title: `Abandon “${title}”?`,
          body: 'It leaves your goals in progress and takes no more check-ins. Its history stays, and you can reopen it later.',
          confirmLabel: 'Abandon goal',
        },
        done: `“${title}” is abandoned`,
      };
    case 'proposed':
      return { to, label: 'Proposed', tone: 'default', confirm: null, done: '' };
  }
}

/**
 * The status changes a goal offers on its page, in the order of its lifecycle (`goalTransitions`),
 * reopening first for a closed goal. A proposal is answered apart (accept, edit, decline).
 */
export function statusActions(goal: Pick<GoalView, 'status' | 'title'>): StatusAction[] {
  if (goal.status === 'proposed') return [];
  return goalTransitions[goal.status].map((to) => actionFor(goal.status, to, goal.title));
}

/* ------------------------------------------------------------------------------------------ */
/* The focus limit                                                                             */
/* ------------------------------------------------------------------------------------------ */

function looksLikeGoal(value: unknown): value is GoalView {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as GoalView).id === 'string' &&
    typeof (value as GoalView).title === 'string'
  );
}

/**
 * The goals in progress a 409 named when a goal could not start past the focus limit, so that the
 * page can offer to put one on hold; null for any other failure.
 */
export function focusConflict(error: unknown): GoalView[] | null {
  if (!(error instanceof ApiRequestError) || error.status !== 409) return null;
  const existing = error.existing;
  if (!Array.isArray(existing) || existing.length === 0 || !existing.every(looksLikeGoal))
    return null;
  return existing;
}

/* ------------------------------------------------------------------------------------------ */
/* The progress chart                                                                          */
/* ------------------------------------------------------------------------------------------ */

export type ProgressPoint = {
  /** "Start", "Check-in 1", … */
  label: string;
  at: string;
  /** 0 to 100. */
  percent: number;
  confidence: number | null;
};

/**
 * The points of a goal's progress over its check-ins: where it began (0: key results start at
 * their start value, no milestone is done), then the progress right after each check-in.
 */
export function progressPoints(
  goal: Pick<GoalView, 'createdAt' | 'startedAt'>,
  checkIns: readonly Pick<CheckInView, 'createdAt' | 'progress' | 'confidence'>[],
): ProgressPoint[] {
  return [
    { label: 'Start', at: goal.createdAt, percent: 0, confidence: null },
    ...checkIns.map((checkIn, index) => ({
      label: `Check-in ${index + 1}`,
      at: checkIn.createdAt,
      percent: percent(checkIn.progress),
      confidence: checkIn.confidence,
    })),
  ];
}

/** The chart's text alternative: "From 0% at the start to 40% after 2 check-ins." */
export function progressSummary(points: readonly ProgressPoint[]): string {
  const last = points.at(-1);
  const checkIns = points.length - 1;
  if (!last || checkIns === 0) return 'No check-ins yet.';
  return `From ${points[0]?.percent ?? 0}% at the start to ${last.percent}% after ${checkIns} check-in${checkIns === 1 ? '' : 's'}.`;
}

/* ------------------------------------------------------------------------------------------ */
/* A coach's clients                                                                           */
/* ------------------------------------------------------------------------------------------ */

/* ------------------------------------------------------------------------------------------ */
/* A coach's clients                                                                           */
/* ------------------------------------------------------------------------------------------ */

/** The goals across clients that have stalled or need attention, in the server's order. */
export function needingAttention<T extends { goal: Pick<GoalView, 'momentum'> }>(
  rows: readonly T[],
): T[] {
  return rows.filter(
    ({ goal }) => goal.momentum === 'stalled' || goal.momentum === 'needs_attention',
  );
}

/** One client's goals in progress: how many, and the worst momentum among them. */
export function momentumOfClient(
  rows: readonly { relationshipId: string; goal: Pick<GoalView, 'momentum'> }[],
  relationshipId: string,
): { inProgress: number; worst: Momentum | null } {
  const mine = rows.filter((row) => row.relationshipId === relationshipId);
  const worst =
    MOMENTUM_BY_URGENCY.find((momentum) => mine.some((row) => row.goal.momentum === momentum)) ??
    null;
  return { inProgress: mine.length, worst };
}

/* ------------------------------------------------------------------------------------------ */
/* Addresses                                                                                   */
/* ------------------------------------------------------------------------------------------ */

export function goalPath(id: string): string {
  return `/goals/${encodeURIComponent(id)}`;
}

export function clientGoalsPath(relationshipId: string): string {
  return `/coach/clients/${encodeURIComponent(relationshipId)}/goals`;
}

export function clientGoalPath(relationshipId: string, goalId: string): string {
  return `${clientGoalsPath(relationshipId)}/${encodeURIComponent(goalId)}`;
}
