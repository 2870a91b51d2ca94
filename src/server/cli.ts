// What every command-line tool shares: the app booted on the configured database, and the name the
// audit log gives to whoever ran the tool.
import { userInfo } from 'node:os';
import type { buildApp } from './app.ts';
import type { DatabaseHandle } from './db/client.ts';

export type CliApp = Awaited<ReturnType<typeof buildApp>>;

/** `cli:<os user>`, for the audit log; a container may have no passwd entry. */
export function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return `cli:${process.env.USER ?? 'unknown'}`;
  }
}

/**
 * Boots the app on the configured database (migrated, logging at `warn`), runs `use`, and closes
 * both whatever happens. The app's code is loaded only here, so that a tool answers a usage error
 * or a wrong file at once.
 */
export async function withApp(
  use: (app: CliApp, database: DatabaseHandle) => Promise<void>,
): Promise<void> {
  const [{ buildApp: build }, { loadConfig, loadDotEnv }, { openDatabase }, { runMigrations }] =
    await Promise.all([
      import('./app.ts'),
      import('./config.ts'),
      import('./db/client.ts'),
      import('./db/migrate.ts'),
    ]);
  loadDotEnv();
  const config = { ...loadConfig(), logLevel: 'warn' as const };
  const database = await openDatabase(config);
  try {
    await runMigrations(database);
    const app = await build({ config, database });
    try {
      await use(app, database);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}
