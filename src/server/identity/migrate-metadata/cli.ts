// `npm run users:migrate-metadata -- --from FILE [--dry-run]`: moves the legacy users' app data
// (seed 002: primary_role, organization_roles, session_auto_send_context) into each provider user's
// publicMetadata, in either provider mode, and prints what happened (report.ts). Exit 0: every
// record is done; 1: some record failed (or the file cannot be read); 2: usage. A changed role is
// audited as `cli:<os user>`. On the embedded database, stop the server first.
import { parseArgs } from 'node:util';
import { cliActor, withApp } from '../../cli.ts';
import { type LegacyFile, LegacyFileError, readLegacyFile } from './parse.ts';

const usage = 'Usage: npm run users:migrate-metadata -- --from <file> [--dry-run]';

function readArguments(): { from: string; dryRun: boolean } {
  let values: { from?: string; 'dry-run'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        from: { type: 'string' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  if (!values.from) return usageError('--from <file> is required.');
  return { from: values.from, dryRun: values['dry-run'] ?? false };
}

function usageError(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

const { from, dryRun } = readArguments();
let file: LegacyFile;
try {
  // Read before opening the database: a wrong file costs nothing and touches nothing.
  file = await readLegacyFile(from);
} catch (error) {
  if (!(error instanceof LegacyFileError)) throw error;
  console.error(`Nothing migrated: ${error.message}.`);
  process.exit(1);
}

// The app is loaded only now: a usage error or a wrong file answers at once.
const [{ recordAudit }, { migrateLegacyUsers }, { formatReport, hasFailures }] = await Promise.all([
  import('../../modules/audit/service.ts'),
  import('./migrate.ts'),
  import('./report.ts'),
]);

await withApp(async (app, database) => {
  const { provider } = app.identity;
  const report = await migrateLegacyUsers(
    file.records,
    {
      users: provider.users,
      audit: (entry) => recordAudit(database.db, entry),
      actor: cliActor(),
    },
    { dryRun },
  );
  // Deliver the `user.updated` events the changes recorded before the process goes away.
  await app.identity.events.drain();
  process.stdout.write(
    `${formatReport(report, { file: from, format: file.format, provider: provider.kind })}\n`,
  );
  if (hasFailures(report)) process.exitCode = 1;
});
