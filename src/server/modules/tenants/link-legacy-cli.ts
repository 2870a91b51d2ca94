// `npm run tenants:link-legacy -- [--dry-run]`: links every tenant without an identity organization
// (seed 003's legacy rows) to the provider organization with its slug, or creates one, in either
// provider mode, and prints a report (link-legacy.ts). Exit 0: all done; 1: some tenant failed;
// 2: usage. Links are audited as `cli:<os user>`. On the embedded database, stop the server first.
import { parseArgs } from 'node:util';
import { cliActor, withApp } from '../../cli.ts';

const usage = 'Usage: npm run tenants:link-legacy -- [--dry-run]';

function readArguments(): { dryRun: boolean } {
  try {
    const { values } = parseArgs({
      options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    }
    return { dryRun: values['dry-run'] ?? false };
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}

const { dryRun } = readArguments();
// Loaded only now, so that a usage error answers at once.
const link = await import('./link-legacy.ts');
await withApp(async (app, database) => {
  const outcomes = await link.linkLegacyTenants(
    { db: database.db, identity: app.identity.provider, actor: cliActor() },
    { dryRun },
  );
  // Deliver what the changes queued (the embedded provider's events) before leaving.
  await app.jobs.drain();
  process.stdout.write(link.formatLinkReport(outcomes, dryRun));
  if (outcomes.some((outcome) => outcome.outcome === 'failed')) process.exitCode = 1;
});
