// A coach's view across their clients: the goals in progress each active client shares, worst
// momentum first, so that the clients who need attention come first. Momentum is computed on read,
// so the filter runs here and not in SQL; what is read is bounded by the focus limit per client.
import {
  type CoachClientGoalList,
  type CoachClientGoalsQuery,
  MOMENTUM_BY_URGENCY,
  type Momentum,
} from '../../../contract/goals.ts';
import type { Database } from '../../db/client.ts';
import type { Caller } from '../../identity/auth-plugin.ts';
import { findCoachClientGoalRecords } from './repository.ts';
import { toGoalView } from './views.ts';

const urgency = (momentum: Momentum | null) => MOMENTUM_BY_URGENCY.indexOf(momentum ?? 'on_track');

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
        urgency(a.goal.momentum) - urgency(b.goal.momentum) ||
        (a.goal.lastCheckInAt ?? '').localeCompare(b.goal.lastCheckInAt ?? ''),
    );
  return { data };
}
