// At most `concurrency` extractions at a time (2: the machine has 2 cores and each parse keeps one
// busy); the rest wait in order. A waiting job whose signal aborts leaves the queue at once.
import path from 'node:path';
import { failed } from './failures.ts';
import { runInChild } from './supervisor.ts';
import {
  DEFAULT_LIMITS,
  DOCUMENT_TYPES,
  type DocumentType,
  type ExtractionLimits,
  type ExtractionResult,
} from './types.ts';

export type ExtractOptions = {
  /** Overrides for this call, on top of the pool's limits. */
  limits?: Partial<ExtractionLimits> | undefined;
  /** Cancels the extraction, queued or running (the child is killed); the result is 'cancelled'. */
  signal?: AbortSignal | undefined;
};

export type ExtractionPool = {
  extract(
    filePath: string,
    type: DocumentType,
    options?: ExtractOptions,
  ): Promise<ExtractionResult>;
  /** Extractions running now and waiting for a slot. */
  stats(): { running: number; queued: number };
};

export function createExtractionPool(
  options: { concurrency?: number; limits?: Partial<ExtractionLimits> } = {},
): ExtractionPool {
  const concurrency = options.concurrency ?? 2;
  const poolLimits: ExtractionLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const waiting: Array<() => void> = [];
  let running = 0;

  // Resolves when a slot is free (true) or the signal aborted first (false).
  function acquire(signal: AbortSignal | undefined): Promise<boolean> {
    if (running < concurrency) {
      running += 1;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const onAbort = () => {
        waiting.splice(waiting.indexOf(grant), 1);
        resolve(false);
      };
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        running += 1;
        resolve(true);
      };
      waiting.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  function release(): void {
    running -= 1;
    waiting.shift()?.();
  }

  return {
    async extract(filePath, type, { limits, signal } = {}) {
      // The type usually comes back from the database as a string: check it here.
      if (!DOCUMENT_TYPES.includes(type)) return failed('failed', `unknown document type ${type}`);
      if (signal?.aborted) return failed('cancelled', 'aborted before start');
      if (!(await acquire(signal))) return failed('cancelled', 'aborted while queued');
      try {
        return await runInChild(
          {
            type: 'job',
            filePath: path.resolve(filePath),
            documentType: type,
            limits: { ...poolLimits, ...limits },
          },
          signal,
        );
      } finally {
        release();
      }
    },
    stats: () => ({ running, queued: waiting.length }),
  };
}
