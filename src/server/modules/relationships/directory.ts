// The coach directory: where a client finds a coach to ask, and an admin one to match.
import type { ListedCoach } from '../../../contract/relationships.ts';
import type { Database } from '../../db/client.ts';
import { type ListedCoachRow, listListedCoaches } from './coach-repository.ts';
import { practiceSummaryOf } from './views.ts';

export function toListedCoach(row: ListedCoachRow): ListedCoach {
  return {
    identityUserId: row.identityUserId,
    firstName: row.firstName,
    lastName: row.lastName,
    headline: row.headline,
    bio: row.bio,
    practice: practiceSummaryOf(row.practiceOrgId ?? '', row.practiceName, row.practiceMetadata),
  };
}

export async function listCoaches(
  deps: { db: Database },
  query: {
    specialty?: string | undefined;
    query?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ data: ListedCoach[]; totalCount: number }> {
  const { rows, totalCount } = await listListedCoaches(
    deps.db,
    { specialty: query.specialty, query: query.query },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return { data: rows.map(toListedCoach), totalCount };
}
