import type { BetterAuthOptions } from 'better-auth';
import { admin, jwt, organization } from 'better-auth/plugins';

/** Lifetime of an API token; the web app fetches a new one before it runs out. */
export const API_TOKEN_LIFETIME = '10m';
export const SESSION_HEADER_FOR_CLIENT_IP = 'x-arete-client-ip';

export type AuthHooks = {
  sendVerificationEmail(input: { email: string; name: string; url: string }): Promise<void>;
  sendPasswordResetEmail(input: { email: string; name: string; url: string }): Promise<void>;
  onUserCreated(userId: string): Promise<void>;
  onEmailVerified(userId: string): Promise<void>;
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
}): BetterAuthOptions {
  const { hooks } = input;
  return {
    appName: 'Arete',
    secret: input.secret,
    baseURL: input.baseURL,
    basePath: '/api/auth',
    trustedOrigins: input.trustedOrigins,
    telemetry: { enabled: false },
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
      requireEmailVerification: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      autoSignIn: false,
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: ({ user, url }) =>
        hooks.sendPasswordResetEmail({ email: user.email, name: user.name, url }),
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      expiresIn: 24 * 60 * 60,
      sendVerificationEmail: ({ user, url }) =>
        hooks.sendVerificationEmail({ email: user.email, name: user.name, url }),
      afterEmailVerification: (user) => hooks.onEmailVerified(user.id),
    },
    session: { modelName: 'auth_session', expiresIn: 7 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    account: { modelName: 'auth_account' },
    verification: { modelName: 'auth_verification' },
    rateLimit: {
      enabled: true,
      storage: 'memory',
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': { window: 60, max: 10 },
        '/sign-up/email': { window: 60, max: 10 },
        '/send-verification-email': { window: 60, max: 3 },
      },
    },
    advanced: {
      // Set by our HTTP mount from Fastify's view of the client (which honours TRUST_PROXY), never
      // taken from the caller, so rate limits cannot be dodged with a forged X-Forwarded-For.
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
      }),
    ],
  };
}
