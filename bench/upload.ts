// The `upload` scenario's pieces (issue 9): the multipart body of a 1 MB PDF, built once as bytes
// (autocannon's CLI `-i` reads a file as text and would corrupt it), and a hostile file kept being
// extracted by the server for as long as the scenario runs.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { pdfBomb, pdfOfSize } from './documents.ts';
import { median } from './median.ts';
import type { BenchSession } from './session.ts';

export type Multipart = { body: Buffer<ArrayBuffer>; contentType: string };

/** A form as a browser sends it: `category`, `title`, then the file with its name and type. */
export function multipartBody(file: Buffer, fileName: string, title: string): Multipart {
  const boundary = `----AreteBenchBoundary${randomBytes(8).toString('hex')}`;
  const field = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  return {
    body: Buffer.concat([
      Buffer.from(
        field('category', 'other') +
          field('title', title) +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
          'Content-Type: application/pdf\r\n\r\n',
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

let reportUpload: Multipart | undefined;

/** The uploaded file: a 1 MiB report, a cover picture and 50 pages of text (built on first use). */
export function reportUploadBody(): Multipart {
  reportUpload ??= multipartBody(pdfOfSize(), 'annual-report.pdf', 'Annual coaching report');
  return reportUpload;
}

export type HostileSummary = {
  /** PDF bombs the server was given, and what became of them (failure code or status). */
  uploaded: number;
  outcomes: Record<string, number>;
  /** Median time from the job's claim to the document's failure, s; null when none ended. */
  medianSeconds: number | null;
  /** Share of the scenario's wall time during which a bomb was being extracted. */
  busyShare: number;
  /** Why the bombs stopped coming before the end, if they did. */
  error?: string;
};

type Bomb = { id: string; claimedAt?: number; endedAt?: number };

/**
 * Uploads a PDF bomb (1 GiB of zeros in one content stream: pdf.js grows past the 768 MiB cap in
 * about 3 s, at full speed on one core, before the memory watch kills it), and the next one as soon
 * as it has failed, until `stop`. Each bomb's job is moved to the head of the queue (straight in the
 * bench database): every upload of the scenario queues an extraction (tens a second, each taking
 * the better part of a second), and a bomb waiting behind them would not run while it is measured. One extraction slot of the
 * two thus holds a bomb nearly all the time; the other extracts the uploaded reports.
 */
export function keepHostileExtracting(input: {
  url: string;
  session: BenchSession;
  databaseUrl: string;
}): { stop(): Promise<HostileSummary> } {
  const upload = multipartBody(pdfBomb(), 'quarterly-figures.pdf', 'Quarterly figures');
  const db = new pg.Client({ connectionString: input.databaseUrl });
  const bombs: Bomb[] = [];
  const started = Date.now();
  let stopping = false;
  let error: string | undefined;

  const headers = () => ({ authorization: `Bearer ${input.session.adminToken}` });
  const statusOf = async (id: string) => {
    const response = await fetch(`${input.url}/api/v1/documents/${id}`, { headers: headers() });
    if (!response.ok) throw new Error(`reading a bomb's document: ${response.status}`);
    return ((await response.json()) as { status: string }).status;
  };

  const loop = (async () => {
    await db.connect();
    while (!stopping) {
      const response = await fetch(`${input.url}/api/v1/documents`, {
        method: 'POST',
        headers: { ...headers(), 'content-type': upload.contentType },
        body: upload.body,
      });
      if (response.status !== 201)
        throw new Error(`uploading a bomb: ${response.status} ${await response.text()}`);
      const bomb: Bomb = { id: ((await response.json()) as { id: string }).id };
      bombs.push(bomb);
      await db.query(
        "update jobs set run_at = now() - interval '1 day' where kind = 'documents.extract' and key = $1",
        [bomb.id],
      );
      // Polled through the API, as the web app does; 100 ms is fine beside a 3-second extraction.
      for (;;) {
        const status = await statusOf(bomb.id);
        if (status === 'extracting') bomb.claimedAt ??= Date.now();
        if (status === 'extracted' || status === 'failed') break;
        if (stopping) return;
        await sleep(100);
      }
      bomb.endedAt = Date.now();
    }
  })().catch((caught: unknown) => {
    error = String(caught);
  });

  return {
    async stop() {
      stopping = true;
      await loop;
      const stopped = Date.now();
      const { rows } = await db.query(
        'select id, status, failure_code from documents where id = any($1::uuid[])',
        [bombs.map((bomb) => bomb.id)],
      );
      await db.end();
      const outcomes: Record<string, number> = {};
      for (const row of rows) {
        const outcome = row.failure_code ?? row.status;
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
      const durations = bombs.flatMap((bomb) =>
        bomb.claimedAt && bomb.endedAt ? [(bomb.endedAt - bomb.claimedAt) / 1000] : [],
      );
      const busy = bombs.reduce(
        (sum, bomb) => (bomb.claimedAt ? sum + (bomb.endedAt ?? stopped) - bomb.claimedAt : sum),
        0,
      );
      return {
        uploaded: bombs.length,
        outcomes,
        medianSeconds: durations.length > 0 ? Number(median(durations).toFixed(1)) : null,
        busyShare: Number((busy / Math.max(1, stopped - started)).toFixed(2)),
        ...(error ? { error } : {}),
      };
    },
  };
}

export function describeHostile(summary: HostileSummary): string {
  const outcomes = Object.entries(summary.outcomes)
    .map(([outcome, count]) => `${count} ${outcome}`)
    .join(', ');
  const each =
    summary.medianSeconds === null ? 'none ended yet' : `${summary.medianSeconds} s each`;
  const busy = Math.round(summary.busyShare * 100);
  return (
    `meanwhile ${summary.uploaded} PDF bombs extracted one after another (${outcomes}), ${each}; ` +
    `a bomb was extracting ${busy}% of the time` +
    (summary.error ? `; stopped early: ${summary.error}` : '')
  );
}
