import type { PracticeSummary, RelationshipView } from '../../../contract/relationships.ts';
import { allowedActions, type Side } from './lifecycle.ts';
import type { RelationshipDetail } from './repository.ts';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The practice as a directory or a card shows it, from the organization's business metadata. */
export function practiceSummaryOf(
  identityOrgId: string,
  name: string,
  metadata: Record<string, unknown>,
): PracticeSummary {
  const specialties = Array.isArray(metadata.specialties)
    ? metadata.specialties.filter((item): item is string => typeof item === 'string')
    : [];
  return {
    identityOrgId,
    name,
    specialties,
    philosophy: typeof metadata.philosophy === 'string' ? metadata.philosophy : null,
    experienceYears:
      typeof metadata.experience_years === 'number' ? metadata.experience_years : null,
  };
}

/** `side`: the caller's side, for the actions they may take (none for an admin reading it). */
export function toRelationshipView(
  detail: RelationshipDetail,
  side: Side | null,
): RelationshipView {
  const { relationship: row, status } = detail;
  return {
    id: row.id,
    status,
    origin: row.origin,
    message: row.message,
    coach: {
      identityUserId: row.coachUserId,
      email: null,
      firstName: detail.coach?.firstName ?? null,
      lastName: detail.coach?.lastName ?? null,
      headline: detail.coach?.headline ?? null,
    },
    client: {
      identityUserId: row.clientUserId,
      email: row.clientEmail,
      firstName: detail.client?.firstName ?? null,
      lastName: detail.client?.lastName ?? null,
      headline: detail.client?.headline ?? null,
    },
    practice: detail.practice
      ? practiceSummaryOf(row.coachOrgId, detail.practice.name, detail.practice.metadata)
      : null,
    invitationId: row.invitationId,
    invitationError: row.invitationError,
    expiresAt: iso(row.expiresAt),
    startedAt: iso(row.startedAt),
    endedAt: iso(row.endedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowedActions: allowedActions(row, status, side),
  };
}
