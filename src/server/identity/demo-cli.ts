// `npm run demo`: creates the demo accounts in the configured database and exits (the server must
// be stopped when it runs on the embedded database). `npm start -- --demo` does the same at start.
import { withApp } from '../cli.ts';
import { describeDemoAccounts } from './local/demo-users.ts';

await withApp(async (app) => {
  if (!app.identity.seedDemoUsers) {
    console.error('Demo accounts need the embedded identity provider (unset CLERK_SECRET_KEY).');
    process.exitCode = 1;
  } else {
    const created = await app.identity.seedDemoUsers();
    await app.identity.events.drain();
    console.info(describeDemoAccounts(created));
  }
});
