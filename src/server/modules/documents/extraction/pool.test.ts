// The pool: two at a time, the rest in order, and an AbortSignal that ends a job wherever it is.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createExtractionPool, type ExtractionPool } from './pool.ts';
import { extractionChildren } from './test-support/children.ts';
import { bombPdf, textPdf } from './test-support/pdf-writer.ts';
import { tempFilesForThisFile } from './test-support/temp-files.ts';
import type { DocumentType, ExtractionResult } from './types.ts';

const files = tempFilesForThisFile();
const MiB = 1024 * 1024;
// More memory and time than these bombs reach before the test aborts them; still bounded, so a
// failing test cannot let one eat the machine.
const SLOW = { maxMemoryBytes: 1536 * MiB, timeoutMs: 10_000 };

const allChildren = () => extractionChildren({ spares: true });
const pools: ExtractionPool[] = [];
function newPool(options?: Parameters<typeof createExtractionPool>[0]): ExtractionPool {
  const pool = createExtractionPool(options);
  pools.push(pool);
  return pool;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let waited = 0; !(await condition()); waited += 20) {
    if (waited > 10_000) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function failureCode(result: ExtractionResult): string {
  return result.ok ? 'ok' : result.failure.code;
}

describe('extraction pool', () => {
  it('runs at most two extractions at once and queues the rest in order', async () => {
    const pool = newPool({ concurrency: 2 });
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
    expect(pool.stats()).toMatchObject({ running: 2, queued: 3 });
    const results = await Promise.all(jobs);
    clearInterval(watch);

    expect(results.every((result) => result.ok && result.text === 'Queued words')).toBe(true);
    expect(maxRunning).toBeLessThanOrEqual(2);
    // The queue is first in, first out: the last two started after the first ones.
    expect(finished.indexOf(4)).toBeGreaterThanOrEqual(2);
    // A slot frees when its process has exited, a few ms after the answer.
    await until(() => pool.stats().running === 0);
    expect(pool.stats()).toMatchObject({ running: 0, queued: 0 });
  });

  it('kills a running extraction when its signal aborts, leaving no process behind', async () => {
    const pool = newPool({ limits: SLOW });
    const file = await files.write('bomb.pdf', bombPdf(2048 * MiB));
    const controller = new AbortController();
    const job = pool.extract(file, 'pdf', { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await allChildren()).toHaveLength(1);

    controller.abort();
    const result = await job;
    expect(failureCode(result)).toBe('cancelled');
    expect(!result.ok && result.failure.retryable).toBe(true);
    // Only the spare started after the job is left, and close() ends it.
    await pool.close();
    expect(await allChildren()).toEqual([]);
  });

  it('drops a queued extraction whose signal aborts, without starting it', async () => {
    const pool = newPool({ concurrency: 1, limits: SLOW });
    const bomb = await files.write('bomb-2.pdf', bombPdf(2048 * MiB));
    const small = await files.write('small-2.pdf', textPdf([['Never read']]));
    const first = new AbortController();
    const second = new AbortController();
    const running = pool.extract(bomb, 'pdf', { signal: first.signal });
    const queued = pool.extract(small, 'pdf', { signal: second.signal });
    expect(pool.stats()).toMatchObject({ running: 1, queued: 1 });

    second.abort();
    const dropped = await queued;
    expect(!dropped.ok && dropped.failure.detail).toBe('aborted while queued');
    expect(pool.stats()).toMatchObject({ running: 1, queued: 0 });

    first.abort();
    expect(failureCode(await running)).toBe('cancelled');
  });

  it('answers at once for a signal already aborted and for an unknown type', async () => {
    const pool = newPool();
    const file = await files.write('tiny.pdf', textPdf([['x']]));
    expect(failureCode(await pool.extract(file, 'pdf', { signal: AbortSignal.abort() }))).toBe(
      'cancelled',
    );
    expect(failureCode(await pool.extract(file, 'rtf' as DocumentType))).toBe('failed');
    expect(pool.stats()).toMatchObject({ running: 0, queued: 0 });
  });

  it('runs each document in its own process: a spare once, then it is gone', async () => {
    const pool = newPool({ concurrency: 1 });
    const first = await files.write('first.pdf', textPdf([['First document']]));
    const second = await files.write('second.pdf', textPdf([['Second document']]));
    expect(await allChildren()).toEqual([]);
    expect(failureCode(await pool.extract(first, 'pdf'))).toBe('ok');
    // Lazily: the first extraction had no spare; one is warming up for the next.
    await until(() => pool.stats().spares === 1);
    const [spare] = await allChildren();
    // Waiting, it holds no document: it is not an extraction at work.
    expect(await extractionChildren()).toEqual([]);

    const result = await pool.extract(second, 'pdf');
    expect(result.ok && result.text).toBe('Second document');
    // The spare that read it exits, and a new spare takes its place.
    await until(async () => !(await allChildren()).includes(spare ?? 0));
    await until(() => pool.stats().spares === 1);
    expect(await allChildren()).toHaveLength(1);

    await pool.close();
    expect(await allChildren()).toEqual([]);
    expect(pool.stats().spares).toBe(0);
  });

  it('starts a fresh child when a job needs other flags than the spare has', async () => {
    const pool = newPool({ concurrency: 1 });
    const file = await files.write('flags.pdf', textPdf([['Other flags']]));
    await pool.extract(file, 'pdf');
    await until(() => pool.stats().spares === 1);
    const [spare] = await allChildren();
    const result = await pool.extract(file, 'pdf', { limits: { maxMemoryBytes: 300 * MiB } });
    expect(result.ok && result.text).toBe('Other flags');
    // The spare, started with the pool's memory cap, is still waiting.
    expect(await allChildren()).toContain(spare);
  });

  it('starts no spare when told not to, and none after close()', async () => {
    const file = await files.write('none.pdf', textPdf([['No spare']]));
    const without = newPool({ spares: false });
    await without.extract(file, 'pdf');
    await until(() => without.stats().running === 0);
    expect(await allChildren()).toEqual([]);

    const pool = newPool();
    const running = pool.extract(file, 'pdf');
    await pool.close();
    await running;
    await until(() => pool.stats().running === 0);
    expect(await allChildren()).toEqual([]);
  });

  it('reports a missing file without starting a child', async () => {
    const pool = newPool();
    expect(failureCode(await pool.extract('/nonexistent/arete/file.pdf', 'pdf'))).toBe(
      'unreadable',
    );
    const folder = path.dirname(await files.write('beside.pdf', textPdf([['x']])));
    expect(failureCode(await pool.extract(folder, 'pdf'))).toBe('unreadable');
    expect(await allChildren()).toEqual([]);
  });
});
