// `npm run db:migrate`: applies the committed migrations to the configured database and exits.
import { loadConfig, loadDotEnv } from '../config.ts';
import { openDatabase } from './client.ts';
import { migrationStatus, runMigrations } from './migrate.ts';

loadDotEnv();
const config = loadConfig();
const handle = await openDatabase(config);
try {
  await runMigrations(handle);
  const status = await migrationStatus(handle);
  console.info(`${handle.driver}: ${status.applied} of ${status.expected} migrations applied.`);
} finally {
  await handle.close();
}
