import { and, eq, gt } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { mergeMetadata } from '../metadata.ts';
import type { IdentityProvider, PublicMetadata } from '../port.ts';
import { type Auth, createAuth } from './auth.ts';
import { type LocalContext, recordEvent } from './context.ts';
import { localAppInvitations, localOrganizationInvitations } from './invitations.ts';
import { toIdentityUser } from './mapping.ts';
import { localOrganizations } from './organizations.ts';
import { appInvitations, auth_invitation, auth_user } from './schema.ts';
import { createLocalTokenVerifier } from './tokens.ts';
import { localUsers } from './users.ts';

export type LocalIdentity = {
  provider: IdentityProvider;
  auth: Auth;
  /** Whether this email may create an account through the sign-up endpoint (SIGNUP_MODE). */
  allowSignUp(email: string): Promise<boolean>;
};

/**
 * The embedded identity provider: Better Auth for sign-up, sign-in, email verification, sessions
 * and API tokens; our own queries on its tables for everything the port adds (Clerk's metadata
 * semantics, invitation statuses, identity events in the same transaction as the change).
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
      sendVerificationEmail: ({ email, name, url }) =>
        input.mailer.send({
          to: email,
          subject: 'Confirm your email address for Arete',
          text: `Hello ${name},\n\nConfirm your email address to finish signing up: ${url}\n\nThe link works for 24 hours. If you did not sign up for Arete, ignore this mail.`,
        }),
      sendPasswordResetEmail: ({ email, name, url }) =>
        input.mailer.send({
          to: email,
          subject: 'Reset your Arete password',
          text: `Hello ${name},\n\nChoose a new password here: ${url}\n\nThe link works for one hour. If you did not ask for this, ignore this mail; your password stays as it is.`,
        }),
      async onUserCreated(userId) {
        const user = await users.get(userId);
        if (!user) return;
        await recordEvent(input.db, { type: 'user.created', data: { user } });
        input.eventsStored();
      },
      onEmailVerified: (userId) => applyInvitationsOnVerification(context, userId),
    },
  });

  return {
    auth,
    async allowSignUp(email) {
      const normalised = email.trim().toLowerCase();
      if (!input.signUpPolicy) return true;
      // Whoever was invited may sign up, as in Clerk's restricted mode.
      return (await hasPendingInvitation(input.db, normalised)) || input.signUpPolicy(normalised);
    },
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

/**
 * As Clerk does with an invitation's metadata, but only once the address is proven: the user who
 * verifies an invited email receives the invitation's `publicMetadata`; `user.updated` follows.
 */
async function applyInvitationsOnVerification(
  context: LocalContext,
  userId: string,
): Promise<void> {
  await context.db.transaction(async (tx) => {
    const [row] = await tx.select().from(auth_user).where(eq(auth_user.id, userId)).for('update');
    if (!row) return;
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
      .set({ publicMetadata: metadata, updatedAt: new Date() })
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
