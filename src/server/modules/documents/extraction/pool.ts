// At most `concurrency` extractions at a time (2: the machine has 2 cores and each parse keeps one
// busy); the rest wait in order. A waiting job whose signal aborts leaves the queue at once.
import { type FileHandle, open } from 'node:fs/promises';
import { failed } from './failures.ts';
import { createSpares } from './spares.ts';
import type { ExtractionChild } from './supervisor.ts';
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
  /** Extractions running now, waiting for a slot, and spare children ready for a job. */
  stats(): { running: number; queued: number; spares: number };
  /**
   * Kills the spare children (running extractions go on). The pool stays usable: its next
   * extraction starts a fresh child, and spares again after it. Call it when the server closes.
   */
  close(): Promise<void>;
};

export function createExtractionPool(
  options: {
    concurrency?: number;
    limits?: Partial<ExtractionLimits>;
    /** Keep a warmed-up child ready per slot (default true); false: a fresh child per job. */
    spares?: boolean;
  } = {},
): ExtractionPool {
  const concurrency = options.concurrency ?? 2;
  const poolLimits: ExtractionLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const spares = createSpares(poolLimits, options.spares === false ? 0 : concurrency);
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
      spares.want();
      if (!(await acquire(signal))) return failed('cancelled', 'aborted while queued');
      // Opened here, so a missing file costs no child; the child gets the bytes through a pipe.
      const input = await openDocument(filePath);
      if ('ok' in input) {
        release();
        return input;
      }
      if (signal?.aborted) {
        release();
        await input.close();
        return failed('cancelled', 'aborted before start');
      }
      const jobLimits = { ...poolLimits, ...limits };
      let child: ExtractionChild;
      try {
        child = spares.take(jobLimits);
      } catch (error) {
        release();
        await input.close();
        return failed('crashed', `could not start: ${String(error)}`);
      }
      // The slot frees when the process is gone, not at its answer: until then it holds memory and
      // maybe a core. The next spare starts then too, so it never competes with this job.
      void child.exited.then(() => {
        release();
        spares.refill();
      });
      return child.run({ type: 'job', documentType: type, limits: jobLimits }, input, signal);
    },
    stats: () => ({ running, queued: waiting.length, spares: spares.ready() }),
    close: () => spares.close(),
  };
}

async function openDocument(filePath: string): Promise<FileHandle | ExtractionResult> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(filePath, 'r');
    if ((await handle.stat()).isFile()) return handle;
    await handle.close();
    return failed('unreadable', `${filePath} is not a file`);
  } catch (error) {
    await handle?.close().catch(() => {});
    return failed('unreadable', error instanceof Error ? error.message : String(error));
  }
}
