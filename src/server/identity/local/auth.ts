import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Database } from '../../db/client.ts';
import { type AuthHooks, authOptions } from './auth-options.ts';
import * as schema from './schema.ts';
import { signingKeyStore } from './signing-keys.ts';

export function createAuth(input: {
  db: Database;
  secret: string;
  publicUrl: string;
  trustedOrigins: string[];
  hooks: AuthHooks;
}) {
  return betterAuth({
    ...authOptions({
      secret: input.secret,
      baseURL: input.publicUrl,
      trustedOrigins: [input.publicUrl, ...input.trustedOrigins],
      hooks: input.hooks,
      // One first signing key, however many token requests (and servers) ask for it at once.
      signingKeys: signingKeyStore(input.db),
    }),
    database: drizzleAdapter(input.db, { provider: 'pg', schema, transaction: true }),
  });
}

export type Auth = ReturnType<typeof createAuth>;
