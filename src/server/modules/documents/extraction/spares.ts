// The pool's spare children: started before their job so that a document does not wait ~0.2 s
// for a process to start and load pdf.js, plus the time a cold JIT loses on its first pages.
// Each still runs one document only (see supervisor.ts).
//
// Spares start lazily, after the pool's first extraction, not when it is created: the tests build
// many apps (each would leave idle processes until it closes) and a server that never extracts
// needs none. So the first document after a start, or after close(), meets a fresh child.
import { childFlags, ExtractionChild } from './supervisor.ts';
import type { ExtractionLimits } from './types.ts';

/** Every pool's idle spares, by process id: they hold no document (see idleSparePids). */
const idle = new Set<number>();

/**
 * The processes that are spares waiting for a job. For the tests, which look for extraction
 * processes from outside (/proc) and must not mistake an idle spare for a running extraction.
 */
export function idleSparePids(): ReadonlySet<number> {
  return idle;
}

export function createSpares(limits: ExtractionLimits, capacity: number) {
  const spares = new Set<ExtractionChild>();
  const drop = (spare: ExtractionChild) => {
    spares.delete(spare);
    if (spare.pid !== undefined) idle.delete(spare.pid);
  };
  // Off until the first extraction and after close(), so that a job ending late starts none.
  let wanted = false;

  return {
    /** Called as an extraction is asked for: spares are worth having from now on. */
    want(): void {
      wanted = true;
    },
    /** A spare started with the flags these limits need, else a fresh child. */
    take(jobLimits: ExtractionLimits): ExtractionChild {
      // Flags, not limits: only the heap size is fixed at the start; the rest travels with the job.
      const flags = childFlags(jobLimits);
      for (const spare of spares) {
        if (spare.alive && spare.flags === flags) {
          drop(spare);
          return spare;
        }
      }
      return new ExtractionChild(jobLimits, false);
    },
    /** Starts a spare when one is missing. */
    refill(): void {
      if (!wanted || spares.size >= capacity) return;
      const spare = new ExtractionChild(limits, true);
      spares.add(spare);
      if (spare.pid !== undefined) idle.add(spare.pid);
      // One that dies waiting (killed from outside, out of memory) is simply dropped.
      void spare.exited.then(() => drop(spare));
    },
    ready: () => [...spares].filter((spare) => spare.ready).length,
    close(): Promise<void> {
      wanted = false;
      const killed = [...spares].map((spare) => {
        drop(spare);
        return spare.kill();
      });
      return Promise.all(killed).then(() => {});
    },
  };
}
