// Used only by `npm run auth:schema`: Better Auth's CLI reads the plugins from here to write the
// Drizzle schema of its tables (schema.generated.ts). Nothing at run time imports this file.
import { betterAuth } from 'better-auth';
import { authOptions } from './auth-options.ts';

const noop = async () => undefined;

export const auth = betterAuth(
  authOptions({
    secret: 'schema-generation-only-not-a-secret-0000',
    baseURL: 'http://localhost',
    trustedOrigins: [],
    hooks: { sendPasswordResetEmail: noop, onPasswordReset: noop, onUserCreated: noop },
  }),
);
