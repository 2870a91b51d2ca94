// AI privacy per relationship (issue 10): each side says how far the client's data may go to make
// suggestions; the lower level wins, and across a client's open relationships the lowest.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type AiPrivacyLevel, aiPrivacyLevels } from '../../../contract/goal-suggestions.ts';
import type { Database } from '../../db/client.ts';
import { NotFoundError } from '../../http/errors.ts';
import type { Caller } from '../../identity/auth-plugin.ts';
import { recordAudit } from '../audit/service.ts';
import { findRelationship } from '../relationships/repository.ts';
import { relationships } from '../relationships/schema.ts';
import { relationshipAiPrivacy } from './schema.ts';

const DEFAULT_LEVEL: AiPrivacyLevel = 'local_only';

export function lowerOf(...levels: AiPrivacyLevel[]): AiPrivacyLevel {
  return levels.reduce((lowest, level) =>
    aiPrivacyLevels.indexOf(level) < aiPrivacyLevels.indexOf(lowest) ? level : lowest,
  );
}

async function partySide(db: Database, caller: Caller, relationshipId: string) {
  const relationship = await findRelationship(db, relationshipId);
  if (relationship?.coachUserId === caller.userId) return 'coach' as const;
  if (relationship?.clientUserId === caller.userId) return 'client' as const;
  throw new NotFoundError('Relationship');
}

async function levelsOf(db: Database, relationshipId: string) {
  const [row] = await db
    .select()
    .from(relationshipAiPrivacy)
    .where(eq(relationshipAiPrivacy.relationshipId, relationshipId));
  const coach = row?.coachLevel ?? DEFAULT_LEVEL;
  const client = row?.clientLevel ?? DEFAULT_LEVEL;
  return { coach, client, effective: lowerOf(coach, client) };
}

export async function getAiPrivacy(db: Database, caller: Caller, relationshipId: string) {
  await partySide(db, caller, relationshipId);
  return levelsOf(db, relationshipId);
}

/** Sets the caller's own side (the coach's or the client's); audited. */
export async function setAiPrivacy(
  db: Database,
  caller: Caller,
  relationshipId: string,
  level: AiPrivacyLevel,
) {
  const side = await partySide(db, caller, relationshipId);
  const column = side === 'coach' ? 'coachLevel' : 'clientLevel';
  await db.transaction(async (tx) => {
    await tx
      .insert(relationshipAiPrivacy)
      .values({ relationshipId, [column]: level })
      .onConflictDoUpdate({
        target: relationshipAiPrivacy.relationshipId,
        set: { [column]: level, updatedAt: sql`now()` },
      });
    await recordAudit(tx, {
      actor: caller.userId,
      action: 'relationship.ai_privacy',
      target: `relationship:${relationshipId}`,
      after: { side, level },
    });
  });
  return levelsOf(db, relationshipId);
}

/**
 * What may be done with a client's data: the lowest effective level of their open (active or
 * paused) relationships; `local_only` when they have none.
 */
export async function effectiveLevelFor(
  db: Database,
  clientUserId: string,
): Promise<AiPrivacyLevel> {
  const rows = await db
    .select({
      coach: relationshipAiPrivacy.coachLevel,
      client: relationshipAiPrivacy.clientLevel,
    })
    .from(relationships)
    .leftJoin(relationshipAiPrivacy, eq(relationshipAiPrivacy.relationshipId, relationships.id))
    .where(
      and(
        eq(relationships.clientUserId, clientUserId),
        inArray(relationships.status, ['active', 'paused']),
      ),
    );
  if (rows.length === 0) return DEFAULT_LEVEL;
  return lowerOf(
    ...rows.map((row) => lowerOf(row.coach ?? DEFAULT_LEVEL, row.client ?? DEFAULT_LEVEL)),
  );
}
