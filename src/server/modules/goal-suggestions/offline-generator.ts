// The default suggestion generator: offline, in process, no model download. wink-nlp (with its
// bundled English model) splits the client's discovery answers and documents into sentences and
// lemmas; each sentence is scored against the triggers of the template library; the templates that
// the client's own words support best become drafts, each citing the sentences that support it.

import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItemSentence, type ItsFunction } from 'wink-nlp';
import type { GoalArea } from '../../../contract/goals.ts';
import { GOAL_TEMPLATES, type GoalTemplate } from './templates.ts';

export const OFFLINE_GENERATOR = { name: 'offline-templates', version: '1' } as const;

export type TextUnit =
  | { kind: 'answer'; question: string; label: string; weight: number; text: string }
  | { kind: 'document'; documentId: string; label: string; weight: number; text: string };

export type GeneratorInput = { units: TextUnit[]; areas: GoalArea[] };

export type SuggestionSource =
  | { kind: 'answer'; question: string; start: number; end: number; excerpt: string }
  | { kind: 'document'; documentId: string; start: number; end: number; excerpt: string };

export type SuggestionDraft = {
  templateKey: string;
  area: GoalArea;
  title: string;
  description: string;
  keyResults: GoalTemplate['keyResults'];
  milestones: string[];
  reasoning: string;
  sources: SuggestionSource[];
  score: number;
};

/** Below this a template is not suggested: one passing word is not a reason. */
const MIN_SCORE = 4;
const MAX_SUGGESTIONS = 5;
const MAX_PER_AREA = 2;
/** What one answer or document may add to a template: a long CV must not drown the answers. */
const UNIT_CAP = 6;
/** A template of an area the client chose to work on. */
const AREA_BONUS = 2;
const MAX_TEXT_CHARS = 200_000;

type Sentence = { start: number; end: number; text: string; lemmas: string[] };

let nlp: ReturnType<typeof winkNLP> | undefined;
function reader() {
  nlp ??= winkNLP(model);
  return nlp;
}

/** The sentences of a text with their character spans and their lemmas (lower case, no punctuation). */
export function sentencesOf(text: string): Sentence[] {
  const engine = reader();
  const document = engine.readDoc(text.slice(0, MAX_TEXT_CHARS));
  const sentences: Sentence[] = [];
  let cursor = 0;
  document.sentences().each((sentence: ItemSentence) => {
    const raw = sentence.out();
    const start = text.indexOf(raw, cursor);
    const at = start === -1 ? cursor : start;
    cursor = at + raw.length;
    const tokens = sentence.tokens();
    const types = tokens.out(engine.its.type) as string[];
    // wink-nlp's typings declare `its.lemma` with a signature `out` does not take; it works.
    const lemmas = (tokens.out(engine.its.lemma as unknown as ItsFunction<string>) as string[])
      .filter((_lemma, index) => types[index] !== 'punctuation')
      .flatMap((lemma) => lemma.toLowerCase().split('-').filter(Boolean));
    sentences.push({ start: at, end: at + raw.length, text: raw.trim(), lemmas });
  });
  return sentences;
}

/** Each template's triggers as lemma sequences, split once. */
const TRIGGERS = new Map(
  GOAL_TEMPLATES.map((template) => [
    template.key,
    Object.entries(template.triggers).map(
      ([phrase, weight]) => [phrase.toLowerCase().split(/[\s-]+/), weight] as const,
    ),
  ]),
);

function occurrences(haystack: string[], needle: string[]): number {
  if (needle.length === 0) return 0;
  let count = 0;
  for (let index = 0; index + needle.length <= haystack.length; index += 1)
    if (needle.every((lemma, offset) => haystack[index + offset] === lemma)) count += 1;
  return count;
}

function sentenceScore(template: GoalTemplate, sentence: Sentence): number {
  return (TRIGGERS.get(template.key) ?? []).reduce(
    (sum, [lemmas, weight]) => sum + weight * Math.min(occurrences(sentence.lemmas, lemmas), 2),
    0,
  );
}

type Evidence = { unit: TextUnit; sentence: Sentence; score: number };

/** Drafts for the templates the client's words support, best first, at most two per area. */
export function generateOffline(input: GeneratorInput): SuggestionDraft[] {
  const parsed = input.units
    .filter((unit) => unit.text.trim() !== '')
    .map((unit) => ({ unit, sentences: sentencesOf(unit.text) }));
  const ranked = GOAL_TEMPLATES.map((template) => {
    const evidence: Evidence[] = [];
    let score = input.areas.includes(template.area) ? AREA_BONUS : 0;
    for (const { unit, sentences } of parsed) {
      const scored = sentences
        .map((sentence) => ({ unit, sentence, score: sentenceScore(template, sentence) }))
        .filter((entry) => entry.score > 0);
      const total = scored.reduce((sum, entry) => sum + entry.score, 0);
      score += Math.min(UNIT_CAP, total) * unit.weight;
      evidence.push(...scored);
    }
    evidence.sort((a, b) => b.score * b.unit.weight - a.score * a.unit.weight);
    return { template, score, evidence };
  })
    .filter((entry) => entry.evidence.length > 0 && entry.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score);

  const perArea = new Map<GoalArea, number>();
  const chosen = ranked.filter(({ template }) => {
    const count = perArea.get(template.area) ?? 0;
    if (count >= MAX_PER_AREA) return false;
    perArea.set(template.area, count + 1);
    return true;
  });
  return chosen.slice(0, MAX_SUGGESTIONS).map(({ template, score, evidence }) => {
    const cited = citedEvidence(evidence);
    return {
      templateKey: template.key,
      area: template.area,
      title: template.title,
      description: template.description,
      keyResults: template.keyResults,
      milestones: template.milestones,
      reasoning: reasoningOf(cited),
      sources: cited.map(sourceOf),
      score,
    };
  });
}

/** The best sentence of each of the (at most) two units that support the template most. */
function citedEvidence(evidence: Evidence[]): Evidence[] {
  const seen = new Set<TextUnit>();
  const cited: Evidence[] = [];
  for (const entry of evidence) {
    if (seen.has(entry.unit)) continue;
    seen.add(entry.unit);
    cited.push(entry);
    if (cited.length === 2) break;
  }
  return cited;
}

const EXCERPT_CHARS = 240;

function excerptOf(text: string): string {
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text;
}

function sourceOf({ unit, sentence }: Evidence): SuggestionSource {
  const span = { start: sentence.start, end: sentence.end, excerpt: excerptOf(sentence.text) };
  return unit.kind === 'answer'
    ? { kind: 'answer', question: unit.question, ...span }
    : { kind: 'document', documentId: unit.documentId, ...span };
}

function reasoningOf(cited: Evidence[]): string {
  return cited
    .map(({ unit, sentence }) =>
      unit.kind === 'answer'
        ? `In ${unit.label} you wrote: “${excerptOf(sentence.text)}”`
        : `Your document “${unit.label}” says: “${excerptOf(sentence.text)}”`,
    )
    .join(' ');
}
