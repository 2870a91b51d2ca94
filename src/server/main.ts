// Starts Arete: reads the config, opens and migrates the database, serves HTTP until told to stop.
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, loadDotEnv } from './config.ts';
import { DatabaseLockedError, openDatabase } from './db/client.ts';
import { runMigrations } from './db/migrate.ts';
import { describeDemoAccounts } from './identity/local/demo-users.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

loadDotEnv();
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

let database: Awaited<ReturnType<typeof openDatabase>>;
try {
  database = await openDatabase(config);
} catch (error) {
  if (error instanceof DatabaseLockedError) fail(error.message);
  throw error;
}
await runMigrations(database);

const app = await buildApp({ config, database });
app.jobs.start();

if (process.argv.includes('--demo')) {
  if (!app.identity.seedDemoUsers)
    fail('--demo needs the embedded identity provider (unset CLERK_SECRET_KEY).');
  console.warn(describeDemoAccounts(await app.identity.seedDemoUsers()));
}

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'shutting down after an unexpected error');
  else app.log.info({ signal }, 'shutting down');
  await app.close();
  await database.close();
});

const admins = await app.identity.provider.users.list({ role: 'admin', limit: 1, offset: 0 });
if (admins.totalCount === 0 && config.adminEmails.length === 0) {
  app.log.warn(
    'There is no admin yet. Set ADMIN_EMAILS=you@example.com and sign up with that address, or start with --demo.',
  );
}

const address = await app.listen({ port: config.port, host: config.host });
app.log.info(
  { database: database.driver, dataDir: database.driver === 'pglite' ? config.dataDir : undefined },
  `Arete is ready at ${address}`,
);
