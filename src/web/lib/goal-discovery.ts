import {
  type DiscoveryAnswers,
  type DiscoveryQuestion,
  discoveryQuestions,
  type SuggestionSource,
  type SuggestionView,
} from '../../contract/goal-suggestions.ts';
import type { GoalArea } from '../../contract/goals.ts';

/*
 * The discovery questionnaire and the suggestion queue as the pages show them: the steps in order,
 * where to resume, which answers changed since the last save (only those are sent: the server
 * merges them into those kept), where a suggestion's quotes come from, and whether suggestions
 * are still being made after finishing. Pure: the hooks and pages use it.
 */

export type DiscoveryStep =
  | { key: DiscoveryQuestion; kind: 'text'; question: string; hint: string }
  | { key: 'areas'; kind: 'areas'; question: string; hint: string };

/** The questions in the order they are asked: what matters, then where, then the rest. */
export const DISCOVERY_STEPS: readonly DiscoveryStep[] = [
  {
    key: 'values',
    kind: 'text',
    question: discoveryQuestions.values,
    hint: 'A few words or a few lines: what you care about, what you would not give up.',
  },
  {
    key: 'areas',
    kind: 'areas',
    question: 'Which areas do you want to work on?',
    hint: 'Choose as many as you like; suggestions start from these.',
  },
  {
    key: 'strengths',
    kind: 'text',
    question: discoveryQuestions.strengths,
    hint: 'What comes easily to you, and what people thank you for.',
  },
  {
    key: 'challenges',
    kind: 'text',
    question: discoveryQuestions.challenges,
    hint: 'Habits, situations or people that hold you back.',
  },
  {
    key: 'oneYear',
    kind: 'text',
    question: discoveryQuestions.oneYear,
    hint: 'Be concrete: a role, a habit, a number, a way of working.',
  },
  {
    key: 'worthIt',
    kind: 'text',
    question: discoveryQuestions.worthIt,
    hint: 'What would you point to, in a year, and say “that was worth it”?',
  },
];

/** Whether a step has an answer (text that is not blank, or at least one area). */
export function isAnswered(answers: DiscoveryAnswers, key: DiscoveryStep['key']): boolean {
  const answer = answers[key];
  return Array.isArray(answer)
    ? answer.length > 0
    : typeof answer === 'string' && answer.trim() !== '';
}

export function answeredCount(answers: DiscoveryAnswers): number {
  return DISCOVERY_STEPS.filter((step) => isAnswered(answers, step.key)).length;
}

/** Where to resume: the first step without an answer, or the last when all are answered. */
export function resumeStep(answers: DiscoveryAnswers): number {
  const index = DISCOVERY_STEPS.findIndex((step) => !isAnswered(answers, step.key));
  return index === -1 ? DISCOVERY_STEPS.length - 1 : index;
}

const sameAnswer = (a: unknown, b: unknown) => JSON.stringify(a ?? '') === JSON.stringify(b ?? '');

/**
 * The answers in `draft` that differ from those saved: what the next save sends (the server
 * merges them). An answer cleared is sent as an empty text or an empty list, so it is cleared
 * there too.
 */
export function changedAnswers(saved: DiscoveryAnswers, draft: DiscoveryAnswers): DiscoveryAnswers {
  const changes: Record<string, unknown> = {};
  for (const step of DISCOVERY_STEPS) {
    const key = step.key;
    if (!(key in draft)) continue;
    if (!sameAnswer(saved[key], draft[key])) changes[key] = draft[key];
  }
  return changes as DiscoveryAnswers;
}

export function hasChanges(changes: DiscoveryAnswers): boolean {
  return Object.keys(changes).length > 0;
}

/** Adds or takes away an area, keeping the contract's order. */
export function toggleArea(areas: readonly GoalArea[], area: GoalArea, all: readonly GoalArea[]) {
  const chosen = new Set(areas);
  if (chosen.has(area)) chosen.delete(area);
  else chosen.add(area);
  return all.filter((one) => chosen.has(one));
}

/** How long after the last keystroke an answer is saved. */
export const SAVE_DELAY_MS = 800;

/* ------------------------------------------------------------------------------------------ */
/* Suggestions                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/** Where a suggestion's quote comes from, in words: one of the answers, or a document. */
export function sourceLabel(source: SuggestionSource): string {
  if (source.kind === 'document') return 'From one of your documents';
  const question = discoveryQuestions[source.question as DiscoveryQuestion];
  return question ? `Your answer to “${question}”` : 'One of your answers';
}

/** After finishing (or asking again): how long to wait for suggestions, and how often to look. */
export const GENERATION_WAIT_MS = 45_000;
export const GENERATION_POLL_MS = 1_500;

/**
 * A request for suggestions: when it was made, what the queue held then, and when the run before
 * it finished (`undefined` when the queue had not been read: then only the queue's change tells).
 */
export type Generation = { since: number; before: string; lastRunAt?: string | null };

/** The queue as the API gives it: pending suggestions and the last run. */
export type SuggestionQueueState = {
  data: readonly Pick<SuggestionView, 'id' | 'title'>[];
  lastRun: { finishedAt: string } | null;
};

/** What the queue holds, to tell when a run has changed it. */
export function queueSignature(
  suggestions: readonly Pick<SuggestionView, 'id' | 'title'>[] | undefined,
): string {
  return (suggestions ?? []).map((suggestion) => `${suggestion.id}:${suggestion.title}`).join('|');
}

/**
 * Whether suggestions are still being made: asked for less than `GENERATION_WAIT_MS` ago, no run
 * has finished since (the queue's `lastRun` is the one from before), and the queue is as it was.
 * The time limit covers a run that fails without a record (it is retried by the job runner).
 */
export function isGenerating(
  generation: Generation | null | undefined,
  queue: SuggestionQueueState | undefined,
  now: number,
): boolean {
  if (!generation || now - generation.since >= GENERATION_WAIT_MS) return false;
  const lastRunAt = queue ? (queue.lastRun?.finishedAt ?? null) : undefined;
  if (
    generation.lastRunAt !== undefined &&
    lastRunAt !== undefined &&
    lastRunAt !== generation.lastRunAt
  )
    return false;
  return queueSignature(queue?.data) === generation.before;
}
