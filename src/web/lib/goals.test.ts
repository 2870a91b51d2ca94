import { describe, expect, it } from 'vitest';
import type { GoalView } from '../../contract/goals.ts';
import { ApiRequestError } from './api-client.ts';
import {
  focusConflict,
  focusSummary,
  groupGoals,
  keyResultStanding,
  momentumOfClient,
  needingAttention,
  percent,
  progressPoints,
  progressSummary,
  progressText,
  proposals,
  statusActions,
} from './goals.ts';

function goal(overrides: Partial<GoalView> = {}): GoalView {
  return {
    id: 'g1',
    clientUserId: 'u1',
    relationshipId: null,
    title: 'Delegate more',
    description: null,
    whyItMatters: null,
    area: 'leadership',
    status: 'in_progress',
    source: 'manual',
    proposedBy: null,
    visibility: 'private',
    targetDate: null,
    startedAt: '2026-01-01T00:00:00.000Z',
    completedAt: null,
    keyResults: [],
    milestones: [],
    progress: 0,
    momentum: 'on_track',
    lastCheckInAt: null,
    checkInCount: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('the client’s list of goals', () => {
  it('groups by status, in progress first, empty groups and proposals left out', () => {
    const groups = groupGoals([
      goal({ id: 'a', status: 'completed' }),
      goal({ id: 'b', status: 'in_progress' }),
      goal({ id: 'c', status: 'proposed' }),
      goal({ id: 'd', status: 'not_started' }),
      goal({ id: 'e', status: 'in_progress' }),
    ]);
    expect(groups.map((group) => group.status)).toEqual([
      'in_progress',
      'not_started',
      'completed',
    ]);
    expect(groups[0]?.goals.map((one) => one.id)).toEqual(['b', 'e']);
    expect(proposals([goal({ id: 'c', status: 'proposed' }), goal()]).map((one) => one.id)).toEqual(
      ['c'],
    );
  });

  it('says the focus and progress in words', () => {
    expect(focusSummary({ limit: 3, inProgress: 2 })).toBe('2 of 3 in progress');
    expect(percent(0.404)).toBe(40);
    expect(percent(1.2)).toBe(100);
    expect(percent(Number.NaN)).toBe(0);
    expect(progressText(0.5)).toBe('50% done');
  });

  it('says where a key result stands, rising or falling', () => {
    expect(
      keyResultStanding({ startValue: 0, currentValue: 3, targetValue: 10, unit: 'sessions' }),
    ).toBe('3 of 10 sessions');
    expect(keyResultStanding({ startValue: 10, currentValue: 4, targetValue: 2, unit: 'kg' })).toBe(
      '4 kg, from 10 kg to 2 kg',
    );
  });
});

describe('status changes', () => {
  it('offers the lifecycle’s next steps in words, asking before abandoning', () => {
    const labels = (status: GoalView['status']) =>
      statusActions(goal({ status })).map((action) => action.label);
    expect(labels('not_started')).toEqual(['Start', 'Put on hold', 'Mark as completed', 'Abandon']);
    expect(labels('on_hold')[0]).toBe('Resume');
    expect(labels('completed')).toEqual(['Reopen']);
    expect(labels('abandoned')).toEqual(['Reopen']);
    expect(labels('proposed')).toEqual([]);
    const abandon = statusActions(goal()).find((action) => action.to === 'abandoned');
    expect(abandon?.confirm?.title).toBe('Abandon “Delegate more”?');
  });
});

describe('the focus limit', () => {
  it('reads the goals in progress from a 409, and nothing else', () => {
    const conflict = new ApiRequestError({
      status: 409,
      code: 'conflict',
      message: 'You already work on 3 goals',
      existing: [goal({ id: 'x' }), goal({ id: 'y' })],
    });
    expect(focusConflict(conflict)?.map((one) => one.id)).toEqual(['x', 'y']);
    expect(
      focusConflict(new ApiRequestError({ status: 409, code: 'conflict', message: 'no' })),
    ).toBeNull();
    expect(
      focusConflict(
        new ApiRequestError({ status: 400, code: 'bad', message: 'no', existing: [goal()] }),
      ),
    ).toBeNull();
    expect(focusConflict(new Error('offline'))).toBeNull();
  });
});

describe('the progress chart', () => {
  it('starts at 0 and adds a point per check-in, with a summary in words', () => {
    const points = progressPoints(goal(), [
      { createdAt: '2026-01-05T00:00:00.000Z', progress: 0.25, confidence: 3 },
      { createdAt: '2026-01-12T00:00:00.000Z', progress: 0.6, confidence: 4 },
    ]);
    expect(points.map((point) => [point.label, point.percent])).toEqual([
      ['Start', 0],
      ['Check-in 1', 25],
      ['Check-in 2', 60],
    ]);
    expect(progressSummary(points)).toBe('From 0% at the start to 60% after 2 check-ins.');
    expect(progressSummary(progressPoints(goal(), []))).toBe('No check-ins yet.');
  });
});

describe('a coach’s clients and their momentum', () => {
  const row = (relationshipId: string, momentum: 'on_track' | 'needs_attention' | 'stalled') => ({
    relationshipId,
    goal: { momentum },
  });
  const rows = [
    row('a', 'stalled'),
    row('b', 'on_track'),
    row('a', 'on_track'),
    row('c', 'needs_attention'),
  ];

  it('keeps the goals that stalled or need attention, in the order given', () => {
    expect(needingAttention(rows).map((one) => one.relationshipId)).toEqual(['a', 'c']);
  });

  it('counts a client’s goals in progress and names the worst momentum', () => {
    expect(momentumOfClient(rows, 'a')).toEqual({ inProgress: 2, worst: 'stalled' });
    expect(momentumOfClient(rows, 'b')).toEqual({ inProgress: 1, worst: 'on_track' });
    expect(momentumOfClient(rows, 'z')).toEqual({ inProgress: 0, worst: null });
  });
});
