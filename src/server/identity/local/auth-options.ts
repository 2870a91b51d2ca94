import type { BetterAuthOptions } from 'better-auth';
import { admin, type Jwk, jwt, organization } from 'better-auth/plugins';

/** Lifetime of an API token; the web app fetches a new one before it runs out. */
export const API_TOKEN_LIFETIME = '10m';
export const SESSION_HEADER_FOR_CLIENT_IP = 'x-arete-client-ip';

export type AuthHooks = {
  /** `emailVerified: false`: the link also confirms the address (see account-sign-up.ts). */
  sendPasswordResetEmail(input: {
    email: string;
    name: string;
    url: string;
    emailVerified: boolean;
  }): Promise<void>;
  /** After a password was set through a mailed link, which proves the mailbox. */
  onPasswordReset(user: { id: string; emailVerified: boolean }): Promise<void>;
  onUserCreated(userId: string): Promise<void>;
};

/**
 * Better Auth's options that shape its tables and behaviour. Kept apart from the database so that
 * `npm run auth:schema` can generate the Drizzle schema from the very same plugins.
 */
export function authOptions(input: {
  secret: string;
  baseURL: string;
  trustedOrigins: string[];
  hooks: AuthHooks;
  /** How a new API token signing key is stored (signing-keys.ts); absent: the plugin's own way. */
  signingKeys?: { createJwk(data: Omit<Jwk, 'id'>): Promise<Jwk> };
}): BetterAuthOptions {
  const { hooks } = input;
  return {
    appName: 'Arete',
    secret: input.secret,
    baseURL: input.baseURL,
    basePath: '/api/auth',
    trustedOrigins: input.trustedOrigins,
    telemetry: { enabled: false },
    // Its warnings ("User not found", "Invalid password") are what attackers cause all day, and name
    // who was tried; our own request log and limits already cover them.
    logger: { level: 'error' },
    // Prefixed table names: these tables belong to the embedded provider, not to the domain.
    user: {
      modelName: 'auth_user',
      additionalFields: {
        // Clerk's `publicMetadata`: the role and other app data kept with the user (seed 002).
        publicMetadata: { type: 'json', required: false, defaultValue: {}, input: false },
      },
    },
    emailAndPassword: {
      enabled: true,
      // Sign-up is ours (account-sign-up.ts): the password is chosen only through the mailed link.
      disableSignUp: true,
      requireEmailVerification: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      autoSignIn: false,
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: ({ user, url }) =>
        hooks.sendPasswordResetEmail({
          email: user.email,
          name: user.name,
          url,
          emailVerified: user.emailVerified,
        }),
      onPasswordReset: ({ user }) => hooks.onPasswordReset(user),
    },
    session: { modelName: 'auth_session', expiresIn: 7 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    account: { modelName: 'auth_account' },
    verification: { modelName: 'auth_verification' },
    // Limits are applied where requests come in (routes.ts), on counters every server shares.
    rateLimit: { enabled: false },
    advanced: {
      // Set by our HTTP mount from Fastify's view of the client (which honours TRUST_PROXY), never
      // taken from the caller, so a session's recorded address cannot be forged with X-Forwarded-For.
      ipAddress: { ipAddressHeaders: [SESSION_HEADER_FOR_CLIENT_IP] },
    },
    databaseHooks: {
      user: { create: { after: (user) => hooks.onUserCreated(user.id) } },
    },
    plugins: [
      organization({
        creatorRole: 'admin',
        allowUserToCreateOrganization: false,
        schema: {
          organization: {
            modelName: 'auth_organization',
            additionalFields: { updatedAt: { type: 'date', required: false, input: false } },
          },
          member: { modelName: 'auth_member' },
          invitation: {
            modelName: 'auth_invitation',
            additionalFields: {
              publicMetadata: { type: 'json', required: false, defaultValue: {}, input: false },
            },
          },
        },
      }),
      admin(),
      jwt({
        jwt: {
          expirationTime: API_TOKEN_LIFETIME,
          // The same claims as a Clerk session token with the `metadata` custom claim.
          definePayload: ({ user, session }) => ({
            sid: session.id,
            ...(session.activeOrganizationId ? { o: { id: session.activeOrganizationId } } : {}),
            metadata: (user as { publicMetadata?: unknown }).publicMetadata ?? {},
          }),
        },
        schema: { jwks: { modelName: 'auth_jwks' } },
        ...(input.signingKeys ? { adapter: { createJwk: input.signingKeys.createJwk } } : {}),
      }),
    ],
  };
}
