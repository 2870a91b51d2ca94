// `npm run bench -- profile <scenario> [seconds] [connections]`: runs one scenario of scenarios.ts
// against the production server started with `node --cpu-prof`, then prints where the server's
// busy time went (self time by package and by function, and the inclusive time of our own code and
// of the libraries on the request path). Same environment as `npm run bench` (BENCH_DATABASE_URL).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { scenarios } from './scenarios.ts';
import { startServer } from './server.ts';
import {
  benchAuthSecret,
  benchOrganizationCount,
  coldUserCount,
  mintColdTokens,
  seedGoals,
  seedOrganizations,
  seedRegistry,
  seedRelationships,
  signInAsDemoAdmin,
} from './session.ts';

const [id = 'me', seconds = '10', connections = '10'] = process.argv.slice(3);
const scenario = scenarios.find((candidate) => candidate.id === id);
if (!scenario) throw new Error(`no scenario ${id}: ${scenarios.map((s) => s.id).join(', ')}`);
const databaseUrl = process.env.BENCH_DATABASE_URL;
const authSecret = benchAuthSecret;
if ((scenario.cold || scenario.seeded) && !databaseUrl)
  throw new Error(`the ${id} scenario needs BENCH_DATABASE_URL`);

const directory = mkdtempSync(path.join(tmpdir(), 'arete-profile-'));
const server = await startServer(
  {
    DATA_DIR: path.join(directory, 'data'),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret } : {}),
  },
  ['--cpu-prof', `--cpu-prof-dir=${directory}`, '--cpu-prof-interval=200'],
);
let requests = 0;
try {
  const session = await signInAsDemoAdmin(server.url);
  if (id.startsWith('admin')) await seedRegistry(server.url, session, 10_000);
  if (scenario.id.startsWith('tenants'))
    await seedOrganizations(server.url, session, benchOrganizationCount);
  if (scenario.cold && databaseUrl)
    session.coldTokens = await mintColdTokens({
      databaseUrl,
      authSecret,
      issuer: server.url,
      count: coldUserCount,
    });
  if (scenario.seeded === 'relationships' && databaseUrl) await seedRelationships(databaseUrl);
  if (scenario.seeded === 'goals' && databaseUrl)
    session.goalsToken = await seedGoals({ databaseUrl, authSecret, issuer: server.url });
  let index = 0;
  const binary = scenario.binary?.();
  const run = (duration: number) =>
    autocannon({
      url: server.url,
      duration,
      connections: Number(connections),
      requests: [
        {
          method: scenario.method,
          path: scenario.path,
          headers: {
            ...(scenario.body ? { 'content-type': 'application/json' } : {}),
            ...(binary ? { 'content-type': binary.contentType } : {}),
            ...(scenario.headers && !scenario.cold ? scenario.headers(session, 0) : {}),
          },
          ...(binary ? { body: binary.body } : {}),
          setupRequest: (request) => ({
            ...request,
            ...(scenario.body ? { body: JSON.stringify(scenario.body()) } : {}),
            ...(scenario.cold && scenario.headers
              ? { headers: { ...request.headers, ...scenario.headers(session, index++) } }
              : {}),
          }),
        },
      ],
    });
  await run(2);
  const result = await run(Number(seconds));
  requests = result.requests.total;
  console.info(`${id}: ${Math.round(result.requests.average)} req/s over ${seconds} s`);
} finally {
  await server.stop();
}

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
const file = readdirSync(directory).find((name) => name.endsWith('.cpuprofile'));
if (!file) throw new Error('the server wrote no profile');
const profile = JSON.parse(readFileSync(path.join(directory, file), 'utf8')) as {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
};
rmSync(directory, { recursive: true, force: true });

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parents.set(child, node.id);
const selfTime = new Map<number, number>();
profile.samples.forEach((sample, index) => {
  selfTime.set(sample, (selfTime.get(sample) ?? 0) + (profile.timeDeltas[index] ?? 0));
});
const root = process.cwd();
const nameOf = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(`file://${root}/`, '');
  return `${functionName || '(anonymous)'} ${where}${where ? `:${lineNumber + 1}` : ''}`;
};
const packageOf = (node: ProfileNode) => {
  const { url, functionName } = node.callFrame;
  const dependency = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (dependency) return dependency;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  if (url.includes('/src/')) return url.slice(url.indexOf('/src/') + 1);
  return url || functionName;
};
const idle = [...selfTime].reduce(
  (sum, [node, time]) => (nodes.get(node)?.callFrame.functionName === '(idle)' ? sum + time : sum),
  0,
);
const total = [...selfTime.values()].reduce((sum, time) => sum + time, 0);
const busy = total - idle;
console.info(
  `busy ${(busy / 1000).toFixed(0)} ms of ${(total / 1000).toFixed(0)} ms; ` +
    `${(busy / Math.max(1, requests)).toFixed(0)} µs per request (start-up included)`,
);

const bySelf = (key: (node: ProfileNode) => string) => {
  const totals = new Map<string, number>();
  for (const [id, time] of selfTime) {
    const node = nodes.get(id);
    if (node && node.callFrame.functionName !== '(idle)')
      totals.set(key(node), (totals.get(key(node)) ?? 0) + time);
  }
  return totals;
};
const inclusive = new Map<string, number>();
for (const [id, time] of selfTime) {
  const seen = new Set<string>();
  for (
    let current: number | undefined = id;
    current !== undefined;
    current = parents.get(current)
  ) {
    const node = nodes.get(current);
    if (!node) break;
    const name = nameOf(node);
    if (!seen.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + time);
    seen.add(name);
  }
}
const show = (title: string, totals: Map<string, number>, count: number, only?: RegExp) => {
  console.info(`\n${title}`);
  for (const [name, time] of [...totals]
    .filter(([name]) => !only || only.test(name))
    .sort((a, b) => b[1] - a[1])
    .slice(0, count))
    console.info(`${((100 * time) / busy).toFixed(1).padStart(5)} %  ${name}`);
};
show('self time by package (share of busy time)', bySelf(packageOf), 20);
show('self time by function', bySelf(nameOf), 30);
show(
  'inclusive time: our code and the request path',
  inclusive,
  40,
  /src\/server|drizzle-orm|fastify-type-provider-zod|security-headers|jose\/dist\/webapi\/jwt|fastify\/lib\/(reply|route|hooks)/,
);
