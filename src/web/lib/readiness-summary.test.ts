import { describe, expect, it } from 'vitest';
import type { Readiness } from '../../contract/health.ts';
import { summarizeReadiness } from './readiness-summary.ts';

function readiness(overrides: {
  status?: Readiness['status'];
  reachable?: boolean;
  applied?: number;
}): Readiness {
  return {
    status: overrides.status ?? 'ready',
    database: {
      driver: 'pglite',
      reachable: overrides.reachable ?? true,
      migrations: { applied: overrides.applied ?? 2, expected: 2 },
    },
  };
}

describe('summarizeReadiness', () => {
  it('says checking before the first answer', () => {
    expect(summarizeReadiness(undefined, false)).toEqual({ tone: 'pending', label: 'Checking…' });
  });

  it('says all systems ready when the server is ready', () => {
    expect(summarizeReadiness(readiness({}), false)).toEqual({
      tone: 'ready',
      label: 'All systems ready',
      detail: 'pglite · migrations 2/2',
    });
  });

  it('says starting while migrations are behind', () => {
    const summary = summarizeReadiness(readiness({ status: 'not_ready', applied: 1 }), false);
    expect(summary.tone).toBe('starting');
    expect(summary.label).toBe('Starting…');
  });

  it('says not ready when the database is unreachable', () => {
    const summary = summarizeReadiness(readiness({ status: 'not_ready', reachable: false }), false);
    expect(summary).toMatchObject({ tone: 'down', label: 'Not ready' });
  });

  it('says not ready when the server does not answer', () => {
    expect(summarizeReadiness(undefined, true)).toMatchObject({ tone: 'down', label: 'Not ready' });
  });
});
