import { describe, expect, it } from 'vitest';
import { goalProgress, keyResultProgress, momentumOf } from './progress.ts';

const kr = (startValue: number, currentValue: number, targetValue: number, weight = 1) => ({
  startValue,
  currentValue,
  targetValue,
  weight,
});

describe('keyResultProgress', () => {
  it('is linear from start to target and clamped to 0..1', () => {
    expect(keyResultProgress(kr(0, 5, 10))).toBe(0.5);
    expect(keyResultProgress(kr(0, -3, 10))).toBe(0);
    expect(keyResultProgress(kr(0, 14, 10))).toBe(1);
  });

  it('works for a target below the start (fewer meetings, lower weight)', () => {
    expect(keyResultProgress(kr(20, 15, 10))).toBe(0.5);
    expect(keyResultProgress(kr(20, 25, 10))).toBe(0);
  });
});

describe('goalProgress', () => {
  it('weighs key results by their weight and milestones as 1 each', () => {
    // (3 × 0.5 + 1 × 1 + 1 × 0) / 5 = 0.5
    expect(goalProgress('in_progress', [kr(0, 5, 10, 3)], [{ done: true }, { done: false }])).toBe(
      0.5,
    );
  });

  it('without measures is 1 once completed, else 0', () => {
    expect(goalProgress('completed', [], [])).toBe(1);
    expect(goalProgress('in_progress', [], [])).toBe(0);
  });
});

describe('momentumOf', () => {
  const start = new Date('2027-01-01T00:00:00Z');
  const base = {
    status: 'in_progress' as const,
    progress: 0.5,
    startedAt: start,
    createdAt: start,
    targetDate: '2027-04-10',
    lastCheckIn: { at: new Date('2027-02-15T00:00:00Z'), confidence: 4 },
  };
  const on = (date: string) => new Date(`${date}T12:00:00Z`);

  it('is on track when progress keeps up with the time elapsed', () => {
    expect(momentumOf(base, on('2027-02-20'))).toBe('on_track');
  });

  it('needs attention when more than 20 points behind the time elapsed', () => {
    // 2027-03-25 is ~84% of the way from 1 Jan to 10 Apr; 50% done is 34 points behind.
    expect(
      momentumOf(
        { ...base, lastCheckIn: { at: on('2027-03-20'), confidence: 4 } },
        on('2027-03-25'),
      ),
    ).toBe('needs_attention');
  });

  it('needs attention past its target date unfinished, or after an unsure check-in', () => {
    expect(
      momentumOf(
        { ...base, lastCheckIn: { at: on('2027-04-11'), confidence: 5 } },
        on('2027-04-12'),
      ),
    ).toBe('needs_attention');
    expect(
      momentumOf(
        { ...base, lastCheckIn: { at: on('2027-02-19'), confidence: 2 } },
        on('2027-02-20'),
      ),
    ).toBe('needs_attention');
  });

  it('is stalled after 21 days without a check-in, counted from the start when there is none', () => {
    expect(momentumOf(base, on('2027-03-09'))).toBe('stalled');
    expect(momentumOf({ ...base, lastCheckIn: null, targetDate: null }, on('2027-01-21'))).toBe(
      'on_track',
    );
    expect(momentumOf({ ...base, lastCheckIn: null, targetDate: null }, on('2027-01-23'))).toBe(
      'stalled',
    );
  });

  it('is only for goals in progress', () => {
    expect(momentumOf({ ...base, status: 'on_hold' }, on('2027-03-09'))).toBeNull();
    expect(momentumOf({ ...base, status: 'completed' }, on('2027-03-09'))).toBeNull();
  });
});
