// `npm run users:grant-role -- <email> <admin|coach|client>`: gives a signed-up user a role from the
// command line, e.g. the very first admin when ADMIN_EMAILS was not set. Audited as `cli`.
import { cliActor, withApp } from '../cli.ts';
import { recordAudit } from '../modules/audit/service.ts';
import { grantableRoles, roleOf } from './port.ts';

const [email, role] = process.argv.slice(2);
if (!email || !role || !(grantableRoles as readonly string[]).includes(role)) {
  console.error(`Usage: npm run users:grant-role -- <email> <${grantableRoles.join('|')}>`);
  process.exit(2);
}

await withApp(async (app, database) => {
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
      actor: cliActor(),
      action: 'user.role.set',
      target: `user:${user.id}`,
      before: { role: before },
      after: { role },
    });
    await app.identity.events.drain();
    console.info(`${email}: ${before} → ${role}`);
  }
});
