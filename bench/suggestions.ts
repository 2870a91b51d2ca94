// The `suggestions` scenario of `npm run bench` (issue 10): the offline goal-suggestion generator's
// time for one client's discovery answers plus a 20-page document, the most a run reads of one
// document whole. It runs on the server's event loop, so this is also how long one run keeps a
// core from answering requests. The first run of a process loads wink-nlp's model; it is timed
// apart, as a server pays it once.
import { loadavg } from 'node:os';
import type { DiscoveryQuestion } from '../src/contract/goal-suggestions.ts';
import {
  generateOffline,
  type TextUnit,
} from '../src/server/modules/goal-suggestions/offline-generator.ts';
import { textOfPages } from './documents.ts';
import { median } from './median.ts';

const PAGES = 20;

const ANSWERS: Record<DiscoveryQuestion, [weight: number, text: string]> = {
  values: [1, 'Honesty, time with my family, and doing work I am proud of.'],
  strengths: [1, 'People come to me when a project is stuck; I explain hard things simply.'],
  challenges: [
    2,
    'I struggle to delegate, so I work late most nights. I get nervous before presentations.',
  ],
  oneYear: [3, 'In a year I want to lead a team of engineers and be home for dinner.'],
  worthIt: [3, 'A clear plan to become a manager, and more confidence when I speak to the board.'],
};

export type SuggestionFigures = {
  pages: number;
  documentChars: number;
  runs: number;
  /** The first run in this process, model loading included, ms. */
  firstRunMs: number;
  /** Median of the runs after it, ms (goal ≤ 1,000). */
  medianMs: number;
  maxMs: number;
  suggestions: string[];
  load: number;
};

export function benchSuggestions(runs = 9): SuggestionFigures {
  const document = textOfPages(PAGES);
  const units: TextUnit[] = [
    ...Object.entries(ANSWERS).map(([question, [weight, text]]) => ({
      kind: 'answer' as const,
      question,
      label: question,
      weight,
      text,
    })),
    { kind: 'document', documentId: 'bench', label: 'Report', weight: 1, text: document },
  ];
  const input = { units, areas: ['leadership' as const, 'wellbeing' as const] };
  const timed = () => {
    const started = performance.now();
    const drafts = generateOffline(input);
    return { ms: performance.now() - started, drafts };
  };
  const first = timed();
  const times = Array.from({ length: runs }, () => timed().ms);
  return {
    pages: PAGES,
    documentChars: document.length,
    runs,
    firstRunMs: Math.round(first.ms),
    medianMs: Math.round(median(times)),
    maxMs: Math.round(Math.max(...times)),
    suggestions: first.drafts.map((draft) => draft.templateKey),
    load: Number(loadavg()[0]?.toFixed(1)),
  };
}

export function printSuggestions(figures: SuggestionFigures): void {
  console.info(
    `\nOffline goal suggestions for five discovery answers and a ${figures.pages}-page document ` +
      `(${figures.documentChars.toLocaleString('en')} characters), ${figures.runs} runs (load ${figures.load})\n`,
  );
  console.info(
    '| run | ms |\n| --- | ---: |\n' +
      `| first in the process (loads the model) | ${figures.firstRunMs} |\n` +
      `| median of the next ${figures.runs} | ${figures.medianMs} |\n` +
      `| slowest of them | ${figures.maxMs} |`,
  );
  console.info(
    `\nmedian ${figures.medianMs} ms per run (goal ≤ 1,000 ms); suggested: ${figures.suggestions.join(', ')}`,
  );
}
