// The optional external generator: any OpenAI-compatible chat endpoint (a local Ollama, a hosted
// model), for clients whose AI privacy level is `external`. Its answer is validated with zod before
// anything is stored: malformed output fails the run with a reason.
import { z } from 'zod';
import { type GoalArea, goalAreaSchema } from '../../../contract/goals.ts';
import type { GeneratorInput, SuggestionDraft, SuggestionSource } from './offline-generator.ts';

export const EXTERNAL_GENERATOR_NAME = 'external-chat';
const TIMEOUT_MS = 60_000;
/** What of each document the prompt carries: the first part, a handful of documents. */
const DOCUMENT_CHARS = 8_000;
const MAX_DOCUMENTS = 5;

export type ExternalGeneratorConfig = {
  baseUrl: string;
  apiKey: string | undefined;
  model: string;
};

/** The answer refused: it is the model's, not the network's, so trying again will not help. */
export class MalformedOutputError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'MalformedOutputError';
  }
}

const text = (max: number) => z.string().trim().min(1).max(max);
const outputSchema = z.object({
  suggestions: z
    .array(
      z.object({
        title: text(200),
        description: text(2000),
        area: goalAreaSchema,
        keyResults: z
          .array(
            z.object({
              title: text(200),
              startValue: z.number().finite(),
              targetValue: z.number().finite(),
              unit: z.string().trim().max(30).optional(),
            }),
          )
          .min(1)
          .max(5),
        milestones: z.array(text(200)).max(10).default([]),
        reasoning: text(2000),
        /** Where the idea came from: a question's key, or a document's id, with a verbatim quote. */
        source: z.object({
          question: z.string().optional(),
          documentId: z.string().optional(),
          quote: text(1000),
        }),
      }),
    )
    .max(5),
});

const SYSTEM_PROMPT = `You are a careful executive coach. From a client's questionnaire answers and documents,
suggest at most five specific, measurable coaching goals. Answer with JSON only:
{"suggestions":[{"title":"…","description":"…","area":"career|leadership|wellbeing|relationships|skills|other",
"keyResults":[{"title":"…","startValue":0,"targetValue":5,"unit":"…"}],"milestones":["…"],
"reasoning":"why, in one or two sentences","source":{"question":"<answer key>" or "documentId":"<id>","quote":"<verbatim sentence>"}}]}`;

function promptOf(input: GeneratorInput): string {
  const answers = input.units
    .filter((unit) => unit.kind === 'answer')
    .map((unit) => `- ${unit.question}: ${unit.text}`);
  const documents = input.units
    .filter((unit) => unit.kind === 'document')
    .slice(0, MAX_DOCUMENTS)
    .map(
      (unit) =>
        `Document ${unit.documentId} (“${unit.label}”):\n${unit.text.slice(0, DOCUMENT_CHARS)}`,
    );
  return [
    `Areas the client wants to work on: ${input.areas.join(', ') || 'not said'}.`,
    'Answers:',
    ...answers,
    ...(documents.length > 0 ? ['Documents:', ...documents] : []),
  ].join('\n');
}

/** Where the quote is, in the answer or document it names; null when it is not there verbatim. */
function locate(
  input: GeneratorInput,
  source: { question?: string | undefined; documentId?: string | undefined; quote: string },
): SuggestionSource | null {
  const unit = input.units.find((candidate) =>
    candidate.kind === 'answer'
      ? candidate.question === source.question
      : candidate.documentId === source.documentId,
  );
  const start = unit ? unit.text.indexOf(source.quote) : -1;
  if (!unit || start === -1) return null;
  const span = { start, end: start + source.quote.length, excerpt: source.quote };
  return unit.kind === 'answer'
    ? { kind: 'answer', question: unit.question, ...span }
    : { kind: 'document', documentId: unit.documentId, ...span };
}

export async function generateExternal(
  config: ExternalGeneratorConfig,
  input: GeneratorInput,
): Promise<SuggestionDraft[]> {
  const response = await fetch(`${config.baseUrl.replace(/\/$/, '')}/chat/completions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
    },
    body: JSON.stringify({
      model: config.model,
      temperature: 0.2,
      response_format: { type: 'json_object' },
      messages: [
        { role: 'system', content: SYSTEM_PROMPT },
        { role: 'user', content: promptOf(input) },
      ],
    }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`the AI service answered ${response.status}`);
  const content = ((await response.json()) as { choices?: { message?: { content?: unknown } }[] })
    .choices?.[0]?.message?.content;
  if (typeof content !== 'string')
    throw new MalformedOutputError('The AI service answered without a message.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    throw new MalformedOutputError('The AI service did not answer with JSON.');
  }
  const output = outputSchema.safeParse(parsed);
  if (!output.success)
    throw new MalformedOutputError(
      `The AI service's suggestions were not in the expected shape (${output.error.issues[0]?.path.join('.') || 'the answer'}: ${output.error.issues[0]?.message}).`,
    );
  return output.data.suggestions.map((suggestion, index) => {
    const source = locate(input, suggestion.source);
    return {
      templateKey: keyOf(suggestion.area, suggestion.title),
      area: suggestion.area,
      title: suggestion.title,
      description: suggestion.description,
      keyResults: suggestion.keyResults,
      milestones: suggestion.milestones,
      reasoning: suggestion.reasoning,
      sources: source ? [source] : [],
      score: output.data.suggestions.length - index,
    };
  });
}

/** A stable dedupe key from what the goal is: its area and its title's words. */
function keyOf(area: GoalArea, title: string): string {
  const words = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9 ]/g, '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8);
  return `${area}.${words.join('-')}`;
}
