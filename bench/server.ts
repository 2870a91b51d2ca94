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

/** Starts the production server in its own process, so the load generator does not share its loop. */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // With the demo accounts, so that scenarios can sign in.
  const child: ChildProcess = spawn(process.execPath, ['src/server/main.ts', '--demo'], {
    // Request logging would be most of the work measured; warnings and errors still show.
    // Rate limits off: a load test from one address is exactly what they exist to stop.
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      RATE_LIMITS: 'off',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exitCode: number | null | undefined;
  child.once('exit', (code) => {
    exitCode = code;
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while ((await fetch(`${url}/readyz`).catch(() => undefined))?.status !== 200) {
    if (exitCode !== undefined)
      throw new Error(`the server exited with ${exitCode} before it was ready`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server was not ready within ${START_TIMEOUT_MS / 1000} s`);
    }
    await sleep(100);
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      if (exitCode === undefined) await once(child, 'exit');
    },
  };
}
