// `npm run demo`: creates the demo accounts in the configured database and exits (the server must
// be stopped when it runs on the embedded database). `npm start -- --demo` does the same at start.
import { buildApp } from '../app.ts';
import { loadConfig, loadDotEnv } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { describeDemoAccounts } from './local/demo-users.ts';

loadDotEnv();
const config = { ...loadConfig(), logLevel: 'warn' as const };
const database = await openDatabase(config);
try {
  await runMigrations(database);
  const app = await buildApp({ config, database });
  if (!app.identity.seedDemoUsers) {
    console.error('Demo accounts need the embedded identity provider (unset CLERK_SECRET_KEY).');
    process.exitCode = 1;
  } else {
    const created = await app.identity.seedDemoUsers();
    await app.identity.events.drain();
    console.info(describeDemoAccounts(created));
  }
  await app.close();
} finally {
  await database.close();
}
