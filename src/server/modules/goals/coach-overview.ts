// A coach's view across their clients: the goals in progress each active client shares, worst
// momentum first, so that the clients who need attention come first. Momentum is computed on read,
// so the filter runs here and not in SQL; what is read is bounded by the focus limit per client.
import type {
  CoachClientGoalList,
  CoachClientGoalsQuery,
  Momentum,
} from '../../../contract/goals.ts';
import type { Database } from '../../db/client.ts';
import type { Caller } from '../../identity/auth-plugin.ts';
import { findCoachClientGoalRecords } from './repository.ts';
import { toGoalView } from './views.ts';

const URGENCY: Record<Momentum, number> = { stalled: 0, needs_attention: 1, on_track: 2 };

export async function coachClientGoals(
  db: Database,
  caller: Caller,
  query: CoachClientGoalsQuery,
  now = new Date(),
): Promise<CoachClientGoalList> {
  const wanted = query.momentum ? new Set(query.momentum) : null;
  const data = (await findCoachClientGoalRecords(db, caller.userId))
    .map((record) => ({
      relationshipId: record.relationshipId,
      client: {
        identityUserId: record.client.userId,
        email: record.client.email,
        firstName: record.client.firstName,
        lastName: record.client.lastName,
      },
      goal: toGoalView(record, now),
    }))
    .filter(({ goal }) => goal.momentum !== null && (!wanted || wanted.has(goal.momentum)))
    .sort(
      (a, b) =>
        URGENCY[a.goal.momentum ?? 'on_track'] - URGENCY[b.goal.momentum ?? 'on_track'] ||
        (a.goal.lastCheckInAt ?? '').localeCompare(b.goal.lastCheckInAt ?? ''),
    );
  return { data };
}
