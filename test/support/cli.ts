// For the command-line tools' tests: a tool run as `npm run` starts it, in a child process on an
// embedded database of its own, and the app on that database for the test's own reads and writes.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { buildApp } from '../../src/server/app.ts';
import type { Config } from '../../src/server/config.ts';
import { type DatabaseHandle, openDatabase } from '../../src/server/db/client.ts';
import { runMigrations } from '../../src/server/db/migrate.ts';

export type CliRun = { code: number; stdout: string; stderr: string };

/** Runs `script` with `args` on `config`'s data directory and collects what it printed. */
export async function runCli(script: string, config: Config, ...args: string[]): Promise<CliRun> {
  const { DATABASE_URL: _database, CLERK_SECRET_KEY: _clerk, ...inherited } = process.env;
  const child = spawn(process.execPath, [path.resolve(script), ...args], {
    // The same secret the test's app signed its keys with: the embedded provider checks it.
    env: { ...inherited, DATA_DIR: config.dataDir, AUTH_SECRET: config.authSecret },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const [code] = await once(child, 'exit');
  return { code: code as number, stdout, stderr };
}

/** The app on the tool's database (migrated); closed again before the tool runs. */
export async function withAppOn<T>(
  config: Config,
  work: (app: Awaited<ReturnType<typeof buildApp>>, database: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(config);
  try {
    await runMigrations(database);
    const app = await buildApp({ config, database });
    try {
      return await work(app, database);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}
