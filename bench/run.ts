// `npm run bench`: load-tests the production server on this machine and records the figures.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { type Scenario, scenarios } from './scenarios.ts';
import { startServer } from './server.ts';
import { type BenchSession, seedRegistry, signInAsDemoAdmin } from './session.ts';

const durationSeconds = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const databaseUrl = process.env.BENCH_DATABASE_URL;
const registrySize = Number(process.env.BENCH_REGISTRY_SIZE ?? 10_000);

type Figures = {
  scenario: string;
  request: string;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  requests: number;
  non2xx: number;
  errors: number;
};

function headersFor(scenario: Scenario, session: BenchSession): Record<string, string> {
  return {
    ...(scenario.body ? { 'content-type': 'application/json' } : {}),
    ...scenario.headers?.(session),
  };
}

function load(url: string, scenario: Scenario, session: BenchSession, duration: number) {
  const { body } = scenario;
  return autocannon({
    url,
    duration,
    connections,
    requests: [
      {
        method: scenario.method,
        path: scenario.path,
        headers: headersFor(scenario, session),
        ...(body
          ? { setupRequest: (request) => ({ ...request, body: JSON.stringify(body()) }) }
          : {}),
      },
    ],
  });
}

async function measure(url: string, scenario: Scenario, session: BenchSession): Promise<Figures> {
  const result = await load(url, scenario, session, durationSeconds);
  return {
    scenario: scenario.name,
    request: `${scenario.method} ${scenario.path}`,
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'arete-bench-'));
const server = await startServer(
  databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir },
);
const results: Figures[] = [];
try {
  const session = await signInAsDemoAdmin(server.url);
  await seedRegistry(server.url, session, registrySize);
  for (const scenario of scenarios) {
    // A short warm-up so the JIT and the connection pool are not what gets measured.
    await load(server.url, scenario, session, 1);
    const figures = await measure(server.url, scenario, session);
    results.push(figures);
    console.info(
      `${figures.request.padEnd(24)} ${String(figures.requestsPerSecond).padStart(7)} req/s` +
        `  p50 ${figures.latencyMs.p50} ms  p99 ${figures.latencyMs.p99} ms` +
        (figures.non2xx + figures.errors > 0
          ? `  (${figures.non2xx} non-2xx, ${figures.errors} errors)`
          : ''),
    );
  }
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  database: databaseUrl ? 'postgres' : 'pglite',
  durationSeconds,
  connections,
  registrySize,
  results,
};
const outputDir = path.resolve('bench/results');
mkdirSync(outputDir, { recursive: true });
const file = path.join(outputDir, `${report.date.replaceAll(':', '-')}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(path.join(outputDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.info(`\nWritten to ${path.relative(process.cwd(), file)} and bench/results/latest.json`);
if (results.some((figures) => figures.non2xx + figures.errors > 0)) process.exitCode = 1;
