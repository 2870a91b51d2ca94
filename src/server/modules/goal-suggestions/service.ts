// The discovery questionnaire and goal suggestions (issue 10). Answers are the client's own, saved
// as they go. Finishing the questionnaire (or asking) queues a generation job; its drafts wait in a
// review queue and become goals only when the client accepts them.
import {
  type AcceptSuggestionBody,
  type DiscoveryAnswers,
  type DiscoveryView,
  discoveryQuestions,
  type SuggestionView,
} from '../../../contract/goal-suggestions.ts';
import type { Database } from '../../db/client.ts';
import { ConflictError, NotFoundError } from '../../http/errors.ts';
import type { Caller } from '../../identity/auth-plugin.ts';
import { enqueueJob, jobKind } from '../../jobs/repository.ts';
import type { JobRunner } from '../../jobs/runner.ts';
import { recordAudit } from '../audit/service.ts';
import { addGoal, type GoalsDeps, getGoal, ownGoals } from '../goals/service.ts';
import { sharesWithCoachesByDefault } from '../member/session-settings.ts';
import { activeClientOf } from '../relationships/coach-access.ts';
import { effectiveLevelFor } from './ai-privacy.ts';
import {
  EXTERNAL_GENERATOR_NAME,
  type ExternalGeneratorConfig,
  generateExternal,
  MalformedOutputError,
} from './external-generator.ts';
import {
  generateOffline,
  OFFLINE_GENERATOR,
  type SuggestionDraft,
  type TextUnit,
} from './offline-generator.ts';
import {
  decidedKeys,
  decideSuggestion,
  documentsForSuggestions,
  findDiscovery,
  lastRunOf,
  listSuggestions,
  lockSuggestion,
  markDiscoveryCompleted,
  recordRun,
  replacePendingSuggestions,
  saveDiscovery as saveDiscoveryRow,
} from './repository.ts';
import type { DiscoveryRow, SuggestionRow } from './schema.ts';

export type SuggestionsDeps = GoalsDeps & { jobs: JobRunner };

const generateJob = jobKind<{ clientUserId: string }>('goals.suggestions.generate');

function toDiscoveryView(row: DiscoveryRow | undefined): DiscoveryView {
  return {
    answers: row?.answers ?? {},
    sharedWithCoaches: row?.sharedWithCoaches ?? false,
    completedAt: row?.completedAt?.toISOString() ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

export function toSuggestionView(row: SuggestionRow): SuggestionView {
  return {
    id: row.id,
    status: row.status,
    title: row.title,
    description: row.description,
    area: row.area,
    keyResults: row.keyResults,
    milestones: row.milestones,
    reasoning: row.reasoning,
    sources: row.sources,
    generator: row.generator,
    generatorVersion: row.generatorVersion,
    goalId: row.goalId,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

export async function getDiscovery(db: Database, caller: Caller): Promise<DiscoveryView> {
  return toDiscoveryView(await findDiscovery(db, caller.userId));
}

/** The client's questionnaire, for their coach in an active relationship, when they shared it. */
export async function getSharedDiscovery(
  db: Database,
  caller: Caller,
  relationshipId: string,
): Promise<DiscoveryView | null> {
  const { clientUserId } = await activeClientOf(db, caller, relationshipId);
  const row = await findDiscovery(db, clientUserId);
  // Not started and not shared read the same, so the answer says nothing of a private one.
  return row?.sharedWithCoaches ? toDiscoveryView(row) : null;
}

export async function saveDiscovery(
  db: Database,
  caller: Caller,
  body: { answers: DiscoveryAnswers; sharedWithCoaches?: boolean | undefined },
): Promise<DiscoveryView> {
  return toDiscoveryView(
    await saveDiscoveryRow(db, caller.userId, body.answers, body.sharedWithCoaches),
  );
}

/** Marks the questionnaire finished and queues suggestions from it, in one transaction. */
export async function completeDiscovery(
  deps: SuggestionsDeps,
  caller: Caller,
): Promise<DiscoveryView> {
  const row = await deps.db.transaction(async (tx) => {
    const completed = await markDiscoveryCompleted(tx, caller.userId);
    if (!completed) throw new NotFoundError('Discovery questionnaire');
    await enqueueJob(tx, { kind: generateJob, payload: { clientUserId: caller.userId } });
    await recordAudit(tx, {
      actor: caller.userId,
      action: 'goal.discovery.complete',
      target: `user:${caller.userId}`,
    });
    return completed;
  });
  deps.jobs.nudge();
  return toDiscoveryView(row);
}

/** Queues a new run of the generator over the client's answers and documents. */
export async function requestSuggestions(deps: SuggestionsDeps, caller: Caller): Promise<void> {
  await deps.jobs.enqueue({ kind: generateJob, payload: { clientUserId: caller.userId } });
}

export async function getSuggestions(
  db: Database,
  caller: Caller,
  status: SuggestionRow['status'] | undefined,
) {
  const [rows, run] = await Promise.all([
    listSuggestions(db, caller.userId, status),
    lastRunOf(db, caller.userId),
  ]);
  return {
    data: rows.map(toSuggestionView),
    lastRun: run
      ? {
          generator: run.generator,
          status: run.status,
          reason: run.reason,
          suggestionCount: run.suggestionCount,
          finishedAt: run.finishedAt.toISOString(),
        }
      : null,
  };
}

async function pendingSuggestion(tx: Database, caller: Caller, id: string) {
  const row = await lockSuggestion(tx, caller.userId, id);
  if (!row) throw new NotFoundError('Suggestion');
  if (row.status !== 'pending')
    throw new ConflictError(`This suggestion was already ${row.status.replace('_', ' ')}.`, {
      status: row.status,
      goalId: row.goalId,
    });
  return row;
}

/** Makes the suggestion a goal (as suggested, or with the client's edits). */
export async function acceptSuggestion(
  deps: SuggestionsDeps,
  caller: Caller,
  id: string,
  body: AcceptSuggestionBody,
) {
  const edited = body.edits !== undefined && Object.keys(body.edits).length > 0;
  // Read before the transaction: the provider's user lookup may use the database, which on the
  // embedded PGlite is the one connection the transaction holds.
  const visibility =
    body.edits?.visibility ??
    ((await sharesWithCoachesByDefault(deps.identity, caller.userId)) ? 'shared' : 'private');
  const result = await deps.db.transaction(async (tx) => {
    const suggestion = await pendingSuggestion(tx, caller, id);
    const goal = {
      title: suggestion.title,
      description: suggestion.description,
      area: suggestion.area,
      status: 'not_started' as const,
      keyResults: suggestion.keyResults.map((keyResult) => ({ ...keyResult, weight: 1 })),
      milestones: suggestion.milestones.map((title) => ({ title })),
      ...body.edits,
      visibility,
    };
    const goalId = await addGoal(tx, deps, caller, goal, 'suggestion');
    const decided = await decideSuggestion(
      tx,
      suggestion.id,
      edited ? 'edited_accepted' : 'accepted',
      goalId,
    );
    await recordAudit(tx, {
      actor: caller.userId,
      action: `goal.suggestion.${decided.status}`,
      target: `goal:${goalId}`,
      after: { suggestionId: suggestion.id },
    });
    return { decided, goalId };
  });
  return {
    suggestion: toSuggestionView(result.decided),
    goal: await getGoal(deps, ownGoals(caller), result.goalId),
  };
}

export async function dismissSuggestion(
  deps: SuggestionsDeps,
  caller: Caller,
  id: string,
): Promise<SuggestionView> {
  return deps.db.transaction(async (tx) => {
    const suggestion = await pendingSuggestion(tx, caller, id);
    const decided = await decideSuggestion(tx, suggestion.id, 'dismissed', null);
    await recordAudit(tx, {
      actor: caller.userId,
      action: 'goal.suggestion.dismissed',
      target: `user:${caller.userId}`,
      after: { suggestionId: suggestion.id },
    });
    return toSuggestionView(decided);
  });
}

/* ------------------------------------------------------------------------------------------ */
/* The generation job                                                                          */
/* ------------------------------------------------------------------------------------------ */

/** The questions' weights: where they want to be and why coaching counts most. */
const QUESTION_WEIGHTS: Record<keyof typeof discoveryQuestions, number> = {
  values: 1,
  strengths: 1,
  challenges: 2,
  oneYear: 3,
  worthIt: 3,
};
// The generator runs on the event loop, about 3 ms per 1,000 characters: what it reads is bounded
// (a 20-page document whole, 200,000 characters in all) so that one run stays under a second.
const DOCUMENT_LIMITS = { documents: 10, chars: 100_000 };
const TOTAL_DOCUMENT_CHARS = 200_000;

async function unitsOf(db: Database, clientUserId: string, answers: DiscoveryAnswers) {
  const units: TextUnit[] = Object.entries(QUESTION_WEIGHTS).flatMap(([question, weight]) => {
    const text = answers[question as keyof typeof QUESTION_WEIGHTS];
    return text
      ? [
          {
            kind: 'answer' as const,
            question,
            label: `your answer to “${discoveryQuestions[question as keyof typeof discoveryQuestions]}”`,
            weight,
            text,
          },
        ]
      : [];
  });
  let budget = TOTAL_DOCUMENT_CHARS;
  for (const document of await documentsForSuggestions(db, clientUserId, DOCUMENT_LIMITS)) {
    if (budget <= 0) break;
    const text = document.text.slice(0, budget);
    budget -= text.length;
    units.push({
      kind: 'document',
      documentId: document.id,
      label: document.title,
      weight: 1,
      text,
    });
  }
  return units;
}

export type GenerationDeps = { db: Database; ai: ExternalGeneratorConfig | undefined };

/**
 * Makes suggestions for a client as far as their AI privacy level allows: nothing at `none`, the
 * offline generator at `local_only` (and at `external` when no AI service is configured), the
 * AI service at `external`. A run is recorded either way, with the drafts in one transaction.
 */
export async function generateSuggestions(
  deps: GenerationDeps,
  clientUserId: string,
): Promise<void> {
  const level = await effectiveLevelFor(deps.db, clientUserId);
  if (level === 'none') {
    await recordRun(deps.db, clientUserId, OFFLINE_GENERATOR.name, {
      status: 'skipped',
      reason: 'AI privacy is set to none: no suggestions are made from this client’s data.',
    });
    return;
  }
  const answers = (await findDiscovery(deps.db, clientUserId))?.answers ?? {};
  const input = {
    units: await unitsOf(deps.db, clientUserId, answers),
    areas: answers.areas ?? [],
  };
  const external = level === 'external' ? deps.ai : undefined;
  const generator = external
    ? { name: EXTERNAL_GENERATOR_NAME, version: external.model }
    : OFFLINE_GENERATOR;
  let drafts: SuggestionDraft[];
  try {
    drafts = external ? await generateExternal(external, input) : generateOffline(input);
  } catch (error) {
    if (!(error instanceof MalformedOutputError)) throw error;
    await recordRun(deps.db, clientUserId, generator.name, {
      status: 'failed',
      reason: error.message,
    });
    return;
  }
  await deps.db.transaction(async (tx) => {
    const decided = await decidedKeys(tx, clientUserId);
    const fresh = drafts
      .map((draft) => ({ ...draft, dedupeKey: `${generator.name}:${draft.templateKey}` }))
      .filter((draft) => !decided.has(draft.dedupeKey));
    await replacePendingSuggestions(
      tx,
      clientUserId,
      fresh.map((draft) => ({
        clientUserId,
        title: draft.title,
        description: draft.description,
        area: draft.area,
        keyResults: draft.keyResults,
        milestones: draft.milestones,
        reasoning: draft.reasoning,
        sources: draft.sources,
        score: draft.score,
        generator: generator.name,
        generatorVersion: generator.version,
        dedupeKey: draft.dedupeKey,
      })),
    );
    await recordRun(tx, clientUserId, generator.name, {
      status: 'succeeded',
      reason: null,
      suggestionCount: fresh.length,
    });
  });
}

export function registerSuggestionJobs(jobs: JobRunner, deps: GenerationDeps): void {
  jobs.register(generateJob, ({ clientUserId }) => generateSuggestions(deps, clientUserId), {
    maxAttempts: 3,
    onFailed: ({ clientUserId }) =>
      recordRun(deps.db, clientUserId, EXTERNAL_GENERATOR_NAME, {
        status: 'failed',
        reason: 'The AI service could not be reached; try again later.',
      }),
  });
}
