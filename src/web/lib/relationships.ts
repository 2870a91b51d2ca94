import {
  coachDirectoryQuerySchema,
  type ListedCoach,
  openRelationshipStatuses,
  type RelationshipAction,
  type RelationshipListQuery,
  type RelationshipParty,
  type RelationshipStatus,
  type RelationshipView,
  relationshipListQuerySchema,
  relationshipStatuses,
} from '../../contract/relationships.ts';
import type { ListSpec } from './list-state.ts';

/*
 * Coaching relationships as the pages show them: status words, the buttons each of the server's
 * `allowedActions` becomes (and the request behind each), what a member's list splits into, and
 * the addresses of the coach's list and of the coach directory. Pure: the hooks and pages use it.
 */

export const RELATIONSHIP_STATUS_LABELS: Record<RelationshipStatus, string> = {
  pending: 'Pending',
  active: 'Active',
  paused: 'Paused',
  completed: 'Completed',
  declined: 'Declined',
  revoked: 'Revoked',
  expired: 'Expired',
};

/** A person's name as the other side sees it: the name, else the email, never blank. */
export function partyName(party: RelationshipParty): string {
  const name = [party.firstName, party.lastName].filter(Boolean).join(' ').trim();
  return name || party.email || 'Someone';
}

/** A listed coach's name, as the directory and matching show it. */
export function coachName(coach: Pick<ListedCoach, 'firstName' | 'lastName'>): string {
  return `${coach.firstName} ${coach.lastName}`.trim();
}

/* ------------------------------------------------------------------------------------------ */
/* Actions                                                                                     */
/* ------------------------------------------------------------------------------------------ */

/** The order buttons appear in, whatever order the server lists them. */
const ACTION_ORDER: readonly RelationshipAction[] = [
  'accept',
  'decline',
  'resume',
  'pause',
  'complete',
  'revoke',
  'withdraw',
];

export type ActionTone = 'primary' | 'default' | 'danger';

export type ActionWords = {
  label: string;
  /** The button's name for a screen reader: the label, then whom it is about. */
  name: string;
  tone: ActionTone;
  /** Asked before it is done (null: done at once, as accepting is). */
  confirm: { title: string; body: string; confirmLabel: string } | null;
  /** Said once it is done. */
  done: string;
};

/** The words of an action on a relationship with `name` (the other side). */
export function actionWords(action: RelationshipAction, name: string): ActionWords {
  switch (action) {
    case 'accept':
      return {
        label: 'Accept',
        name: `Accept ${name}`,
        tone: 'primary',
        confirm: null,
        done: `You and ${name} are connected`,
      };
    case 'decline':
      return {
        label: 'Decline',
        name: `Decline ${name}`,
        tone: 'danger',
        confirm: {
          title: `Decline ${name}?`,
          body: 'They see that you declined. To work together later, one of you asks again.',
          confirmLabel: 'Decline',
        },
        done: `You declined ${name}`,
      };
    case 'revoke':
      return {
        label: 'Revoke',
        name: `Revoke the invitation to ${name}`,
        tone: 'danger',
        confirm: {
          title: `Revoke the invitation to ${name}?`,
          body: 'The link in their mail stops working. You can invite them again later.',
          confirmLabel: 'Revoke invitation',
        },
        done: `The invitation to ${name} is revoked`,
      };
    case 'withdraw':
      return {
        label: 'Withdraw',
        name: `Withdraw your request to ${name}`,
        tone: 'danger',
        confirm: {
          title: `Withdraw your request to ${name}?`,
          body: 'They will no longer see it. You can ask again later.',
          confirmLabel: 'Withdraw request',
        },
        done: `Your request to ${name} is withdrawn`,
      };
    case 'pause':
      return {
        label: 'Pause',
        name: `Pause coaching with ${name}`,
        tone: 'default',
        confirm: {
          title: `Pause coaching with ${name}?`,
          body: 'Nothing is lost: either of you can resume it at any time.',
          confirmLabel: 'Pause coaching',
        },
        done: `Coaching with ${name} is paused`,
      };
    case 'resume':
      return {
        label: 'Resume',
        name: `Resume coaching with ${name}`,
        tone: 'primary',
        confirm: {
          title: `Resume coaching with ${name}?`,
          body: 'The relationship becomes active again for both of you.',
          confirmLabel: 'Resume coaching',
        },
        done: `Coaching with ${name} is active again`,
      };
    case 'complete':
      return {
        label: 'Complete',
        name: `Complete coaching with ${name}`,
        tone: 'danger',
        confirm: {
          title: `Complete coaching with ${name}?`,
          body: 'This ends the relationship for both of you and cannot be undone. To work together again, one of you starts a new one.',
          confirmLabel: 'Complete coaching',
        },
        done: `Coaching with ${name} is completed`,
      };
  }
}

/** The actions the caller may take, in a steady order (unknown ones are left out). */
export function visibleActions(allowed: readonly string[]): RelationshipAction[] {
  return ACTION_ORDER.filter((action) => allowed.includes(action));
}

export type ActionRequest = {
  path: `/api/v1/relationships/${string}`;
  method: 'POST' | 'PATCH';
  body: Record<string, unknown>;
};

/** The request behind each button: answer, revoke, or a status change. */
export function actionRequest(id: string, action: RelationshipAction): ActionRequest {
  const base = `/api/v1/relationships/${encodeURIComponent(id)}` as const;
  switch (action) {
    case 'accept':
    case 'decline':
      return { path: `${base}/respond`, method: 'POST', body: { accept: action === 'accept' } };
    case 'revoke':
    case 'withdraw':
      return { path: `${base}/revoke`, method: 'POST', body: {} };
    case 'pause':
      return { path: base, method: 'PATCH', body: { status: 'paused' } };
    case 'resume':
      return { path: base, method: 'PATCH', body: { status: 'active' } };
    case 'complete':
      return { path: base, method: 'PATCH', body: { status: 'completed' } };
  }
}

/* ------------------------------------------------------------------------------------------ */
/* A member's relationships                                                                    */
/* ------------------------------------------------------------------------------------------ */

export type MemberCoaching = {
  /** Active or paused: the member has a coach (seed 001's connected state). */
  coaches: RelationshipView[];
  /** A coach invited them and waits for their answer. */
  invitations: RelationshipView[];
  /** They asked a coach, who has not answered yet. */
  requests: RelationshipView[];
};

/** What the member coaching page shows, from the member's relationships. */
export function splitMemberRelationships(
  relationships: readonly RelationshipView[],
): MemberCoaching {
  const result: MemberCoaching = { coaches: [], invitations: [], requests: [] };
  for (const relationship of relationships) {
    if (relationship.status === 'active' || relationship.status === 'paused') {
      result.coaches.push(relationship);
    } else if (relationship.status === 'pending') {
      if (relationship.origin === 'invitation' && relationship.allowedActions.includes('accept')) {
        result.invitations.push(relationship);
      } else if (relationship.origin === 'request') {
        result.requests.push(relationship);
      }
    }
  }
  return result;
}

/**
 * The coach's id of every open relationship the member has, with its status: the directory says
 * "Your coach" or "Asked" instead of offering to ask again (the server would refuse it).
 */
export function openCoachStatuses(
  relationships: readonly RelationshipView[],
): Map<string, RelationshipStatus> {
  const open = new Map<string, RelationshipStatus>();
  for (const relationship of relationships) {
    const coachId = relationship.coach.identityUserId;
    if (!coachId) continue;
    if ((openRelationshipStatuses as readonly string[]).includes(relationship.status)) {
      open.set(coachId, relationship.status);
    }
  }
  return open;
}

/* ------------------------------------------------------------------------------------------ */
/* The coach's list                                                                            */
/* ------------------------------------------------------------------------------------------ */

/** Statuses every coach sees a tab for; the final ones only once they hold something. */
const ALWAYS_SHOWN: readonly RelationshipStatus[] = ['pending', 'active', 'paused', 'completed'];

export type StatusTab = { status: RelationshipStatus | ''; label: string; count: number };

/** "All" then one tab per status, with the server's counts (which ignore the filter in use). */
export function statusTabs(
  counts: Partial<Record<RelationshipStatus, number>> | undefined,
  current: RelationshipStatus | '',
): StatusTab[] {
  const countOf = (status: RelationshipStatus) => counts?.[status] ?? 0;
  const total = relationshipStatuses.reduce((sum, status) => sum + countOf(status), 0);
  const tabs: StatusTab[] = [{ status: '', label: 'All', count: total }];
  for (const status of relationshipStatuses) {
    if (ALWAYS_SHOWN.includes(status) || countOf(status) > 0 || status === current) {
      tabs.push({ status, label: RELATIONSHIP_STATUS_LABELS[status], count: countOf(status) });
    }
  }
  return tabs;
}

/** Rows on a page of the coach's list and of the directory. */
export const RELATIONSHIP_PAGE_SIZE = 20;

export type CoachClientsListState = {
  status: RelationshipStatus | '';
  query: string;
  page: number;
};

const relationshipShape = relationshipListQuerySchema.shape;

export const coachClientsListSpec: ListSpec<CoachClientsListState> = {
  status: {
    schema: relationshipShape.status,
    fallback: '',
    label: 'status',
    instead: 'every status',
  },
  query: { schema: relationshipShape.query, fallback: '', label: 'search', instead: 'everyone' },
  page: {
    schema: relationshipShape.page,
    fallback: 1,
    label: 'page number',
    instead: 'the first page',
  },
};

/** The query string of the coach's list for a state (blank values left out by the client). */
export function relationshipListQuery(state: CoachClientsListState): RelationshipListQuery {
  return {
    ...(state.status && { status: state.status }),
    ...(state.query.trim() && { query: state.query.trim() }),
    page: state.page,
    pageSize: RELATIONSHIP_PAGE_SIZE,
  };
}

/* ------------------------------------------------------------------------------------------ */
/* The coach directory                                                                         */
/* ------------------------------------------------------------------------------------------ */

export type CoachDirectoryState = { specialty: string; query: string; page: number };

const directoryShape = coachDirectoryQuerySchema.shape;

export const coachDirectorySpec: ListSpec<CoachDirectoryState> = {
  specialty: {
    schema: directoryShape.specialty,
    fallback: '',
    label: 'specialty',
    instead: 'every specialty',
  },
  query: { schema: directoryShape.query, fallback: '', label: 'search', instead: 'every coach' },
  page: {
    schema: directoryShape.page,
    fallback: 1,
    label: 'page number',
    instead: 'the first page',
  },
};
