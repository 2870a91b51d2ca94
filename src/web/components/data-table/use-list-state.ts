import type { RowSelectionState } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  changeListState,
  isFiltered,
  type ListSpec,
  listHref,
  listSearchParams,
  parseListState,
  type UrlProblem,
} from '../../lib/list-state.ts';

export type ListState<S> = {
  /** What the list shows: the address, read with the contract's schemas. */
  state: S;
  /** Parameters of the address that were not used, in plain words. */
  problems: UrlProblem[];
  /** Goes to the list with these changes (a new search or filter starts on page 1). */
  set: (changes: Partial<S>) => void;
  /** The address of the list with these changes, for links. */
  hrefFor: (changes: Partial<S>) => string;
  pageHref: (page: number) => string;
  /** This list's address without the parameters that were not used. */
  cleanHref: string;
  /** The list with no search or filter. */
  resetHref: string;
  /** A search or filter is in use. */
  filtered: boolean;
  /** Changes whenever the address does: another list (selection is let go). */
  key: string;
};

/** A list's state in the address (see lib/list-state.ts), for one of the specs of admin-lists.ts. */
export function useListState<S extends { page: number }>(spec: ListSpec<S>): ListState<S> {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const { state, problems } = useMemo(
    () => parseListState(spec, new URLSearchParams(key)),
    [spec, key],
  );
  const fallback = useMemo(() => parseListState(spec, new URLSearchParams()).state, [spec]);
  const hrefFor = useCallback(
    (changes: Partial<S>) => listHref(spec, changeListState(spec, state, changes)),
    [spec, state],
  );
  const set = useCallback(
    (changes: Partial<S>) =>
      setParams(listSearchParams(spec, changeListState(spec, state, changes))),
    [spec, state, setParams],
  );
  return {
    state,
    problems,
    set,
    hrefFor,
    pageHref: (page: number) => hrefFor({ page } as Partial<S>),
    cleanHref: listHref(spec, state),
    resetHref: listHref(spec, fallback),
    filtered: isFiltered(spec, state),
    key,
  };
}

const NOTHING_SELECTED: RowSelectionState = {};

/**
 * The rows selected on a list, let go when the list changes (another search, filter, order or
 * page is another list: what was selected there is not on screen any more).
 */
export function useRowSelection(
  listKey: string,
): [RowSelectionState, (next: RowSelectionState) => void] {
  const [held, setHeld] = useState<{ key: string; value: RowSelectionState }>({
    key: listKey,
    value: NOTHING_SELECTED,
  });
  const value = held.key === listKey ? held.value : NOTHING_SELECTED;
  const set = useCallback(
    (next: RowSelectionState) => setHeld({ key: listKey, value: next }),
    [listKey],
  );
  return [value, set];
}
