import type { Mail } from '../../mail/mailer.ts';

const MAX_NAME_IN_MAIL = 120;

/** A name as it may appear in a mail: one line, no control characters, bounded. */
export function nameForMail(name: string): string {
  const plain = name
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (plain || 'there').slice(0, MAX_NAME_IN_MAIL);
}

export const accountMails = {
  /** Sign-up: the password is chosen only through this link, so only the mailbox's owner sets it. */
  choosePassword: (to: string, name: string, url: string): Mail => ({
    to,
    subject: 'Confirm your email address for Arete',
    text: `Hello ${nameForMail(name)},\n\nConfirm your email address and choose your password here: ${url}\n\nThe link works once, for 24 hours. If you did not sign up for Arete, ignore this mail: no account can be used without this link.`,
  }),

  /** For an account whose address was never confirmed: asking for a reset finishes the sign-up. */
  finishSignUp: (to: string, name: string, url: string): Mail => ({
    to,
    subject: 'Confirm your email address for Arete',
    text: `Hello ${nameForMail(name)},\n\nConfirm your email address and choose your password here: ${url}\n\nThe link works once, for one hour. If you did not ask for this, ignore this mail.`,
  }),

  passwordReset: (to: string, name: string, url: string): Mail => ({
    to,
    subject: 'Reset your Arete password',
    text: `Hello ${nameForMail(name)},\n\nChoose a new password here: ${url}\n\nThe link works once, for one hour. Every device signed in to your account is signed out when you change it. If you did not ask for this, ignore this mail; your password stays as it is.`,
  }),

  /** The sign-up answer is the same for everyone; the mailbox's owner learns the rest from here. */
  notApproved: (to: string, publicUrl: string): Mail => ({
    to,
    subject: 'Your Arete sign-up',
    text: `Hello,\n\nSomeone (probably you) tried to create an Arete account for this address, but Arete is invitation only for now and this address is not approved yet.\n\nAsk to join as a coach: ${publicUrl}/waitlist/coach\nAsk to join as a client: ${publicUrl}/waitlist/client\n\nAn admin will send you an invitation once you are approved. If this was not you, ignore this mail.`,
  }),

  alreadyRegistered: (to: string, name: string, publicUrl: string): Mail => ({
    to,
    subject: 'You already have an Arete account',
    text: `Hello ${nameForMail(name)},\n\nSomeone (probably you) tried to sign up again with this address, which already has an account. Nothing was changed.\n\nSign in: ${publicUrl}/sign-in\nForgot your password? ${publicUrl}/forgot-password?email=${encodeURIComponent(to)}\n\nIf this was not you, ignore this mail.`,
  }),
};
