// Comments on a goal: its client's and their coach's (through the active relationship), in order.
import type { Database } from '../../db/client.ts';
import { NotFoundError } from '../../http/errors.ts';
import type { Caller } from '../../identity/auth-plugin.ts';
import { recordAudit } from '../audit/service.ts';
import { findGoalRecords, type GoalScope, insertComment, listComments } from './repository.ts';
import type { CommentRow } from './schema.ts';

function toCommentView(row: CommentRow) {
  return {
    id: row.id,
    goalId: row.goalId,
    authorUserId: row.authorUserId,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
  };
}

async function requireGoal(db: Database, scope: GoalScope, id: string): Promise<void> {
  const [record] = await findGoalRecords(db, scope, { id });
  if (!record) throw new NotFoundError('Goal');
}

export async function getComments(db: Database, scope: GoalScope, goalId: string) {
  await requireGoal(db, scope, goalId);
  return { data: (await listComments(db, goalId)).map(toCommentView) };
}

export async function addComment(
  db: Database,
  caller: Caller,
  scope: GoalScope,
  goalId: string,
  body: string,
) {
  await requireGoal(db, scope, goalId);
  return db.transaction(async (tx) => {
    const row = await insertComment(tx, { goalId, authorUserId: caller.userId, body });
    await recordAudit(tx, {
      actor: caller.userId,
      action: 'goal.comment',
      target: `goal:${goalId}`,
      after: { commentId: row.id },
    });
    return toCommentView(row);
  });
}
