import type { GrantableRole, IdentityProvider } from '../port.ts';
import type { Auth } from './auth.ts';

export const DEMO_PASSWORD = 'arete-demo-2026';

export const demoAccounts: { email: string; name: string; role: GrantableRole }[] = [
  { email: 'admin@arete.local', name: 'Avery Admin', role: 'admin' },
  { email: 'coach.ada@arete.local', name: 'Ada Coach', role: 'coach' },
  { email: 'coach.ben@arete.local', name: 'Ben Coach', role: 'coach' },
  { email: 'client.cleo@arete.local', name: 'Cleo Client', role: 'client' },
  { email: 'client.dan@arete.local', name: 'Dan Client', role: 'client' },
  { email: 'client.eve@arete.local', name: 'Eve Client', role: 'client' },
];

/**
 * Creates the demo accounts (verified, with their roles) so a newcomer can sign in at once.
 * Accounts that already exist are left as they are, so starting with `--demo` twice is harmless.
 */
export async function seedDemoUsers(auth: Auth, provider: IdentityProvider): Promise<string[]> {
  const context = await auth.$context;
  const created: string[] = [];
  for (const account of demoAccounts) {
    if (await provider.users.findByEmail(account.email)) continue;
    const user = await context.internalAdapter.createUser(
      { email: account.email, name: account.name, emailVerified: true },
      { method: 'email-password' },
    );
    await context.internalAdapter.linkAccount({
      userId: user.id,
      providerId: 'credential',
      accountId: user.id,
      password: await context.password.hash(DEMO_PASSWORD),
    });
    await provider.users.updatePublicMetadata(user.id, { primary_role: account.role });
    created.push(account.email);
  }
  return created;
}

/** What to print after seeding, so a newcomer knows how to sign in. */
export function describeDemoAccounts(created: string[]): string {
  const list = demoAccounts
    .map((account) => `  ${account.role.padEnd(6)} ${account.email}`)
    .join('\n');
  return `Demo accounts (${created.length} created now), password "${DEMO_PASSWORD}":\n${list}`;
}
