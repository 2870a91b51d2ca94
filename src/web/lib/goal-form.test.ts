import { describe, expect, it } from 'vitest';
import type { SuggestionView } from '../../contract/goal-suggestions.ts';
import type { GoalView } from '../../contract/goals.ts';
import {
  checkCheckIn,
  checkGoalForm,
  checkInDefaults,
  emptyGoalForm,
  goalFormFromSuggestion,
  nestErrors,
  parseNumber,
  proposalAcceptance,
  suggestionEdits,
} from './goal-form.ts';

const suggestion: SuggestionView = {
  id: 's1',
  status: 'pending',
  title: 'Delegate to grow your team',
  description: 'Hand over work.',
  area: 'leadership',
  keyResults: [{ title: 'Tasks delegated', startValue: 0, targetValue: 10, unit: 'tasks' }],
  milestones: ['List what only you do'],
  reasoning: 'You said you want to lead a team.',
  sources: [],
  generator: 'offline',
  generatorVersion: '1',
  goalId: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  decidedAt: null,
};

const keyResult = {
  id: 'k1',
  title: 'Tasks delegated',
  startValue: 0,
  currentValue: 2,
  targetValue: 10,
  unit: 'tasks',
  weight: 1,
  progress: 0.2,
};
const milestone = { id: 'm1', title: 'List what only you do', doneAt: null };

describe('numbers as typed', () => {
  it('reads whole and decimal numbers, with a point or a comma', () => {
    expect(parseNumber(' 12 ')).toBe(12);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('3,5')).toBe(3.5);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('ten')).toBeNull();
    expect(parseNumber('1e5')).toBeNull();
  });
});

describe('the goal form', () => {
  it('makes the fields of a goal, blank rows dropped and numbers read', () => {
    const result = checkGoalForm({
      ...emptyGoalForm(),
      title: '  Run a 10k ',
      area: 'wellbeing',
      targetDate: '2027-03-31',
      keyResults: [
        { title: 'Longest run', startValue: '2', targetValue: '10', unit: 'km' },
        { title: '', startValue: '0', targetValue: '', unit: '' },
      ],
      milestones: [{ title: 'Buy shoes' }],
    });
    expect(result.errors).toBeNull();
    expect(result.fields).toEqual({
      title: 'Run a 10k',
      area: 'wellbeing',
      targetDate: '2027-03-31',
      keyResults: [{ title: 'Longest run', startValue: 2, targetValue: 10, unit: 'km', weight: 1 }],
      milestones: [{ title: 'Buy shoes' }],
    });
  });

  it('says what is wrong in plain words, field by field', () => {
    const result = checkGoalForm({
      ...emptyGoalForm(),
      title: 'x'.repeat(201),
      targetDate: '2027-02-30',
      keyResults: [{ title: 'Runs', startValue: '5', targetValue: '5', unit: '' }],
      milestones: [{ title: '' }],
    });
    expect(result.errors).toEqual({
      title: 'Use at most 200 characters.',
      area: 'Choose the area it belongs to.',
      targetDate: 'Enter a date between 1970 and 9999.',
      'keyResults.0.targetValue': 'Choose a target different from the start.',
      'milestones.0.title': 'Name the milestone, or remove it.',
    });
    expect(checkGoalForm({ ...emptyGoalForm(), area: 'career' }).errors).toEqual({
      title: 'Enter a title for the goal.',
    });
  });

  it('leaves the steps out when they are not edited', () => {
    const result = checkGoalForm(
      { ...emptyGoalForm(), title: 'A', area: 'career', milestones: [{ title: '' }] },
      { withSteps: false },
    );
    expect(result.fields?.milestones).toEqual([]);
  });

  it('nests errors as react-hook-form reads them', () => {
    expect(nestErrors({ title: 'a', 'keyResults.1.unit': 'b' })).toEqual({
      title: { type: 'validate', message: 'a' },
      keyResults: [undefined, { unit: { type: 'validate', message: 'b' } }],
    });
  });
});

describe('edits before accepting', () => {
  it('sends only what changed in a suggestion', () => {
    const fields = checkGoalForm(goalFormFromSuggestion(suggestion)).fields;
    if (!fields) throw new Error('the suggestion’s own form should be valid');
    expect(suggestionEdits(suggestion, fields)).toEqual({});
    // The steps go with any edit: the server reads a list left out as an empty one.
    expect(suggestionEdits(suggestion, { ...fields, title: 'Delegate' }, 'shared')).toEqual({
      title: 'Delegate',
      visibility: 'shared',
      keyResults: fields.keyResults,
      milestones: fields.milestones,
    });
    expect(suggestionEdits(suggestion, { ...fields, milestones: [] })).toEqual({
      keyResults: fields.keyResults,
      milestones: [],
    });
  });

  it('accepts a proposal with the changed fields, a cleared one as null', () => {
    const proposal = {
      title: 'Speak up',
      area: 'career',
      description: 'In meetings',
      whyItMatters: null,
      targetDate: null,
    } as GoalView;
    expect(proposalAcceptance(proposal, null, 'not_started')).toEqual({ status: 'not_started' });
    expect(
      proposalAcceptance(
        proposal,
        {
          title: 'Speak up',
          area: 'career',
          keyResults: [],
          milestones: [],
          targetDate: '2027-01-01',
        },
        'in_progress',
      ),
    ).toEqual({ status: 'in_progress', description: null, targetDate: '2027-01-01' });
  });
});

describe('the check-in form', () => {
  const goal = { keyResults: [keyResult], milestones: [milestone] };

  it('starts from where the goal stands', () => {
    expect(checkInDefaults(goal)).toEqual({
      values: ['2'],
      milestones: [false],
      confidence: '',
      note: '',
    });
  });

  it('sends only what changed', () => {
    const result = checkCheckIn(goal, {
      values: ['5'],
      milestones: [false],
      confidence: '4',
      note: ' Good week ',
    });
    expect(result.body).toEqual({
      values: [{ keyResultId: 'k1', value: 5 }],
      milestones: [],
      confidence: 4,
      note: 'Good week',
    });
  });

  it('asks for a confidence and a number, and says when nothing changed', () => {
    const bad = checkCheckIn(goal, {
      values: ['lots'],
      milestones: [false],
      confidence: '',
      note: '',
    });
    expect(bad.errors).toEqual({
      'values.0': 'Enter a number, like 12 or 3.5.',
      confidence: 'Choose how confident you are, from 1 to 5.',
    });
    const same = checkCheckIn(goal, {
      values: ['2'],
      milestones: [false],
      confidence: '3',
      note: '',
    });
    expect(same).toEqual({ body: null, errors: {}, empty: true });
    const ticked = checkCheckIn(goal, {
      values: ['2'],
      milestones: [true],
      confidence: '3',
      note: '',
    });
    expect(ticked.body?.milestones).toEqual([{ milestoneId: 'm1', done: true }]);
  });
});
