// The extraction child process: reads one document from stdin, answers once, exits. Started by
// supervisor.ts with Node's permission model, so it can read only this folder's code and
// node_modules (the document arrives through the pipe, not as a file it may open).
// Import nothing from outside this folder (other than packages): the child could not read it.
//
// Started with --spare, it loads every parser and warms pdf.js up before any job is sent, then
// waits: the pool keeps it ready so that a document does not wait for a process to start.
import { ExtractionError, failed } from './failures.ts';
import { countWords, normaliseText } from './normalise.ts';
import type { ChildMessage, JobMessage } from './protocol.ts';
import type { ExtractionResult } from './types.ts';

const MEMORY_REPORT_MS = 100;
const SPARE = process.argv.includes('--spare');

function send(message: ChildMessage, then?: () => void): void {
  process.send?.(message, undefined, {}, () => then?.());
}

async function extract(job: JobMessage): Promise<ExtractionResult> {
  try {
    const raw = await extractRaw(job, await readInput());
    const text = normaliseText(raw.text);
    if (text.length > job.limits.maxTextChars) {
      return failed('text-too-long', `${text.length} characters, limit ${job.limits.maxTextChars}`);
    }
    return { ok: true, text, pageCount: raw.pageCount, wordCount: countWords(text) };
  } catch (error) {
    if (error instanceof ExtractionError) return failed(error.code, error.message);
    return failed(
      'failed',
      error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    );
  }
}

async function readInput(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// A fresh child loads only the parser it needs; a spare has loaded them all already.
async function extractRaw(
  job: JobMessage,
  bytes: Buffer,
): Promise<{ text: string; pageCount: number | null }> {
  switch (job.documentType) {
    case 'pdf':
      // pdf.js refuses a Buffer; a plain Uint8Array copy is what it wants.
      return (await import('./pdf.ts')).extractPdf(new Uint8Array(bytes), job.limits);
    case 'docx':
      return (await import('./docx.ts')).extractDocx(bytes, job.limits);
    case 'text':
    case 'markdown':
      return (await import('./text.ts')).extractPlainText(bytes);
  }
}

// pdf.js first, then the warm-up, then the other parsers. A job that arrives meanwhile starts at
// once (the warm-up stops at its next small document), so a spare is never slower than a new child.
async function prepareSpare(): Promise<void> {
  await import('./pdf.ts');
  // Only a speed-up: a spare whose warm-up failed still extracts, as a fresh child would.
  await (await import('./warm-up.ts')).warmUp(() => job !== null).catch(() => {});
  // A job that came meanwhile imports what it needs itself; mammoth would only slow it down.
  if (job !== null) return;
  await Promise.all([import('./docx.ts'), import('./text.ts')]);
  if (job === null) send({ type: 'ready' });
}

let finished = false;

function finish(result: ExtractionResult): void {
  if (finished) return;
  finished = true;
  // Exit once the answer is flushed: nothing of this document outlives its extraction.
  send({ type: 'result', result }, () => process.exit(0));
}

let job: JobMessage | null = null;
// A spare whose imports failed still takes its job: extractRaw's own import then says why.
if (SPARE) void prepareSpare().catch(() => {});

process.once('message', (message: JobMessage) => {
  job = message;
  void extract(message).then(finish);
  setInterval(
    () => send({ type: 'memory', rss: process.memoryUsage.rss() }),
    MEMORY_REPORT_MS,
  ).unref();
});

// The parent is gone (crashed, killed): nobody will read the answer, so stop working on it.
process.on('disconnect', () => process.exit(1));

// pdf.js can reject promises nobody awaits; they must not leave the parent waiting for a timeout.
// Before its job, a spare that fails so just ends: the pool forks a fresh child instead.
function fail(error: unknown): void {
  if (job === null) process.exit(1);
  finish(failed('failed', String(error)));
}
process.on('unhandledRejection', fail);
process.on('uncaughtException', fail);
