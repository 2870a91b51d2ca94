// Parent side: runs one extraction in a fresh child process and ends it when it overruns.
//
// Why a child process and not a worker thread: measured here, a PDF bomb drove pdf.js to 2.1 GB
// outside the JS heap, which a worker's resourceLimits do not bound; an allocation failure or the
// kernel's OOM killer would then take the whole server down. A child has its own address space,
// its memory can be read from outside while it is stuck in synchronous parsing (/proc/<pid>), and
// SIGKILL always ends it. One process per document (~0.2 s to start and load a parser) also means
// nothing of one user's document is left in memory when the next one is parsed.
import { type ChildProcess, fork } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { failed } from './failures.ts';
import type { ChildMessage, JobMessage } from './protocol.ts';
import type { ExtractionResult } from './types.ts';

/** How often the parent reads the child's resident memory. A bomb grows ~0.5 GB/s at most here. */
const MEMORY_POLL_MS = 50;
/** After answering, the child exits by itself; this is how long it may take before it is killed. */
const EXIT_GRACE_MS = 2_000;
const STDERR_TAIL_CHARS = 2_000;

// Run from source (Node type stripping) the child is child.ts; compiled to JS it is child.js.
const CHILD_FILE = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? './child.ts' : './child.js', import.meta.url),
);

export function runInChild(job: JobMessage, signal?: AbortSignal): Promise<ExtractionResult> {
  if (signal?.aborted) return Promise.resolve(failed('cancelled', 'aborted before start'));
  return new Promise((resolve) => {
    const child = fork(CHILD_FILE, [], {
      execArgv: childExecArgv(job),
      // No secrets (database URL, S3 keys) in the process that parses untrusted files.
      env: {},
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
    });
    let outcome: ExtractionResult | null = null;
    let stderr = '';
    let reportedRss = 0;
    const started = Date.now();

    const stop = (result: ExtractionResult) => {
      outcome ??= result;
      child.kill('SIGKILL');
    };
    const onAbort = () => stop(failed('cancelled', 'aborted while running'));
    const timeout = setTimeout(
      () => stop(failed('timeout', `still running after ${job.limits.timeoutMs} ms`)),
      job.limits.timeoutMs,
    );
    const memoryWatch = setInterval(async () => {
      const rss = (await readRss(child)) ?? reportedRss;
      if (rss > job.limits.maxMemoryBytes) {
        stop(
          failed(
            'memory',
            `resident memory ${mib(rss)} MiB, limit ${mib(job.limits.maxMemoryBytes)} MiB`,
          ),
        );
      }
    }, MEMORY_POLL_MS);
    signal?.addEventListener('abort', onAbort, { once: true });

    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
    });
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'memory') reportedRss = message.rss;
      if (message.type === 'result' && outcome === null) {
        outcome = message.result;
        setTimeout(() => child.kill('SIGKILL'), EXIT_GRACE_MS).unref();
      }
    });
    // 'error' without 'exit' only when the process could not be started at all.
    child.on('error', (error) => {
      if (child.pid === undefined) settle(failed('crashed', `could not start: ${error.message}`));
    });
    child.on('exit', (code, exitSignal) => {
      settle(outcome ?? crashResult(code, exitSignal, stderr, Date.now() - started));
    });
    child.once('spawn', () => {
      void raiseOomScore(child);
      child.send(job);
    });

    let settled = false;
    function settle(result: ExtractionResult) {
      if (settled) return;
      settled = true;
      clearTimeout(timeout);
      clearInterval(memoryWatch);
      signal?.removeEventListener('abort', onAbort);
      resolve(result);
    }
  });
}

function childExecArgv(job: JobMessage): string[] {
  const heapMib = Math.max(64, Math.floor(mib(job.limits.maxMemoryBytes) * 0.75));
  return [
    // The JS heap stops below the memory cap, so most overruns end as a clean V8 heap failure.
    `--max-old-space-size=${heapMib}`,
    // Node's permission model: read this folder (the child's code), the packages and the one
    // file; no writes, no child processes, no worker threads, no native addons.
    '--permission',
    `--allow-fs-read=${path.dirname(CHILD_FILE)}`,
    ...packageRoots().map((root) => `--allow-fs-read=${root}`),
    `--allow-fs-read=${job.filePath}`,
    // No eval or new Function: a parser bug cannot turn document bytes into code that way.
    '--disallow-code-generation-from-strings',
  ];
}

let roots: string[] | undefined;

/** The node_modules folders holding the parsers (usually one, the project's). */
function packageRoots(): string[] {
  roots ??= [
    ...new Set(
      ['unpdf', 'mammoth', 'yauzl'].map((name) => {
        const file = fileURLToPath(import.meta.resolve(name));
        const marker = `${path.sep}node_modules${path.sep}`;
        return file.slice(0, file.lastIndexOf(marker) + marker.length - 1);
      }),
    ),
  ];
  return roots;
}

/** VmRSS from /proc (Linux): readable while the child is busy in synchronous parsing. */
async function readRss(child: ChildProcess): Promise<number | null> {
  if (child.pid === undefined || child.exitCode !== null) return null;
  try {
    const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
    const kib = status.match(/^VmRSS:\s+(\d+)\s+kB/m)?.[1];
    return kib ? Number(kib) * 1024 : null;
  } catch {
    return null;
  }
}

/** Should the machine run out of memory anyway, the kernel kills the extractor, not the server. */
async function raiseOomScore(child: ChildProcess): Promise<void> {
  try {
    await writeFile(`/proc/${child.pid}/oom_score_adj`, '1000');
  } catch {
    // Not Linux, or not allowed: the memory watch still applies.
  }
}

function crashResult(
  code: number | null,
  signal: NodeJS.Signals | null,
  stderr: string,
  elapsedMs: number,
): ExtractionResult {
  const detail = `exit ${code ?? signal} after ${elapsedMs} ms: ${stderr.trim().slice(-500)}`;
  // V8 aborts the process when the heap limit set above is reached.
  if (/heap out of memory|Reached heap limit|Array buffer allocation failed/i.test(stderr)) {
    return failed('memory', detail);
  }
  return failed('crashed', detail);
}

function mib(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}
