import { describe, expect, it } from 'vitest';
import { type WaitlistListState, waitlistListSpec } from './admin-lists.ts';
import {
  changeListState,
  describePage,
  isFiltered,
  listHref,
  listSearchParams,
  nextSort,
  parseListState,
  sortFromParams,
  sortToParams,
} from './list-state.ts';

const parse = (search: string) => parseListState(waitlistListSpec, new URLSearchParams(search));
const DEFAULTS: WaitlistListState = {
  query: '',
  status: '',
  role: '',
  sort: 'joined',
  order: 'desc',
  page: 1,
};

describe('parseListState', () => {
  it('reads every parameter with the contract’s schema', () => {
    expect(parse('query=ada&status=pending&role=coach&sort=email&order=asc&page=3')).toEqual({
      state: {
        query: 'ada',
        status: 'pending',
        role: 'coach',
        sort: 'email',
        order: 'asc',
        page: 3,
      },
      problems: [],
    });
  });

  it('falls back for what is absent or blank, without a problem', () => {
    expect(parse('')).toEqual({ state: DEFAULTS, problems: [] });
    expect(parse('status=&query=%20%20')).toEqual({ state: DEFAULTS, problems: [] });
  });

  it('trims what the schema trims', () => {
    expect(parse('query=%20ada%20').state.query).toBe('ada');
  });

  it('drops a refused value and says why in plain words, keeping the rest', () => {
    const { state, problems } = parse('status=bogus&role=coach');
    expect(state).toEqual({ ...DEFAULTS, role: 'coach' });
    expect(problems).toEqual([
      {
        key: 'status',
        value: 'bogus',
        message: '“bogus” is not a status this list knows, so the list shows every status.',
      },
    ]);
  });

  it('explains pages that are not page numbers or beyond any list', () => {
    expect(parse('page=abc').problems[0]?.message).toBe(
      '“abc” is not a page number this list knows, so the list shows the first page.',
    );
    expect(parse('page=0').state.page).toBe(1);
    expect(parse('page=2.5').problems).toHaveLength(1);
    expect(parse('page=20000').problems[0]?.message).toBe(
      '“20000” is beyond the last page number there can be (10000), so the list shows the first page.',
    );
    // A page past the end of this list is for the table to say (it needs the answer).
    expect(parse('page=999')).toEqual({ state: { ...DEFAULTS, page: 999 }, problems: [] });
  });

  it('explains a search too long or with control characters, quoting only its start', () => {
    const long = parse(`query=${'a'.repeat(300)}`);
    expect(long.state.query).toBe('');
    expect(long.problems[0]?.message).toBe(
      'The search in the address is longer than 200 characters, so the list shows everyone.',
    );
    expect(parse('query=a%07b').problems[0]?.message).toBe(
      'The search in the address holds characters that cannot be used, so the list shows everyone.',
    );
    const quoted = parse(`sort=${'x'.repeat(60)}`).problems[0]?.message ?? '';
    expect(quoted).toContain(`“${'x'.repeat(40)}…”`);
    expect(quoted).not.toMatch(/Invalid|expected|Too big/);
  });
});

describe('listSearchParams and listHref', () => {
  it('leave out what is at its fallback, so links stay short', () => {
    const state: WaitlistListState = { ...DEFAULTS, status: 'approved', page: 2 };
    expect(listSearchParams(waitlistListSpec, state).toString()).toBe('status=approved&page=2');
    expect(listHref(waitlistListSpec, DEFAULTS)).toBe('?');
  });

  it('round-trip through the parser', () => {
    const search = 'query=ada+lovelace&role=client&sort=email&order=asc&page=4';
    const { state } = parse(search);
    expect(parse(listSearchParams(waitlistListSpec, state).toString()).state).toEqual(state);
  });
});

describe('changeListState', () => {
  it('starts a changed list on its first page, unless the page is the change', () => {
    const state = { ...parse('status=pending&page=3').state };
    expect(changeListState(waitlistListSpec, state, { role: 'coach' }).page).toBe(1);
    expect(changeListState(waitlistListSpec, state, { page: 4 })).toEqual({ ...state, page: 4 });
  });
});

describe('isFiltered', () => {
  it('counts searches and filters, not the order or the page', () => {
    expect(isFiltered(waitlistListSpec, parse('sort=email&order=asc&page=2').state)).toBe(false);
    expect(isFiltered(waitlistListSpec, parse('query=ada').state)).toBe(true);
    expect(isFiltered(waitlistListSpec, parse('status=joined').state)).toBe(true);
  });
});

describe('sorting', () => {
  it('maps the address to the table and back', () => {
    expect(sortFromParams('email', 'asc')).toEqual({ id: 'email', desc: false });
    expect(sortToParams({ id: 'joined', desc: true })).toEqual({ sort: 'joined', order: 'desc' });
  });

  it('turns the same column around, and starts another its own way', () => {
    const byJoined = { id: 'joined', desc: true };
    expect(nextSort(byJoined, 'joined', true)).toEqual({ id: 'joined', desc: false });
    expect(nextSort(byJoined, 'email', false)).toEqual({ id: 'email', desc: false });
    expect(nextSort({ id: 'email', desc: false }, 'updated', true)).toEqual({
      id: 'updated',
      desc: true,
    });
  });
});

describe('describePage', () => {
  it('counts a counted list', () => {
    expect(describePage({ page: 2, pageSize: 20, shown: 20, total: 57 })).toEqual({
      first: 21,
      last: 40,
      pageCount: 3,
      hasPrevious: true,
      hasNext: true,
      pastEnd: null,
      summary: 'Showing 21–40 of 57',
    });
    expect(describePage({ page: 3, pageSize: 20, shown: 17, total: 57 })).toMatchObject({
      last: 57,
      hasNext: false,
    });
    expect(describePage({ page: 1, pageSize: 20, shown: 0, total: 0 })).toMatchObject({
      first: 0,
      pageCount: 1,
      pastEnd: null,
      summary: 'Nothing to show',
    });
  });

  it('says where a counted list ends when the page is past it', () => {
    expect(describePage({ page: 999, pageSize: 20, shown: 0, total: 57 })).toMatchObject({
      pastEnd: { lastPage: 3 },
      hasPrevious: false,
      hasNext: false,
    });
    expect(describePage({ page: 5, pageSize: 20, shown: 0, total: 0 }).pastEnd).toEqual({
      lastPage: 1,
    });
  });

  it('pages a list without a count by whether there is more', () => {
    expect(describePage({ page: 2, pageSize: 20, shown: 20, hasMore: true })).toMatchObject({
      pageCount: null,
      hasNext: true,
      hasPrevious: true,
      summary: 'Showing 21–40',
    });
    expect(
      describePage({ page: 9, pageSize: 20, shown: 0, hasMore: false, lastPage: 4 }),
    ).toMatchObject({ pastEnd: { lastPage: 4 } });
    // Without the server's word, the first page is the safe place to send someone.
    expect(describePage({ page: 9, pageSize: 20, shown: 0, hasMore: false }).pastEnd).toEqual({
      lastPage: 1,
    });
  });
});
