// Parent side: runs one extraction in a fresh child process and ends it when it overruns.
//
// Why a child process and not a worker thread: measured here, a PDF bomb drove pdf.js to 2.1 GB
// outside the JS heap, which a worker's resourceLimits do not bound; an allocation failure or the
// kernel's OOM killer would then take the whole server down. A child has its own address space,
// its memory can be read from outside while it is stuck in synchronous parsing (/proc/<pid>), and
// SIGKILL always ends it. One process per document also means nothing of one user's document is
// left in memory when the next one is parsed: a child runs exactly one job, then exits or is killed.
// Starting a process and loading pdf.js takes ~0.2 s, so the pool may start a child before its
// job (a spare, see pool.ts); it gets the same sandbox, and the same watch once its job is sent.
import { type ChildProcess, fork } from 'node:child_process';
import { type FileHandle, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { failed } from './failures.ts';
import type { ChildMessage, JobMessage } from './protocol.ts';
import type { ExtractionLimits, ExtractionResult } from './types.ts';

/** How often the parent reads the child's resident memory. A bomb grows ~0.5 GB/s at most here. */
const MEMORY_POLL_MS = 50;
/** After answering, the child exits by itself; this is how long it may take before it is killed. */
const EXIT_GRACE_MS = 2_000;
const STDERR_TAIL_CHARS = 2_000;

// Run from source (Node type stripping) the child is child.ts; compiled to JS it is child.js.
const CHILD_FILE = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? './child.ts' : './child.js', import.meta.url),
);

type Exit = { code: number | null; signal: NodeJS.Signals | null; error?: Error };

export class ExtractionChild {
  /** Children started with the same flags (the same memory cap) are interchangeable. */
  readonly flags: string;
  readonly #process: ChildProcess;
  readonly #exited: Promise<Exit>;
  #stderr = '';
  #ready = false;
  #used = false;

  /** `spare`: load and warm every parser now, before any job. */
  constructor(limits: ExtractionLimits, spare: boolean) {
    const execArgv = childExecArgv(limits);
    this.flags = execArgv.join(' ');
    this.#process = fork(CHILD_FILE, spare ? ['--spare'] : [], {
      execArgv,
      // No secrets (database URL, S3 keys) in the process that parses untrusted files.
      env: {},
      stdio: ['pipe', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
    });
    const child = this.#process;
    this.#exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal }));
      // 'error' without 'exit' only when the process could not be started at all.
      child.on('error', (error) => {
        if (child.pid === undefined) resolve({ code: null, signal: null, error });
      });
    });
    child.once('spawn', () => void raiseOomScore(child));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.#stderr = (this.#stderr + chunk).slice(-STDERR_TAIL_CHARS);
    });
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') this.#ready = true;
    });
    // A child killed before it read its input would otherwise raise EPIPE here.
    child.stdin?.on('error', () => {});
  }

  /** Whether a job sent now would start at once (a spare that finished warming up). */
  get ready(): boolean {
    return this.#ready && this.alive;
  }

  get pid(): number | undefined {
    return this.#process.pid;
  }

  get alive(): boolean {
    return this.#process.exitCode === null && this.#process.signalCode === null;
  }

  kill(): Promise<void> {
    this.#process.kill('SIGKILL');
    return this.#exited.then(() => {});
  }

  /** Ends when the process has ended, whatever ended it. */
  get exited(): Promise<unknown> {
    return this.#exited;
  }

  /**
   * Runs the child's one job: `input` (the open document, closed here) goes to its stdin; the
   * time limit counts from now. Resolves with the child's answer, or when it has exited without
   * one; `exited` says when the process is gone.
   */
  run(job: JobMessage, input: FileHandle, signal?: AbortSignal): Promise<ExtractionResult> {
    if (this.#used) throw new Error('an extraction child runs one job only');
    this.#used = true;
    const child = this.#process;
    let outcome: ExtractionResult | null = null;
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
    if (signal?.aborted) onAbort();

    if (this.alive && child.connected) child.send(job, (error) => error && stop(sendFailed(error)));
    if (child.stdin) {
      // The child reads all of it before parsing; a child that ended early just stops the copy.
      pipeline(input.createReadStream(), child.stdin).catch(() => {});
    } else {
      void input.close();
    }

    return new Promise((resolve) => {
      child.on('message', (message: ChildMessage) => {
        if (message.type === 'memory') reportedRss = message.rss;
        if (message.type === 'result' && outcome === null) {
          outcome = message.result;
          // The caller has its answer now; the process is gone a few ms later (see `exited`).
          resolve(outcome);
          setTimeout(() => child.kill('SIGKILL'), EXIT_GRACE_MS).unref();
        }
      });
      void this.#exited.then(({ code, signal: exitSignal, error }) => {
        clearTimeout(timeout);
        clearInterval(memoryWatch);
        signal?.removeEventListener('abort', onAbort);
        if (error) resolve(failed('crashed', `could not start: ${error.message}`));
        else resolve(outcome ?? crashResult(code, exitSignal, this.#stderr, Date.now() - started));
      });
    });
  }
}

function sendFailed(error: Error): ExtractionResult {
  return failed('crashed', `could not send the job: ${error.message}`);
}

/** Children with the same flags are interchangeable: the pool compares them to pick a spare. */
export function childFlags(limits: ExtractionLimits): string {
  return childExecArgv(limits).join(' ');
}

function childExecArgv(limits: ExtractionLimits): string[] {
  const heapMib = Math.max(64, Math.floor(mib(limits.maxMemoryBytes) * 0.75));
  return [
    // The JS heap stops below the memory cap, so most overruns end as a clean V8 heap failure.
    `--max-old-space-size=${heapMib}`,
    // Node's permission model: read this folder (the child's code) and the packages; no writes,
    // no child processes, no worker threads, no native addons. The document comes on stdin.
    '--permission',
    `--allow-fs-read=${path.dirname(CHILD_FILE)}`,
    ...packageRoots().map((root) => `--allow-fs-read=${root}`),
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
