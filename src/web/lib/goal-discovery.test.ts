import { describe, expect, it } from 'vitest';
import { goalAreas } from '../../contract/goals.ts';
import {
  answeredCount,
  changedAnswers,
  GENERATION_WAIT_MS,
  hasChanges,
  isGenerating,
  queueSignature,
  resumeStep,
  sourceLabel,
  toggleArea,
} from './goal-discovery.ts';

describe('the discovery questionnaire', () => {
  it('resumes at the first question without an answer', () => {
    expect(resumeStep({})).toBe(0);
    expect(resumeStep({ values: 'Honesty', areas: ['career'] })).toBe(2);
    expect(resumeStep({ values: ' ', areas: [] })).toBe(0);
    const all = {
      values: 'a',
      areas: ['career' as const],
      strengths: 'b',
      challenges: 'c',
      oneYear: 'd',
      worthIt: 'e',
    };
    expect(resumeStep(all)).toBe(5);
    expect(answeredCount(all)).toBe(6);
  });

  it('sends only the answers that changed, cleared ones included', () => {
    const saved = { values: 'Honesty', areas: ['career' as const], strengths: 'Listening' };
    expect(changedAnswers(saved, { ...saved })).toEqual({});
    expect(hasChanges(changedAnswers(saved, { ...saved }))).toBe(false);
    expect(
      changedAnswers(saved, {
        ...saved,
        values: 'Honesty and care',
        areas: [],
        challenges: 'Time',
      }),
    ).toEqual({ values: 'Honesty and care', areas: [], challenges: 'Time' });
  });

  it('toggles areas in the contract’s order', () => {
    expect(toggleArea(['skills'], 'career', goalAreas)).toEqual(['career', 'skills']);
    expect(toggleArea(['career', 'skills'], 'career', goalAreas)).toEqual(['skills']);
  });
});

describe('suggestions', () => {
  it('names where a quote comes from', () => {
    expect(
      sourceLabel({ kind: 'answer', question: 'oneYear', start: 0, end: 4, excerpt: 'Lead' }),
    ).toBe('Your answer to “Where do you want to be a year from now?”');
    expect(
      sourceLabel({ kind: 'document', documentId: 'd', start: 0, end: 4, excerpt: 'Lead' }),
    ).toBe('From one of your documents');
  });

  it('waits for a run until one finishes, the queue changes or the time is up', () => {
    const data = [{ id: 's1', title: 'Delegate' }];
    const queue = { data, lastRun: { finishedAt: '2026-12-01T10:00:00.000Z' } };
    const generation = {
      since: 1_000,
      before: queueSignature(data),
      lastRunAt: '2026-12-01T10:00:00.000Z',
    };
    expect(isGenerating(generation, queue, 2_000)).toBe(true);
    expect(
      isGenerating(
        generation,
        { ...queue, lastRun: { finishedAt: '2026-12-01T10:05:00.000Z' } },
        2_000,
      ),
    ).toBe(false);
    expect(
      isGenerating(generation, { ...queue, data: [...data, { id: 's2', title: 'Rest' }] }, 2_000),
    ).toBe(false);
    expect(isGenerating(generation, queue, 1_000 + GENERATION_WAIT_MS)).toBe(false);
    expect(isGenerating(null, queue, 2_000)).toBe(false);
    // Asked before the queue was ever read: only a change of the queue (or the time) tells.
    const blind = { since: 0, before: '' };
    expect(isGenerating(blind, undefined, 10)).toBe(true);
    expect(isGenerating(blind, { data: [], lastRun: { finishedAt: 'x' } }, 10)).toBe(true);
  });
});
