// `npm run users:grant-role -- <email> <admin|coach|client>`: gives a signed-up user a role from the
// command line, e.g. the very first admin when ADMIN_EMAILS was not set. Audited as `cli`.
import { userInfo } from 'node:os';
import { buildApp } from '../app.ts';
import { loadConfig, loadDotEnv } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { recordAudit } from '../modules/audit/service.ts';
import { grantableRoles, roleOf } from './port.ts';

const [email, role] = process.argv.slice(2);
if (!email || !role || !(grantableRoles as readonly string[]).includes(role)) {
  console.error(`Usage: npm run users:grant-role -- <email> <${grantableRoles.join('|')}>`);
  process.exit(2);
}

loadDotEnv();
const config = { ...loadConfig(), logLevel: 'warn' as const };
const database = await openDatabase(config);
try {
  await runMigrations(database);
  const app = await buildApp({ config, database });
  const user = await app.identity.provider.users.findByEmail(email);
  if (!user) {
    console.error(
      `No user signed up with ${email}; they need to sign up first (for the first admin, set ADMIN_EMAILS).`,
    );
    process.exitCode = 1;
  } else {
    const before = roleOf(user.publicMetadata);
    await app.identity.provider.users.updatePublicMetadata(user.id, { primary_role: role });
    await recordAudit(database.db, {
      actor: `cli:${userInfo().username}`,
      action: 'user.role.set',
      target: `user:${user.id}`,
      before: { role: before },
      after: { role },
    });
    await app.identity.events.drain();
    console.info(`${email}: ${before} → ${role}`);
  }
  await app.close();
} finally {
  await database.close();
}
