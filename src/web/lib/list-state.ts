/**
 * A list page's state lives in its address: `?query=ada&status=pending&sort=email&order=asc&page=2`.
 * That keeps Back and Forward, reloads and shared links working. Each parameter is read with the
 * contract's own schema for it (the one the server validates with), so what the page asks for is
 * what the server accepts. A value the schema refuses (`?status=bogus`, `?page=abc`) is not sent
 * at all: the list shows what it shows without it, and a `UrlProblem` says so in plain words,
 * instead of a request that can only fail and a "Try again" that cannot help.
 *
 * Pure functions, no React: `useListState` (components/data-table) wires them to the router.
 */

/** What a parameter's schema needs to offer: the contract's zod schemas fit. */
export type ParamSchema = {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: unknown }
    | { success: false; error: { issues: readonly { code?: string; message: string }[] } };
};

export type ListParam<T> = {
  /** The contract's schema for this query parameter. */
  schema: ParamSchema;
  /** The value when the parameter is absent or refused; it is never written to the address. */
  fallback: T;
  /** The parameter in words, for a message: "status". */
  label: string;
  /** What the list shows instead of a refused value: "every status". */
  instead: string;
};

export type ListSpec<S> = { readonly [K in keyof S]: ListParam<S[K]> };

/** A parameter of the address that was not used, and why, in plain words. */
export type UrlProblem = { key: string; value: string; message: string };

const MAX_QUOTED = 40;

function quote(value: string): string {
  const shown = value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value;
  return `“${shown}”`;
}

function whyRefused(
  param: ListParam<unknown>,
  value: string,
  issue: { code?: string; message: string } | undefined,
): string {
  const message = issue?.message ?? '';
  const tooLong = /at most (\d+) characters|<=\s*(\d+) characters/.exec(message);
  if (tooLong) {
    return `The ${param.label} in the address is longer than ${tooLong[1] ?? tooLong[2]} characters`;
  }
  if (/control characters/.test(message)) {
    return `The ${param.label} in the address holds characters that cannot be used`;
  }
  if (issue?.code === 'too_big' && /^\d+$/.test(value)) {
    const max = /<=\s*(\d+)/.exec(message)?.[1];
    return `${quote(value)} is beyond the last ${param.label}${max ? ` there can be (${max})` : ''}`;
  }
  const article = /^[aeiou]/i.test(param.label) ? 'an' : 'a';
  return `${quote(value)} is not ${article} ${param.label} this list knows`;
}

/** Reads a list's state from the address; refused values fall back, each with a problem. */
export function parseListState<S>(
  spec: ListSpec<S>,
  params: URLSearchParams,
): { state: S; problems: UrlProblem[] } {
  const state = {} as S;
  const problems: UrlProblem[] = [];
  for (const key of Object.keys(spec) as (keyof S & string)[]) {
    const param = spec[key];
    const raw = params.get(key);
    if (raw === null || raw.trim() === '') {
      state[key] = param.fallback;
      continue;
    }
    const parsed = param.schema.safeParse(raw);
    if (parsed.success) {
      state[key] = (parsed.data ?? param.fallback) as S[typeof key];
      continue;
    }
    state[key] = param.fallback;
    problems.push({
      key,
      value: raw,
      message: `${whyRefused(param as ListParam<unknown>, raw, parsed.error.issues[0])}, so the list shows ${param.instead}.`,
    });
  }
  return { state, problems };
}

/** The address of a state: parameters at their fallback are left out, so links stay short. */
export function listSearchParams<S>(spec: ListSpec<S>, state: S): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(spec) as (keyof S & string)[]) {
    const value = state[key];
    if (value === undefined || value === null || value === spec[key].fallback) continue;
    const text = typeof value === 'string' ? value.trim() : String(value);
    if (text !== '') params.set(key, text);
  }
  return params;
}

/** `?…` for a state, or the bare path's `?` when nothing is set (a link to the unfiltered list). */
export function listHref<S>(spec: ListSpec<S>, state: S): string {
  const search = listSearchParams(spec, state).toString();
  return search ? `?${search}` : '?';
}

/**
 * The state after a change. Another search, filter or order is another list: it starts on its
 * first page, unless the change names the page.
 */
export function changeListState<S extends { page: number }>(
  spec: ListSpec<S>,
  state: S,
  changes: Partial<S>,
): S {
  return { ...state, page: spec.page.fallback, ...changes };
}

/** Whether any parameter but the page and the order differs from its fallback. */
export function isFiltered<S>(
  spec: ListSpec<S>,
  state: S,
  ignore: readonly (keyof S)[] = [],
): boolean {
  return (Object.keys(spec) as (keyof S)[]).some(
    (key) =>
      !ignore.includes(key) &&
      key !== 'page' &&
      key !== 'sort' &&
      key !== 'order' &&
      state[key] !== spec[key].fallback,
  );
}

/* ------------------------------------------------------------------------------------------ */
/* Sorting                                                                                     */
/* ------------------------------------------------------------------------------------------ */

/** The order of a list as the table sees it: one column, up or down. */
export type SortState = { id: string; desc: boolean };

export function sortFromParams(sort: string, order: 'asc' | 'desc'): SortState {
  return { id: sort, desc: order === 'desc' };
}

export function sortToParams<K extends string>(
  sort: SortState,
): { sort: K; order: 'asc' | 'desc' } {
  return { sort: sort.id as K, order: sort.desc ? 'desc' : 'asc' };
}

/** The order after a click on a column: the same column turns around; another starts its way. */
export function nextSort(current: SortState, id: string, descFirst: boolean): SortState {
  return current.id === id ? { id, desc: !current.desc } : { id, desc: descFirst };
}

/* ------------------------------------------------------------------------------------------ */
/* Pages                                                                                       */
/* ------------------------------------------------------------------------------------------ */

/** A page of a list as the server answered it: counted (`total`) or not (`hasMore`). */
export type PageInput = { page: number; pageSize: number; shown: number } & (
  | { total: number; hasMore?: never; lastPage?: never }
  /** Lists not counted (the audit log); `lastPage` comes only with a page past the end. */
  | { hasMore: boolean; lastPage?: number | undefined; total?: never }
);

export type PageView = {
  /** 1-based positions of the first and last row shown; 0 and 0 when none. */
  first: number;
  last: number;
  /** Known for counted lists only. */
  pageCount: number | null;
  hasPrevious: boolean;
  hasNext: boolean;
  /** The page asked for has nothing while earlier pages do (or might): where the end is. */
  pastEnd: { lastPage: number } | null;
  /** "Showing 21–40 of 57" / "Showing 21–40" / "Nothing to show". */
  summary: string;
};

export function describePage(input: PageInput): PageView {
  const { page, pageSize, shown } = input;
  const counted = input.total !== undefined;
  const pageCount = counted ? Math.max(1, Math.ceil(input.total / pageSize)) : null;
  const first = shown > 0 ? (page - 1) * pageSize + 1 : 0;
  const last = shown > 0 ? first + shown - 1 : 0;
  let pastEnd: PageView['pastEnd'] = null;
  if (shown === 0 && page > 1) {
    if (pageCount !== null) pastEnd = page > pageCount ? { lastPage: pageCount } : null;
    else pastEnd = { lastPage: Math.max(1, Math.min(input.lastPage ?? 1, page - 1)) };
  }
  const hasNext = pageCount !== null ? page < pageCount : input.hasMore === true;
  const summary =
    first === 0
      ? 'Nothing to show'
      : counted
        ? `Showing ${first}–${last} of ${input.total}`
        : `Showing ${first}–${last}`;
  return {
    first,
    last,
    pageCount,
    hasPrevious: page > 1 && pastEnd === null,
    hasNext: hasNext && pastEnd === null,
    pastEnd,
    summary,
  };
}
