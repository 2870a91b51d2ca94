import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export type RunningServer = { url: string; stop(): Promise<void> };

const START_TIMEOUT_MS = 60_000;

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  if (!address || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}

/** Starts `node <script>` in its own process, so the load generator does not share its loop. */
async function startProcess(
  args: string[],
  env: Record<string, string>,
  readyPath: string,
): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exitCode: number | null | undefined;
  child.once('exit', (code) => {
    exitCode = code;
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while ((await fetch(`${url}${readyPath}`).catch(() => undefined))?.status !== 200) {
    if (exitCode !== undefined)
      throw new Error(`${args.join(' ')} exited with ${exitCode} before it was ready`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${args.join(' ')} was not ready within ${START_TIMEOUT_MS / 1000} s`);
    }
    await sleep(100);
  }
  return {
    url,
    async stop() {
      if (exitCode !== undefined) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The production server, with the demo accounts (so that scenarios can sign in). */
export function startServer(
  env: Record<string, string>,
  nodeOptions: string[] = [],
): Promise<RunningServer> {
  return startProcess(
    [...nodeOptions, 'src/server/main.ts', '--demo'],
    {
      NODE_ENV: 'production',
      // Request logging would be much of the work measured; warnings and errors still show.
      // BENCH_LOG_LEVEL=info measures it (the lines go nowhere, their making is what costs).
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      // Rate limits off: a load test from one address is exactly what they exist to stop.
      RATE_LIMITS: 'off',
      // The `upload` scenario stores thousands of 1 MiB documents for one user: no quota holds them.
      DOCUMENT_QUOTA_BYTES: String(1024 ** 4),
      ...env,
    },
    '/readyz',
  );
}

/** The raw baseline (bench/raw.ts) on the same database, verifying Arete's tokens. */
export function startRawServer(databaseUrl: string, issuer: string): Promise<RunningServer> {
  return startProcess(
    ['bench/raw.ts'],
    { DATABASE_URL: databaseUrl, ISSUER: issuer, NODE_ENV: 'production' },
    '/healthz',
  );
}
