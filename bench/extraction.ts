// The `extraction` scenario of `npm run bench`: Arete's text extraction of a 50-page PDF beside
// poppler's `pdftotext` on the same file (issue 9). Both are timed as a caller sees them, one
// document at a time, interleaved (Arete, Arete again, pdftotext, …) so the machine's noise hits
// all: pdftotext's time includes its process start, Arete's its sandboxed child process. Arete is
// timed twice per round: first with its spare child ready (a quiet server: the bench waits for the
// spare as time between uploads would), then at once again, back-to-back, when the spare started
// after the first document is not ready yet (about a fresh child's time: a busy server, or the
// first document after a start). A last figure says where Arete's time goes: the same parser
// (pdf.ts) warm in this process, without any child.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  createExtractionPool,
  type ExtractionPool,
} from '../src/server/modules/documents/extraction/index.ts';
import { extractPdf } from '../src/server/modules/documents/extraction/pdf.ts';
import { DEFAULT_LIMITS } from '../src/server/modules/documents/extraction/types.ts';
import { textPdfOfPages } from './documents.ts';
import { median } from './median.ts';

const run = promisify(execFile);
const PAGES = 50;
const PDFTOTEXT = process.env.BENCH_PDFTOTEXT ?? 'pdftotext';

export type ExtractionFigures = {
  pages: number;
  fileBytes: number;
  runs: number;
  /** Median wall time of one document, ms, with the pool's spare child ready. */
  areteMs: number;
  /** The same right after another document: no spare ready yet. */
  areteColdMs: number;
  pdftotextMs: number;
  /** pdf.js alone, warm, in this process: what is left when the child's start-up is taken away. */
  warmParseMs: number;
  aretePagesPerSecond: number;
  pdftotextPagesPerSecond: number;
  /** Arete's wall time (spare ready) ÷ pdftotext's (goal ≤ 2.5). */
  ratio: number;
  /** The same back-to-back, no spare ready. */
  coldRatio: number;
  /** Multiset overlap of whitespace-separated tokens, |A ∩ B| / max(|A|, |B|) (goal ≥ 0.99). */
  tokenAgreement: number;
  /** Whether the two token sequences are the same, in the same order. */
  sameOrder: boolean;
  tokens: { arete: number; pdftotext: number };
  /** A few tokens found by one side only, for when the agreement drops. */
  onlyArete: string[];
  onlyPdftotext: string[];
  /** The machine's 1-minute load average at the end: much over 1 means something else ran. */
  load: number;
};

const tokensOf = (text: string) => text.split(/\s+/).filter(Boolean);

function counts(tokens: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const token of tokens) map.set(token, (map.get(token) ?? 0) + 1);
  return map;
}

/** Tokens of `a` beyond what `b` has of them (multiset difference), a few distinct ones. */
function surplus(a: Map<string, number>, b: Map<string, number>): string[] {
  return [...a].filter(([token, n]) => n > (b.get(token) ?? 0)).map(([token]) => token);
}

async function spareReady(pool: ExtractionPool): Promise<void> {
  for (let waited = 0; pool.stats().spares === 0; waited += 10) {
    if (waited > 30_000) throw new Error('no spare extraction child became ready in 30 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

export async function benchExtraction(runs = 9): Promise<ExtractionFigures> {
  const dir = await mkdtemp(path.join(tmpdir(), 'arete-bench-extraction-'));
  try {
    const file = path.join(dir, 'fifty-pages.pdf');
    const bytes = textPdfOfPages(PAGES);
    await writeFile(file, bytes);
    // The server's limits; one at a time, so the two sides never share the cores.
    const pool = createExtractionPool({ concurrency: 1 });
    try {
      return await measure(pool, file, bytes.length, runs);
    } finally {
      await pool.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function measure(
  pool: ExtractionPool,
  file: string,
  fileBytes: number,
  runs: number,
): Promise<ExtractionFigures> {
  const arete = async () => {
    const result = await pool.extract(file, 'pdf');
    if (!result.ok) throw new Error(`extraction failed: ${result.failure.detail}`);
    return result.text;
  };
  const poppler = async () =>
    (await run(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
  // Warm-up: the page cache and Node's compile cache, for both.
  const areteText = await arete();
  const popplerText = await poppler();
  const areteMs: number[] = [];
  const coldMs: number[] = [];
  const popplerMs: number[] = [];
  for (let round = 0; round < runs; round++) {
    await spareReady(pool);
    for (const times of [areteMs, coldMs]) {
      const { ms, value } = await timed(arete);
      // A spare (warmed up on other text first) must give the very text a fresh child gives.
      if (value !== areteText) throw new Error('a spare child extracted a different text');
      times.push(ms);
    }
    popplerMs.push((await timed(poppler)).ms);
  }
  const pdfBytes = new Uint8Array(await readFile(file));
  await extractPdf(pdfBytes.slice(), DEFAULT_LIMITS);
  const warmMs: number[] = [];
  for (let round = 0; round < runs; round++)
    warmMs.push((await timed(() => extractPdf(pdfBytes.slice(), DEFAULT_LIMITS))).ms);

  // Arete's stored (normalised) text against pdftotext's output as it comes.
  const a = tokensOf(areteText);
  const b = tokensOf(popplerText);
  const ca = counts(a);
  const cb = counts(b);
  let shared = 0;
  for (const [token, n] of ca) shared += Math.min(n, cb.get(token) ?? 0);
  const aMs = median(areteMs);
  const cMs = median(coldMs);
  const pMs = median(popplerMs);
  return {
    pages: PAGES,
    fileBytes,
    runs,
    areteMs: Math.round(aMs),
    areteColdMs: Math.round(cMs),
    pdftotextMs: Math.round(pMs),
    warmParseMs: Math.round(median(warmMs)),
    aretePagesPerSecond: Math.round((PAGES * 1000) / aMs),
    pdftotextPagesPerSecond: Math.round((PAGES * 1000) / pMs),
    ratio: Number((aMs / pMs).toFixed(2)),
    coldRatio: Number((cMs / pMs).toFixed(2)),
    tokenAgreement: Number((shared / Math.max(a.length, b.length, 1)).toFixed(4)),
    sameOrder: a.length === b.length && a.every((token, i) => token === b[i]),
    tokens: { arete: a.length, pdftotext: b.length },
    onlyArete: surplus(ca, cb).slice(0, 5),
    onlyPdftotext: surplus(cb, ca).slice(0, 5),
    load: Number(loadavg()[0]?.toFixed(1)),
  };
}

export function printExtraction(figures: ExtractionFigures): void {
  const kb = Math.round(figures.fileBytes / 1024);
  console.info(
    `\nExtraction of a ${figures.pages}-page text PDF (${kb} KB), median of ${figures.runs} interleaved runs, one document at a time (load ${figures.load})\n`,
  );
  console.info(
    '| extractor | ms per document | pages/s |\n| --- | ---: | ---: |\n' +
      `| Arete (sandboxed child process, unpdf), spare ready | ${figures.areteMs} | ${figures.aretePagesPerSecond} |\n` +
      `| Arete back-to-back, no spare ready | ${figures.areteColdMs} | ${Math.round((figures.pages * 1000) / figures.areteColdMs)} |\n` +
      `| pdftotext (poppler) | ${figures.pdftotextMs} | ${figures.pdftotextPagesPerSecond} |\n` +
      `| of Arete's: pdf.js alone, warm, no child | ${figures.warmParseMs} | ${Math.round((figures.pages * 1000) / figures.warmParseMs)} |`,
  );
  console.info(
    `\nwall-time ratio Arete / pdftotext ${figures.ratio.toFixed(2)} (goal ≤ 2.5; back-to-back ${figures.coldRatio.toFixed(2)}); ` +
      `token agreement ${figures.tokenAgreement} (goal ≥ 0.99; ${figures.tokens.arete} / ${figures.tokens.pdftotext} tokens, ` +
      `${figures.sameOrder ? 'same order' : 'order differs'})`,
  );
  if (figures.onlyArete.length + figures.onlyPdftotext.length > 0)
    console.info(
      `  only in Arete's: ${JSON.stringify(figures.onlyArete)}; only in pdftotext's: ${JSON.stringify(figures.onlyPdftotext)}`,
    );
}
