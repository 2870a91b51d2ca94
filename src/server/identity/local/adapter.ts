import { and, eq, gt, like } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { mergeMetadata } from '../metadata.ts';
import type { IdentityProvider, PublicMetadata } from '../port.ts';
import { accountSignUp, type SIGN_UP_RECEIPT } from './account-sign-up.ts';
import { type Auth, createAuth } from './auth.ts';
import { type LocalContext, recordEvent } from './context.ts';
import { localAppInvitations, localOrganizationInvitations } from './invitations.ts';
import { accountMails } from './mails.ts';
import { toIdentityUser } from './mapping.ts';
import { localOrganizations } from './organizations.ts';
import { appInvitations, auth_invitation, auth_user, auth_verification } from './schema.ts';
import { createLocalTokenVerifier } from './tokens.ts';
import { localUsers } from './users.ts';

export type LocalIdentity = {
  provider: IdentityProvider;
  auth: Auth;
  /** Whether this email may create an account through the sign-up endpoint (SIGNUP_MODE). */
  allowSignUp(email: string): Promise<boolean>;
  /** Sign-up by name and email; the password is chosen through the mailed link. */
  signUp(input: { name: string; email: string }): Promise<typeof SIGN_UP_RECEIPT>;
};

/**
 * The embedded identity provider: Better Auth for sign-in, password links, sessions and API tokens;
 * our own queries on its tables for everything the port adds (Clerk's metadata semantics,
 * invitation statuses, identity events in the same transaction as the change) and for sign-up.
 */
export function createLocalIdentity(input: {
  db: Database;
  mailer: Mailer;
  publicUrl: string;
  secret: string;
  trustedOrigins: string[];
  /** Absent: anyone may sign up (as `pending`). */
  signUpPolicy: ((email: string) => Promise<boolean>) | undefined;
  eventsStored(): void;
}): LocalIdentity {
  const context: LocalContext = {
    db: input.db,
    mailer: input.mailer,
    publicUrl: input.publicUrl,
    eventsStored: input.eventsStored,
  };
  const users = localUsers(context);

  const auth = createAuth({
    db: input.db,
    secret: input.secret,
    publicUrl: input.publicUrl,
    trustedOrigins: input.trustedOrigins,
    hooks: {
      sendPasswordResetEmail: ({ email, name, url, emailVerified }) =>
        input.mailer.send(
          emailVerified
            ? accountMails.passwordReset(email, name, url)
            : accountMails.finishSignUp(email, name, url),
        ),
      async onPasswordReset(user) {
        await forgetPasswordLinks(input.db, user.id);
        if (!user.emailVerified) await confirmEmail(context, user.id);
      },
      async onUserCreated(userId) {
        const user = await users.get(userId);
        if (!user) return;
        await recordEvent(input.db, { type: 'user.created', data: { user } });
        input.eventsStored();
      },
    },
  });

  async function allowSignUp(email: string) {
    const normalised = email.trim().toLowerCase();
    if (!input.signUpPolicy) return true;
    // Whoever was invited may sign up, as in Clerk's restricted mode.
    return (await hasPendingInvitation(input.db, normalised)) || input.signUpPolicy(normalised);
  }

  return {
    auth,
    allowSignUp,
    signUp: accountSignUp({
      db: input.db,
      auth,
      mailer: input.mailer,
      publicUrl: input.publicUrl,
      allowSignUp,
    }),
    provider: {
      kind: 'local',
      users,
      organizations: localOrganizations(context),
      organizationInvitations: localOrganizationInvitations(context),
      invitations: localAppInvitations(context),
      verifyToken: createLocalTokenVerifier(input.db, input.publicUrl),
    },
  };
}

async function hasPendingInvitation(db: Database, email: string): Promise<boolean> {
  const now = new Date();
  const [app] = await db
    .select({ id: appInvitations.id })
    .from(appInvitations)
    .where(
      and(
        eq(appInvitations.email, email),
        eq(appInvitations.status, 'pending'),
        gt(appInvitations.expiresAt, now),
      ),
    )
    .limit(1);
  if (app) return true;
  const [organization] = await db
    .select({ id: auth_invitation.id })
    .from(auth_invitation)
    .where(
      and(
        eq(auth_invitation.email, email),
        eq(auth_invitation.status, 'pending'),
        gt(auth_invitation.expiresAt, now),
      ),
    )
    .limit(1);
  return Boolean(organization);
}

/** Once a password is set, every other link that could set one is void. */
async function forgetPasswordLinks(db: Database, userId: string): Promise<void> {
  await db
    .delete(auth_verification)
    .where(
      and(
        eq(auth_verification.value, userId),
        like(auth_verification.identifier, 'reset-password:%'),
      ),
    );
}

/**
 * The address is proven (a password was set through a mailed link): the email is confirmed and, as
 * Clerk does with an invitation's metadata, the user receives the metadata of the invitations still
 * pending for it, in one transaction with the `user.updated` event that follows.
 */
async function confirmEmail(context: LocalContext, userId: string): Promise<void> {
  await context.db.transaction(async (tx) => {
    const [row] = await tx.select().from(auth_user).where(eq(auth_user.id, userId)).for('update');
    if (!row || row.emailVerified) return;
    const invitations = await tx
      .select()
      .from(appInvitations)
      .where(
        and(
          eq(appInvitations.email, row.email),
          eq(appInvitations.status, 'pending'),
          gt(appInvitations.expiresAt, new Date()),
        ),
      );
    let metadata = (row.publicMetadata ?? {}) as PublicMetadata;
    for (const invitation of invitations)
      metadata = mergeMetadata(metadata, invitation.publicMetadata);
    const [updated] = await tx
      .update(auth_user)
      .set({ emailVerified: true, publicMetadata: metadata, updatedAt: new Date() })
      .where(eq(auth_user.id, userId))
      .returning();
    for (const invitation of invitations) {
      await tx
        .update(appInvitations)
        .set({ status: 'accepted', acceptedByUserId: userId })
        .where(eq(appInvitations.id, invitation.id));
    }
    if (updated)
      await recordEvent(tx, { type: 'user.updated', data: { user: toIdentityUser(updated) } });
  });
  context.eventsStored();
}
