// The pool: two at a time, the rest in order, and an AbortSignal that ends a job wherever it is.
import { describe, expect, it } from 'vitest';
import { createExtractionPool } from './pool.ts';
import { extractionChildren } from './test-support/children.ts';
import { bombPdf, textPdf } from './test-support/pdf-writer.ts';
import { tempFilesForThisFile } from './test-support/temp-files.ts';
import type { DocumentType, ExtractionResult } from './types.ts';

const files = tempFilesForThisFile();
const MiB = 1024 * 1024;
// More memory and time than these bombs reach before the test aborts them; still bounded, so a
// failing test cannot let one eat the machine.
const SLOW = { maxMemoryBytes: 1536 * MiB, timeoutMs: 10_000 };

function failureCode(result: ExtractionResult): string {
  return result.ok ? 'ok' : result.failure.code;
}

describe('extraction pool', () => {
  it('runs at most two extractions at once and queues the rest in order', async () => {
    const pool = createExtractionPool({ concurrency: 2 });
    const file = await files.write('small.pdf', textPdf([['Queued words']]));
    let maxRunning = 0;
    const watch = setInterval(() => {
      maxRunning = Math.max(maxRunning, pool.stats().running);
    }, 5);
    const finished: number[] = [];
    const jobs = [0, 1, 2, 3, 4].map((i) =>
      pool.extract(file, 'pdf').then((result) => {
        finished.push(i);
        return result;
      }),
    );
    expect(pool.stats()).toEqual({ running: 2, queued: 3 });
    const results = await Promise.all(jobs);
    clearInterval(watch);

    expect(results.every((result) => result.ok && result.text === 'Queued words')).toBe(true);
    expect(maxRunning).toBeLessThanOrEqual(2);
    // The queue is first in, first out: the last two started after the first ones.
    expect(finished.indexOf(4)).toBeGreaterThanOrEqual(2);
    expect(pool.stats()).toEqual({ running: 0, queued: 0 });
  });

  it('kills a running extraction when its signal aborts, leaving no process behind', async () => {
    const pool = createExtractionPool({ limits: SLOW });
    const file = await files.write('bomb.pdf', bombPdf(2048 * MiB));
    const controller = new AbortController();
    const job = pool.extract(file, 'pdf', { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await extractionChildren()).toHaveLength(1);

    controller.abort();
    const result = await job;
    expect(failureCode(result)).toBe('cancelled');
    expect(!result.ok && result.failure.retryable).toBe(true);
    expect(await extractionChildren()).toEqual([]);
  });

  it('drops a queued extraction whose signal aborts, without starting it', async () => {
    const pool = createExtractionPool({ concurrency: 1, limits: SLOW });
    const bomb = await files.write('bomb-2.pdf', bombPdf(2048 * MiB));
    const small = await files.write('small-2.pdf', textPdf([['Never read']]));
    const first = new AbortController();
    const second = new AbortController();
    const running = pool.extract(bomb, 'pdf', { signal: first.signal });
    const queued = pool.extract(small, 'pdf', { signal: second.signal });
    expect(pool.stats()).toEqual({ running: 1, queued: 1 });

    second.abort();
    const dropped = await queued;
    expect(!dropped.ok && dropped.failure.detail).toBe('aborted while queued');
    expect(pool.stats()).toEqual({ running: 1, queued: 0 });

    first.abort();
    expect(failureCode(await running)).toBe('cancelled');
  });

  it('answers at once for a signal already aborted and for an unknown type', async () => {
    const pool = createExtractionPool();
    const file = await files.write('tiny.pdf', textPdf([['x']]));
    expect(failureCode(await pool.extract(file, 'pdf', { signal: AbortSignal.abort() }))).toBe(
      'cancelled',
    );
    expect(failureCode(await pool.extract(file, 'rtf' as DocumentType))).toBe('failed');
    expect(pool.stats()).toEqual({ running: 0, queued: 0 });
  });
});
