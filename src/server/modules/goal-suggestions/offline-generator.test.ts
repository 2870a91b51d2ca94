// Labelled cases: what a person wrote, and the goals a coach would expect to see suggested.
import { describe, expect, it } from 'vitest';
import { generateOffline, sentencesOf, type TextUnit } from './offline-generator.ts';

const answer = (question: string, text: string, weight = 2): TextUnit => ({
  kind: 'answer',
  question,
  label: `your answer to “${question}”`,
  weight,
  text,
});

const CV = `Maria Lopez — Senior Software Engineer
Experience
Acme Corp, 2019–2026: built the payments platform; managed a team of 3 developers during the
migration; mentored two juniors; presented the architecture at the company all-hands.
Skills: TypeScript, PostgreSQL, system design.`;

describe('the offline generator', () => {
  it('suggests a leadership goal with measurable key results to someone who wants to lead a team', () => {
    const drafts = generateOffline({
      areas: ['leadership'],
      units: [
        answer('oneYear', 'In a year I want to lead a team of engineers.', 3),
        answer(
          'challenges',
          'I struggle to delegate tasks, so I often work late and end up doing everything myself.',
        ),
        { kind: 'document', documentId: 'doc-1', label: 'CV', weight: 1, text: CV },
      ],
    });
    const keys = drafts.map((draft) => draft.templateKey);
    expect(keys).toContain('leadership.delegation');
    expect(keys).toContain('leadership.first_team');
    const delegation = drafts.find((draft) => draft.templateKey === 'leadership.delegation');
    expect(delegation?.keyResults[0]).toMatchObject({ title: 'Tasks delegated each week' });
    expect(delegation?.reasoning).toContain('I struggle to delegate tasks');
    expect(delegation?.sources[0]).toMatchObject({ kind: 'answer', question: 'challenges' });
  });

  it('cites a document by its id and the character span of the sentence', () => {
    const text = `Notes from my review. My manager says I need to get better at public speaking.
I get nervous before every presentation.`;
    const [draft] = generateOffline({
      areas: [],
      units: [{ kind: 'document', documentId: 'review', label: 'Review', weight: 2, text }],
    });
    expect(draft?.templateKey).toBe('skills.public_speaking');
    const source = draft?.sources[0];
    expect(source).toMatchObject({ kind: 'document', documentId: 'review' });
    if (source) expect(text.slice(source.start, source.end)).toBe(source.excerpt);
  });

  it('suggests wellbeing to someone burning out, and nothing from words that say little', () => {
    const tired = generateOffline({
      areas: [],
      units: [
        answer(
          'challenges',
          'I am close to burnout: I work late every night and I am always tired.',
        ),
      ],
    });
    expect(tired[0]?.templateKey).toBe('wellbeing.balance');
    expect(generateOffline({ areas: [], units: [answer('values', 'Honesty.')] })).toEqual([]);
  });

  it('keeps at most five suggestions and two per area', () => {
    const everything = generateOffline({
      areas: ['leadership', 'career', 'wellbeing'],
      units: [
        answer(
          'oneYear',
          'Lead a team, delegate more, hold one-to-ones with each direct report, get a promotion, find a new job, grow my network, stop burnout, exercise at the gym, learn a course.',
          3,
        ),
      ],
    });
    expect(everything.length).toBeLessThanOrEqual(5);
    const perArea = new Map<string, number>();
    for (const draft of everything) perArea.set(draft.area, (perArea.get(draft.area) ?? 0) + 1);
    expect(Math.max(...perArea.values())).toBeLessThanOrEqual(2);
  });

  it('splits text into sentences with exact spans', () => {
    const text = 'First one.  Second one!';
    expect(sentencesOf(text).map(({ start, end }) => text.slice(start, end))).toEqual([
      'First one.',
      'Second one!',
    ]);
  });
});
