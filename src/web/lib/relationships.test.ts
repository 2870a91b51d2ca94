import { describe, expect, it } from 'vitest';
import type { RelationshipAction, RelationshipView } from '../../contract/relationships.ts';
import { parseListState } from './list-state.ts';
import {
  actionRequest,
  actionWords,
  coachClientsListSpec,
  coachName,
  openCoachStatuses,
  partyName,
  relationshipListQuery,
  splitMemberRelationships,
  statusTabs,
  visibleActions,
} from './relationships.ts';

const party = (overrides: Partial<RelationshipView['coach']> = {}) => ({
  identityUserId: 'user_coach',
  email: 'ada@example.com',
  firstName: 'Ada',
  lastName: 'Lovelace',
  headline: null,
  ...overrides,
});

function relationship(overrides: Partial<RelationshipView> = {}): RelationshipView {
  return {
    id: 'rel-1',
    status: 'active',
    origin: 'invitation',
    message: null,
    coach: party(),
    client: party({ identityUserId: 'user_client', email: 'cleo@example.com', firstName: 'Cleo' }),
    practice: null,
    invitationId: null,
    invitationError: null,
    expiresAt: null,
    startedAt: '2026-01-02T00:00:00.000Z',
    endedAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    allowedActions: [],
    ...overrides,
  };
}

const ALL_ACTIONS: RelationshipAction[] = [
  'accept',
  'decline',
  'revoke',
  'withdraw',
  'pause',
  'resume',
  'complete',
];

describe('partyName', () => {
  it('prefers the name, then the email, and is never blank', () => {
    expect(partyName(party())).toBe('Ada Lovelace');
    expect(partyName(party({ firstName: null, lastName: null }))).toBe('ada@example.com');
    expect(partyName(party({ firstName: ' ', lastName: null, email: null }))).toBe('Someone');
  });
});

describe('coachName', () => {
  it('joins the names and trims what is missing', () => {
    expect(coachName({ firstName: 'Ada', lastName: 'Lovelace' })).toBe('Ada Lovelace');
    expect(coachName({ firstName: 'Ada', lastName: '' })).toBe('Ada');
  });
});

describe('actionRequest', () => {
  it('maps each allowed action to its endpoint and body', () => {
    expect(actionRequest('r1', 'accept')).toEqual({
      path: '/api/v1/relationships/r1/respond',
      method: 'POST',
      body: { accept: true },
    });
    expect(actionRequest('r1', 'decline')).toEqual({
      path: '/api/v1/relationships/r1/respond',
      method: 'POST',
      body: { accept: false },
    });
    expect(actionRequest('r1', 'revoke')).toEqual({
      path: '/api/v1/relationships/r1/revoke',
      method: 'POST',
      body: {},
    });
    // A client withdraws their request through the same endpoint a coach revokes an invitation.
    expect(actionRequest('r1', 'withdraw')).toEqual(actionRequest('r1', 'revoke'));
    expect(actionRequest('r1', 'pause').body).toEqual({ status: 'paused' });
    expect(actionRequest('r1', 'resume').body).toEqual({ status: 'active' });
    expect(actionRequest('r1', 'complete')).toEqual({
      path: '/api/v1/relationships/r1',
      method: 'PATCH',
      body: { status: 'completed' },
    });
  });

  it('keeps an odd id inside its path segment', () => {
    expect(actionRequest('a/b', 'revoke').path).toBe('/api/v1/relationships/a%2Fb/revoke');
  });
});

describe('visibleActions and actionWords', () => {
  it('shows the allowed actions in a steady order, leaving out what it does not know', () => {
    expect(visibleActions(['complete', 'pause', 'teleport'])).toEqual(['pause', 'complete']);
    expect(visibleActions(['decline', 'accept'])).toEqual(['accept', 'decline']);
    expect(visibleActions([])).toEqual([]);
  });

  it('asks before everything but accepting, and names the person in every button', () => {
    for (const action of ALL_ACTIONS) {
      const words = actionWords(action, 'Ada');
      expect(words.confirm === null).toBe(action === 'accept');
      expect(words.name).toContain(words.label);
      expect(words.name).toContain('Ada');
      expect(words.done).toContain('Ada');
    }
    expect(actionWords('complete', 'Ada').tone).toBe('danger');
    expect(actionWords('complete', 'Ada').confirm?.body).toMatch(/cannot be undone/);
  });
});

describe('splitMemberRelationships', () => {
  it('tells coaches, invitations to answer and requests sent apart', () => {
    const active = relationship({ id: 'a', status: 'active' });
    const paused = relationship({ id: 'p', status: 'paused' });
    const invited = relationship({
      id: 'i',
      status: 'pending',
      origin: 'invitation',
      allowedActions: ['accept', 'decline'],
    });
    const asked = relationship({ id: 'r', status: 'pending', origin: 'request' });
    const over = relationship({ id: 'c', status: 'completed' });
    const declined = relationship({ id: 'd', status: 'declined' });
    expect(splitMemberRelationships([active, paused, invited, asked, over, declined])).toEqual({
      coaches: [active, paused],
      invitations: [invited],
      requests: [asked],
    });
  });

  it('has no coach when nothing is active or paused', () => {
    const split = splitMemberRelationships([relationship({ status: 'completed' })]);
    expect(split.coaches).toEqual([]);
  });

  it('leaves out an invitation the member cannot answer', () => {
    const pending = relationship({ status: 'pending', origin: 'invitation', allowedActions: [] });
    expect(splitMemberRelationships([pending]).invitations).toEqual([]);
  });
});

describe('openCoachStatuses', () => {
  it('knows the coaches the member is connected with or asked', () => {
    const open = openCoachStatuses([
      relationship({ coach: party({ identityUserId: 'c1' }), status: 'active' }),
      relationship({ coach: party({ identityUserId: 'c2' }), status: 'pending' }),
      relationship({ coach: party({ identityUserId: 'c3' }), status: 'completed' }),
      relationship({ coach: party({ identityUserId: null }), status: 'active' }),
    ]);
    expect([...open]).toEqual([
      ['c1', 'active'],
      ['c2', 'pending'],
    ]);
  });
});

describe('statusTabs', () => {
  it('counts everything under All and hides final statuses that hold nothing', () => {
    const tabs = statusTabs({ pending: 2, active: 3, declined: 1 }, '');
    expect(tabs.map((tab) => [tab.status, tab.count])).toEqual([
      ['', 6],
      ['pending', 2],
      ['active', 3],
      ['paused', 0],
      ['completed', 0],
      ['declined', 1],
    ]);
  });

  it('keeps the tab in use even when it holds nothing', () => {
    expect(statusTabs({}, 'expired').map((tab) => tab.status)).toContain('expired');
    expect(statusTabs(undefined, '')[0]).toEqual({ status: '', label: 'All', count: 0 });
  });
});

describe('the coach’s list address', () => {
  it('reads the status, search and page with the contract’s schemas', () => {
    const { state, problems } = parseListState(
      coachClientsListSpec,
      new URLSearchParams('status=paused&query=ada&page=2'),
    );
    expect(state).toEqual({ status: 'paused', query: 'ada', page: 2 });
    expect(problems).toEqual([]);
  });

  it('refuses a status the server does not know, in plain words', () => {
    const { state, problems } = parseListState(
      coachClientsListSpec,
      new URLSearchParams('status=bogus'),
    );
    expect(state.status).toBe('');
    expect(problems[0]?.message).toBe(
      '“bogus” is not a status this list knows, so the list shows every status.',
    );
  });

  it('sends only what is set', () => {
    expect(relationshipListQuery({ status: '', query: '  ', page: 1 })).toEqual({
      page: 1,
      pageSize: 20,
    });
    expect(relationshipListQuery({ status: 'active', query: ' ada ', page: 3 })).toEqual({
      status: 'active',
      query: 'ada',
      page: 3,
      pageSize: 20,
    });
  });
});
