// The extraction child process: reads one file, answers once, exits. Started by supervisor.ts with
// Node's permission model, so it can read only this folder's code, node_modules and the one file.
// Import nothing from outside this folder (other than packages): the child could not read it.
import { ExtractionError, failed } from './failures.ts';
import { countWords, normaliseText } from './normalise.ts';
import type { ChildMessage, JobMessage } from './protocol.ts';
import type { ExtractionResult } from './types.ts';

const MEMORY_REPORT_MS = 100;

function send(message: ChildMessage, then?: () => void): void {
  process.send?.(message, undefined, {}, () => then?.());
}

async function extract(job: JobMessage): Promise<ExtractionResult> {
  try {
    const raw = await extractRaw(job);
    const text = normaliseText(raw.text);
    if (text.length > job.limits.maxTextChars) {
      return failed('text-too-long', `${text.length} characters, limit ${job.limits.maxTextChars}`);
    }
    return { ok: true, text, pageCount: raw.pageCount, wordCount: countWords(text) };
  } catch (error) {
    if (error instanceof ExtractionError) return failed(error.code, error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (
      code === 'ENOENT' ||
      code === 'EACCES' ||
      code === 'EISDIR' ||
      code === 'ERR_ACCESS_DENIED'
    ) {
      return failed('unreadable', (error as Error).message);
    }
    return failed(
      'failed',
      error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    );
  }
}

// Each parser is loaded only when needed: a fresh process per document pays for one, not three.
async function extractRaw(job: JobMessage): Promise<{ text: string; pageCount: number | null }> {
  switch (job.documentType) {
    case 'pdf': {
      const [{ readFile }, { extractPdf }] = await Promise.all([
        import('node:fs/promises'),
        import('./pdf.ts'),
      ]);
      // pdf.js refuses a Buffer; a plain Uint8Array copy is what it wants.
      return extractPdf(new Uint8Array(await readFile(job.filePath)), job.limits);
    }
    case 'docx':
      return (await import('./docx.ts')).extractDocx(job.filePath, job.limits);
    case 'text':
    case 'markdown':
      return (await import('./text.ts')).extractPlainText(job.filePath);
  }
}

let finished = false;

function finish(result: ExtractionResult): void {
  if (finished) return;
  finished = true;
  // Exit once the answer is flushed: nothing of this document outlives its extraction.
  send({ type: 'result', result }, () => process.exit(0));
}

process.once('message', (job: JobMessage) => {
  void extract(job).then(finish);
});

// The parent is gone (crashed, killed): nobody will read the answer, so stop working on it.
process.on('disconnect', () => process.exit(1));

// pdf.js can reject promises nobody awaits; they must not leave the parent waiting for a timeout.
process.on('unhandledRejection', (error) => finish(failed('failed', String(error))));
process.on('uncaughtException', (error) => finish(failed('failed', String(error))));

setInterval(
  () => send({ type: 'memory', rss: process.memoryUsage.rss() }),
  MEMORY_REPORT_MS,
).unref();
