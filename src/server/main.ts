// Starts Arete: reads the config, opens and migrates the database, serves HTTP until told to stop.
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, loadDotEnv } from './config.ts';
import { DatabaseLockedError, openDatabase } from './db/client.ts';
import { runMigrations } from './db/migrate.ts';
import { describeDemoAccounts } from './identity/local/demo-users.ts';
import { AuthSecretMismatchError } from './identity/local/secret.ts';

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
try {
  // Under the boot lock, so that servers starting together on an empty database make one first key.
  await database.withMigrationLock(() => app.identity.signing.check());
} catch (error) {
  if (!(error instanceof AuthSecretMismatchError)) throw error;
  await app.close();
  await database.close();
  fail(error.message);
}
// Both matter to the embedded provider on a database that other servers may share.
const sharedLocalIdentity = Boolean(config.databaseUrl) && !config.clerk;
if (sharedLocalIdentity && !config.authSecret) {
  app.log.warn(
    'AUTH_SECRET is not set: this server uses the secret kept in DATA_DIR/secrets/auth-secret. Every server on this database needs that same secret: set AUTH_SECRET on each (see "Running on several servers" in the README).',
  );
}
if (sharedLocalIdentity && !config.publicUrlConfigured) {
  app.log.warn(
    `PUBLIC_URL is not set: tokens and mailed links name ${config.publicUrl}. Servers sharing this database must share one PUBLIC_URL (the address people use), or each refuses the tokens of the others.`,
  );
}
if (config.clerk && !config.clerk.publishableKey) {
  app.log.warn(
    'CLERK_PUBLISHABLE_KEY is not set: the API accepts Clerk tokens, but the web app cannot sign anyone in (its sign-in pages say so).',
  );
}
if (config.databaseUrl && config.documents.storage.kind === 'disk') {
  app.log.warn(
    `Uploaded documents are kept on this server's disk (${config.documents.storage.root}). If other servers share this database, set DOCUMENT_STORAGE=s3 and the S3_* settings on every one of them (see "Running on several servers" in the README), or a document uploaded through one server cannot be read through another.`,
  );
}
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
