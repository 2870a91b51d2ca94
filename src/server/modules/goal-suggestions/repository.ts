// The SQL of the discovery questionnaire and goal suggestions, always scoped by the client.
import { and, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { DiscoveryAnswers } from '../../../contract/goal-suggestions.ts';
import type { Database } from '../../db/client.ts';
import { documents } from '../documents/schema.ts';
import {
  type DiscoveryRow,
  goalDiscoveries,
  goalSuggestionRuns,
  goalSuggestions,
  type SuggestionRow,
  type SuggestionRunRow,
  type suggestionStatuses,
} from './schema.ts';

type SuggestionStatus = (typeof suggestionStatuses)[number];
export type NewSuggestion = Omit<
  typeof goalSuggestions.$inferInsert,
  'id' | 'status' | 'goalId' | 'decidedAt' | 'createdAt' | 'updatedAt'
>;

export async function findDiscovery(
  db: Database,
  clientUserId: string,
): Promise<DiscoveryRow | undefined> {
  const [row] = await db
    .select()
    .from(goalDiscoveries)
    .where(eq(goalDiscoveries.clientUserId, clientUserId));
  return row;
}

/** Merges the answers given into those kept (an answer left out stays as it was). */
export async function saveDiscovery(
  db: Database,
  clientUserId: string,
  answers: DiscoveryAnswers,
  sharedWithCoaches: boolean | undefined,
): Promise<DiscoveryRow> {
  const [row] = await db
    .insert(goalDiscoveries)
    .values({ clientUserId, answers, sharedWithCoaches: sharedWithCoaches ?? false })
    .onConflictDoUpdate({
      target: goalDiscoveries.clientUserId,
      set: {
        answers: sql`${goalDiscoveries.answers} || excluded.answers`,
        ...(sharedWithCoaches === undefined ? {} : { sharedWithCoaches }),
        updatedAt: sql`now()`,
      },
    })
    .returning();
  if (!row) throw new Error('the discovery upsert returned no row');
  return row;
}

export async function markDiscoveryCompleted(
  tx: Database,
  clientUserId: string,
): Promise<DiscoveryRow | undefined> {
  const [row] = await tx
    .update(goalDiscoveries)
    .set({ completedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(goalDiscoveries.clientUserId, clientUserId))
    .returning();
  return row;
}

/** The client's most recent extracted documents, their text capped, for the generator. */
export async function documentsForSuggestions(
  db: Database,
  clientUserId: string,
  limits: { documents: number; chars: number },
): Promise<{ id: string; title: string; text: string }[]> {
  return db
    .select({
      id: documents.id,
      title: documents.title,
      text: sql<string>`left(${documents.text}, ${limits.chars})`,
    })
    .from(documents)
    .where(and(eq(documents.ownerUserId, clientUserId), eq(documents.status, 'extracted')))
    .orderBy(desc(documents.createdAt))
    .limit(limits.documents);
}

export async function listSuggestions(
  db: Database,
  clientUserId: string,
  status?: SuggestionStatus,
): Promise<SuggestionRow[]> {
  return db
    .select()
    .from(goalSuggestions)
    .where(
      and(
        eq(goalSuggestions.clientUserId, clientUserId),
        status ? eq(goalSuggestions.status, status) : undefined,
      ),
    )
    .orderBy(desc(goalSuggestions.score), desc(goalSuggestions.createdAt));
}

export async function lockSuggestion(
  tx: Database,
  clientUserId: string,
  id: string,
): Promise<SuggestionRow | undefined> {
  const [row] = await tx
    .select()
    .from(goalSuggestions)
    .where(and(eq(goalSuggestions.id, id), eq(goalSuggestions.clientUserId, clientUserId)))
    .for('update');
  return row;
}

export async function decideSuggestion(
  tx: Database,
  id: string,
  status: Exclude<SuggestionStatus, 'pending'>,
  goalId: string | null,
): Promise<SuggestionRow> {
  const [row] = await tx
    .update(goalSuggestions)
    .set({ status, goalId, decidedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(goalSuggestions.id, id))
    .returning();
  if (!row) throw new Error('the suggestion vanished inside its transaction');
  return row;
}

/** Dedupe keys the client already decided on (accepted or dismissed): not suggested again. */
export async function decidedKeys(tx: Database, clientUserId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ key: goalSuggestions.dedupeKey })
    .from(goalSuggestions)
    .where(
      and(
        eq(goalSuggestions.clientUserId, clientUserId),
        inArray(goalSuggestions.status, ['accepted', 'edited_accepted', 'dismissed']),
      ),
    );
  return new Set(rows.map((row) => row.key));
}

/**
 * Writes a run's drafts: a pending suggestion with the same dedupe key is refreshed, not copied;
 * pending ones this run no longer produces become `superseded`.
 */
export async function replacePendingSuggestions(
  tx: Database,
  clientUserId: string,
  drafts: NewSuggestion[],
): Promise<void> {
  for (const draft of drafts)
    await tx
      .insert(goalSuggestions)
      .values(draft)
      .onConflictDoUpdate({
        target: [goalSuggestions.clientUserId, goalSuggestions.dedupeKey],
        targetWhere: sql`${goalSuggestions.status} = 'pending'`,
        set: {
          title: sql`excluded.title`,
          description: sql`excluded.description`,
          area: sql`excluded.area`,
          keyResults: sql`excluded.key_results`,
          milestones: sql`excluded.milestones`,
          reasoning: sql`excluded.reasoning`,
          sources: sql`excluded.sources`,
          score: sql`excluded.score`,
          generatorVersion: sql`excluded.generator_version`,
          updatedAt: sql`now()`,
        },
      });
  const kept = drafts.map((draft) => draft.dedupeKey);
  await tx
    .update(goalSuggestions)
    .set({ status: 'superseded', decidedAt: sql`now()`, updatedAt: sql`now()` })
    .where(
      and(
        eq(goalSuggestions.clientUserId, clientUserId),
        eq(goalSuggestions.status, 'pending'),
        kept.length > 0 ? notInArray(goalSuggestions.dedupeKey, kept) : undefined,
      ),
    );
}

export async function recordRun(
  db: Database,
  clientUserId: string,
  generator: string,
  outcome: Pick<SuggestionRunRow, 'status' | 'reason'> & { suggestionCount?: number },
): Promise<void> {
  await db.insert(goalSuggestionRuns).values({ clientUserId, generator, ...outcome });
}

export async function lastRunOf(
  db: Database,
  clientUserId: string,
): Promise<SuggestionRunRow | undefined> {
  const [row] = await db
    .select()
    .from(goalSuggestionRuns)
    .where(eq(goalSuggestionRuns.clientUserId, clientUserId))
    .orderBy(desc(goalSuggestionRuns.finishedAt))
    .limit(1);
  return row;
}
