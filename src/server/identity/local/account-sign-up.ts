import { generateRandomString } from 'better-auth/crypto';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Mailer } from '../../mail/mailer.ts';
import type { Auth } from './auth.ts';
import { accountMails } from './mails.ts';
import { auth_account, auth_session, auth_user } from './schema.ts';

const SIGN_UP_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

export const SIGN_UP_RECEIPT = {
  status: 'check_your_email' as const,
  message:
    'Check your email. If this address can sign up, the mail has a link to choose your password; if not, it says why.',
};

/** Where the mailed link leads once it is opened: the page that sets the password. */
export function setPasswordPath(email: string): string {
  return `/set-password?email=${encodeURIComponent(email)}`;
}

/**
 * Sign-up in the embedded provider. The password is chosen only through the mailed link, that is by
 * whoever holds the mailbox: someone who signs up another person's address first gets nothing, and
 * any password an earlier sign-up left on an unconfirmed account is wiped. The answer is the same in
 * every case (new, not approved, already registered), so it reveals nothing; the mail says the rest.
 */
export function accountSignUp(input: {
  db: Database;
  auth: Auth;
  mailer: Mailer;
  publicUrl: string;
  allowSignUp(email: string): Promise<boolean>;
}) {
  const { db, auth, mailer, publicUrl } = input;

  async function mailPasswordLink(user: { id: string; email: string; name: string }) {
    const context = await auth.$context;
    const token = generateRandomString(24, 'a-z', 'A-Z', '0-9');
    // The provider's own reset token: its endpoints open the link and set the password with it.
    await context.internalAdapter.createVerificationValue({
      value: user.id,
      identifier: `reset-password:${token}`,
      expiresAt: new Date(Date.now() + SIGN_UP_LINK_LIFETIME_MS),
    });
    const callback = encodeURIComponent(setPasswordPath(user.email));
    const url = `${publicUrl}/api/auth/reset-password/${token}?callbackURL=${callback}`;
    await mailer.send(accountMails.choosePassword(user.email, user.name, url));
  }

  /** An unconfirmed account keeps its id; whatever password or session it had is gone. */
  async function resetUnconfirmed(userId: string, name: string) {
    await db.transaction(async (tx) => {
      await tx
        .delete(auth_account)
        .where(and(eq(auth_account.userId, userId), eq(auth_account.providerId, 'credential')));
      await tx.delete(auth_session).where(eq(auth_session.userId, userId));
      await tx
        .update(auth_user)
        .set({ name, updatedAt: new Date() })
        .where(and(eq(auth_user.id, userId), eq(auth_user.emailVerified, false)));
    });
  }

  return async function signUp({ name, email }: { name: string; email: string }) {
    const [existing] = await db.select().from(auth_user).where(eq(auth_user.email, email));
    if (existing?.emailVerified) {
      await mailer.send(accountMails.alreadyRegistered(email, existing.name, publicUrl));
      return SIGN_UP_RECEIPT;
    }
    if (!(await input.allowSignUp(email))) {
      await mailer.send(accountMails.notApproved(email, publicUrl));
      return SIGN_UP_RECEIPT;
    }
    if (existing) {
      await resetUnconfirmed(existing.id, name);
      await mailPasswordLink({ id: existing.id, email, name });
      return SIGN_UP_RECEIPT;
    }
    await mailPasswordLink(await createUnconfirmed(email, name));
    return SIGN_UP_RECEIPT;
  };

  /** Two sign-ups for one new address at once: the loser of the race mails a link for the winner's. */
  async function createUnconfirmed(email: string, name: string) {
    const context = await auth.$context;
    try {
      return await context.internalAdapter.createUser(
        { email, name, emailVerified: false },
        { method: 'email-password' },
      );
    } catch (error) {
      const [raced] = await db.select().from(auth_user).where(eq(auth_user.email, email));
      if (!raced || raced.emailVerified) throw error;
      return { id: raced.id, email, name };
    }
  }
}
