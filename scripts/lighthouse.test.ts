import { describe, expect, it } from 'vitest';
import { judge, type RunScores, settled } from './lighthouse.ts';

const run = (performance: number, accessibility = 1): RunScores => ({
  performance,
  accessibility,
  metrics: {},
  failedAccessibilityAudits: accessibility < 1 ? ['color-contrast'] : [],
});

describe('judging the Lighthouse runs of the landing page', () => {
  it('passes on a median performance of 0.95 and perfect accessibility', () => {
    expect(judge([run(0.97), run(0.93), run(0.96)])).toEqual({ performance: 0.96, problems: [] });
  });

  it('fails on a median under 0.95, or on any run with an accessibility finding', () => {
    expect(judge([run(0.9), run(0.96), run(0.94)]).problems).toEqual([
      'performance 0.94 is under 0.95',
    ]);
    expect(judge([run(0.99), run(0.99, 0.96)]).problems).toEqual([
      'accessibility 0.96: color-contrast',
    ]);
    expect(judge([]).problems).toEqual(['Lighthouse did not run']);
  });

  it('stops as soon as three of the five runs agree', () => {
    expect(settled([run(0.98), run(0.97)])).toBe(false);
    expect(settled([run(0.98), run(0.97), run(0.96)])).toBe(true);
    expect(settled([run(0.98), run(0.9), run(0.97)])).toBe(false);
    expect(settled([run(0.9), run(0.9), run(0.94)])).toBe(true);
    expect(settled([run(0.98), run(0.9), run(0.9), run(0.97), run(0.9)])).toBe(true);
    expect(settled([run(0.98), run(0.9), run(0.9), run(0.97)])).toBe(false);
  });
});
