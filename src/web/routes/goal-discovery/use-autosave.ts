import { useCallback, useEffect, useRef, useState } from 'react';
import type { DiscoveryAnswers } from '../../../contract/goal-suggestions.ts';
import { useSaveDiscovery } from '../../hooks/use-goal-suggestions.ts';
import { changedAnswers, hasChanges, SAVE_DELAY_MS } from '../../lib/goal-discovery.ts';
import { plainApiError } from '../../lib/plain-errors.ts';

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/**
 * The questionnaire's answers as typed, saved as the client goes: 0.8 s after the last change,
 * only the answers that changed since the last save (the server merges them), and once more when
 * the page is left. `flush` saves now (before moving on or finishing) and tells whether it worked.
 */
export function useAutosave(initial: DiscoveryAnswers) {
  const save = useSaveDiscovery();
  const [draft, setDraft] = useState<DiscoveryAnswers>(initial);
  const [state, setState] = useState<SaveState>('idle');
  const [problem, setProblem] = useState<string | null>(null);
  const saved = useRef(initial);
  const latest = useRef(draft);
  latest.current = draft;
  const { mutateAsync } = save;

  const flush = useCallback(async (): Promise<boolean> => {
    const changes = changedAnswers(saved.current, latest.current);
    if (!hasChanges(changes)) return true;
    setState('saving');
    try {
      const answer = await mutateAsync({ answers: changes });
      saved.current = answer.answers;
      setState('saved');
      setProblem(null);
      return true;
    } catch (error) {
      setState('failed');
      setProblem(plainApiError(error as Error));
      return false;
    }
  }, [mutateAsync]);

  // Saved a moment after the last change, not on every keystroke.
  useEffect(() => {
    if (!hasChanges(changedAnswers(saved.current, draft))) return;
    const timer = setTimeout(() => void flush(), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, flush]);

  // What was typed just before leaving the page is saved too (through a ref: on unmount only).
  const flushRef = useRef(flush);
  flushRef.current = flush;
  useEffect(() => () => void flushRef.current(), []);

  return {
    draft,
    set: (changes: DiscoveryAnswers) => setDraft((current) => ({ ...current, ...changes })),
    flush,
    state,
    problem,
  };
}
