// `npm run bench` (through run.ts): load-tests the production server on this machine, beside a raw
// baseline doing the same SQL (bench/raw.ts), times text extraction beside poppler's pdftotext
// (bench/extraction.ts), times the offline goal-suggestion generator (bench/suggestions.ts), and
// records the figures.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { benchExtraction, type ExtractionFigures, printExtraction } from './extraction.ts';
import { median } from './median.ts';
import { type Scenario, scenarios } from './scenarios.ts';
import { type RunningServer, startRawServer, startServer } from './server.ts';
import {
  type BenchSession,
  benchAuthSecret,
  benchOrganizationCount,
  coldUserCount,
  forgetEarlierRuns,
  mintColdTokens,
  seedGoals,
  seedOrganizations,
  seedRegistry,
  seedRelationships,
  signInAsDemoAdmin,
} from './session.ts';
import { benchSuggestions, printSuggestions, type SuggestionFigures } from './suggestions.ts';

const durationSeconds = Number(process.env.BENCH_DURATION ?? 10);
const connectionCounts = (process.env.BENCH_CONNECTIONS ?? '10,50')
  .split(',')
  .map((value) => Number(value.trim()));
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const databaseUrl = process.env.BENCH_DATABASE_URL;
const registrySize = Number(process.env.BENCH_REGISTRY_SIZE ?? 10_000);
const coldUsers = coldUserCount;
const CACHE_WINDOW_SECONDS = 5;
const only = process.env.BENCH_SCENARIOS?.split(',').map((id) => id.trim());
const wanted = (id: string) => !only || only.includes(id);
const extractionRuns = Number(process.env.BENCH_EXTRACTION_RUNS ?? 9);
const authSecret = benchAuthSecret;
const WARM_UP_SECONDS = 2;

type Side = 'arete' | 'raw';

type Figures = {
  /**
   * The machine's 1-minute load average when the run ended. The bench alone keeps it at about 3 to
   * 5 on 2 cores; much more means something else ran too.
   */
  load: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  requests: number;
  non2xx: number;
  errors: number;
};

type Row = {
  scenario: string;
  name: string;
  request: string;
  connections: number;
  rounds: { arete: Figures; raw?: Figures; ratio?: number }[];
  /** The median of each figure over the rounds; `ratio` is the median of the rounds' ratios. */
  arete: Figures;
  raw?: Figures;
  ratio?: number;
  /** What the scenario's `during` load did meanwhile. */
  meanwhile?: string;
};

// Counts on from run to run, so that a run never starts again on the tokens the one before used.
let requestIndex = 0;

function load(url: string, scenario: Scenario, session: BenchSession, connections: number) {
  return (duration: number) => {
    const { body, headers } = scenario;
    const binary = scenario.binary?.();
    const fixedHeaders = {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(binary ? { 'content-type': binary.contentType } : {}),
      ...(headers && !scenario.cold ? headers(session, 0) : {}),
    };
    const perRequest = Boolean(body) || Boolean(scenario.cold && headers);
    return autocannon({
      url,
      duration,
      connections,
      requests: [
        {
          method: scenario.method,
          path: scenario.path,
          headers: fixedHeaders,
          ...(binary ? { body: binary.body } : {}),
          ...(perRequest
            ? {
                setupRequest: (request) => ({
                  ...request,
                  ...(body ? { body: JSON.stringify(body()) } : {}),
                  ...(scenario.cold && headers
                    ? { headers: { ...fixedHeaders, ...headers(session, requestIndex++) } }
                    : {}),
                }),
              }
            : {}),
        },
      ],
    });
  };
}

async function measure(
  server: RunningServer,
  scenario: Scenario,
  session: BenchSession,
  connections: number,
  duration = durationSeconds,
): Promise<Figures> {
  await session.refresh();
  const result = await load(server.url, scenario, session, connections)(duration);
  return {
    load: Number(loadavg()[0]?.toFixed(1)),
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

function medianFigures(all: Figures[]): Figures {
  return {
    load: Math.max(...all.map((figures) => figures.load)),
    requestsPerSecond: Math.round(median(all.map((figures) => figures.requestsPerSecond))),
    latencyMs: {
      p50: median(all.map((figures) => figures.latencyMs.p50)),
      p99: median(all.map((figures) => figures.latencyMs.p99)),
      max: Math.max(...all.map((figures) => figures.latencyMs.max)),
    },
    requests: all.reduce((sum, figures) => sum + figures.requests, 0),
    non2xx: all.reduce((sum, figures) => sum + figures.non2xx, 0),
    errors: all.reduce((sum, figures) => sum + figures.errors, 0),
  };
}

const summary = (side: Side, figures: Figures) =>
  `${side} ${String(figures.requestsPerSecond).padStart(6)} req/s p50 ${figures.latencyMs.p50} ms p99 ${figures.latencyMs.p99} ms` +
  (figures.non2xx + figures.errors > 0
    ? ` (${figures.non2xx} non-2xx, ${figures.errors} errors)`
    : '') +
  `  load ${figures.load}`;

/** The HTTP scenarios, against the production server started here, each beside its baseline. */
async function loadTest(chosen: Scenario[]): Promise<Row[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'arete-bench-'));
  const server = await startServer(
    databaseUrl
      ? { DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret, DATA_DIR: dataDir }
      : { DATA_DIR: dataDir },
  );
  let raw: RunningServer | undefined;
  const rows: Row[] = [];
  try {
    if (databaseUrl) await forgetEarlierRuns(databaseUrl);
    const session = await signInAsDemoAdmin(server.url);
    await seedRegistry(server.url, session, registrySize);
    if (chosen.some((scenario) => scenario.id.startsWith('tenants')))
      await seedOrganizations(server.url, session, benchOrganizationCount);
    if (databaseUrl) {
      if (chosen.some((scenario) => scenario.seeded === 'relationships'))
        await seedRelationships(databaseUrl);
      if (chosen.some((scenario) => scenario.seeded === 'goals'))
        session.goalsToken = await seedGoals({ databaseUrl, authSecret, issuer: server.url });
      raw = await startRawServer(databaseUrl, server.url);
      if (chosen.some((scenario) => scenario.cold))
        session.coldTokens = await mintColdTokens({
          databaseUrl,
          authSecret,
          issuer: server.url,
          count: coldUsers,
        });
    } else {
      console.info('Embedded database: no raw baseline (it needs a database both can reach).\n');
    }
    for (const scenario of chosen) {
      if (scenario.cold && session.coldTokens.length === 0) continue;
      if ((scenario.seeded || scenario.during) && !databaseUrl) {
        console.info(`${scenario.id}: skipped, it needs BENCH_DATABASE_URL (PostgreSQL)`);
        continue;
      }
      const baseline = scenario.baseline ? raw : undefined;
      const firstRow = rows.length;
      const meanwhile = databaseUrl
        ? scenario.during?.({ url: server.url, session, databaseUrl })
        : undefined;
      try {
        for (const connections of scenario.connections ?? connectionCounts) {
          const label = `${scenario.id} ×${connections}`;
          // Warm-up, so that the JIT and the connection pools are not what gets measured.
          await measure(server, scenario, session, connections, WARM_UP_SECONDS);
          if (baseline) await measure(baseline, scenario, session, connections, WARM_UP_SECONDS);
          const measured: Row['rounds'] = [];
          // Interleaved: scenario, baseline, scenario, baseline… so that the machine's noise hits both.
          for (let round = 1; round <= rounds; round++) {
            const arete = await measure(server, scenario, session, connections);
            console.info(`${label.padEnd(18)} round ${round}  ${summary('arete', arete)}`);
            if (scenario.cold && arete.requestsPerSecond * CACHE_WINDOW_SECONDS > coldUsers)
              console.warn(
                `  not cold: ${coldUsers} tokens come round again within ${CACHE_WINDOW_SECONDS} s at this rate; raise BENCH_COLD_USERS`,
              );
            if (!baseline) {
              measured.push({ arete });
              continue;
            }
            const rawFigures = await measure(baseline, scenario, session, connections);
            const ratio = arete.requestsPerSecond / Math.max(1, rawFigures.requestsPerSecond);
            console.info(
              `${label.padEnd(18)} round ${round}  ${summary('raw', rawFigures)}  ratio ${ratio.toFixed(2)}`,
            );
            measured.push({ arete, raw: rawFigures, ratio });
          }
          const rawRounds = measured.flatMap((round) => (round.raw ? [round.raw] : []));
          const ratios = measured.flatMap((round) =>
            round.ratio === undefined ? [] : [round.ratio],
          );
          rows.push({
            scenario: scenario.id,
            name: scenario.name,
            request: `${scenario.method} ${scenario.path}`,
            connections,
            rounds: measured,
            arete: medianFigures(measured.map((round) => round.arete)),
            ...(rawRounds.length > 0 ? { raw: medianFigures(rawRounds) } : {}),
            ...(ratios.length > 0 ? { ratio: Number(median(ratios).toFixed(2)) } : {}),
          });
        }
      } finally {
        const said = await meanwhile?.stop();
        if (said) {
          console.info(`${scenario.id}: ${said}`);
          for (const row of rows.slice(firstRow)) row.meanwhile = said;
        }
      }
    }
  } finally {
    await raw?.stop();
    await server.stop();
    // The uploads' documents and their waiting extraction jobs must not greet the next run.
    if (databaseUrl) await forgetEarlierRuns(databaseUrl);
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

// Extraction first, while the machine is quiet: no server is running yet.
const extraction: ExtractionFigures | undefined = wanted('extraction')
  ? await benchExtraction(extractionRuns)
  : undefined;
if (extraction) printExtraction(extraction);
const suggestions: SuggestionFigures | undefined = wanted('suggestions')
  ? benchSuggestions()
  : undefined;
if (suggestions) printSuggestions(suggestions);
const chosen = scenarios.filter((scenario) => wanted(scenario.id));
const rows = chosen.length > 0 ? await loadTest(chosen) : [];

if (rows.length > 0) {
  console.info(
    `\nMedian of ${rounds} interleaved round(s) of ${durationSeconds} s; ratio = Arete / raw req/s\n`,
  );
  console.info(
    '| scenario | conns | Arete req/s | p50 ms | p99 ms | raw req/s | raw p50 ms | raw p99 ms | ratio |\n' +
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const row of rows) {
    console.info(
      `| ${row.scenario} | ${row.connections} | ${row.arete.requestsPerSecond} | ${row.arete.latencyMs.p50} | ` +
        `${row.arete.latencyMs.p99} | ${row.raw?.requestsPerSecond ?? '–'} | ${row.raw?.latencyMs.p50 ?? '–'} | ` +
        `${row.raw?.latencyMs.p99 ?? '–'} | ` +
        `${row.ratio?.toFixed(2) ?? '–'} |`,
    );
  }
  for (const row of rows)
    if (row.meanwhile) console.info(`${row.scenario} ×${row.connections}: ${row.meanwhile}`);
}

const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  database: databaseUrl ? 'postgres' : 'pglite',
  durationSeconds,
  rounds,
  connections: connectionCounts,
  registrySize,
  coldUsers,
  results: rows,
  ...(extraction ? { extraction } : {}),
  ...(suggestions ? { suggestions } : {}),
};
const outputDir = path.resolve('bench/results');
mkdirSync(outputDir, { recursive: true });
const file = path.join(outputDir, `${report.date.replaceAll(':', '-')}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(path.join(outputDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.info(`\nWritten to ${path.relative(process.cwd(), file)} and bench/results/latest.json`);
const failed = rows.some((row) =>
  row.rounds.some(
    (round) =>
      round.arete.non2xx +
        round.arete.errors +
        (round.raw ? round.raw.non2xx + round.raw.errors : 0) >
      0,
  ),
);
if (failed) process.exitCode = 1;
