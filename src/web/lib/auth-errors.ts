import { ApiRequestError } from './api-client.ts';
import {
  type FieldErrors,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type SignUpValues,
} from './sign-up-validation.ts';

/**
 * What the sign-up, sign-in and password pages say when the identity provider refuses. Every
 * message here is written for a person: the server's own text (a validator's "Invalid email
 * address", Better Auth's wording) is never shown as is.
 */

/** A problem shown above a form: a short title and one or two sentences. */
export type FormProblem = { title: string; message: string };

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;

/**
 * A wait in words, rounded up so it is never shorter than the one asked for: "45 seconds",
 * "90 seconds", "3 minutes", "2 hours".
 */
export function formatWait(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 120) return plural(whole, 'second');
  const minutes = Math.ceil(whole / 60);
  if (minutes < 90) return plural(minutes, 'minute');
  return plural(Math.ceil(minutes / 60), 'hour');
}

/** What a 429 says, with the wait the server asked for (`Retry-After`) when it gave one. */
export function tooManyAttemptsMessage(retryAfterSeconds: number | undefined): string {
  if (retryAfterSeconds === undefined) return 'Too many attempts, try again in a few minutes.';
  return `Too many attempts, try again in ${formatWait(retryAfterSeconds)}.`;
}

/** For an answer nobody planned for: what happened, in plain words, with the id to quote. */
export function unexpectedProblemMessage(error: unknown): string {
  if (!(error instanceof ApiRequestError)) return 'Something went wrong. Try again in a moment.';
  if (error.status === 0) {
    return 'The server could not be reached. Check your connection and try again.';
  }
  const quote = error.requestId ? ` If it keeps happening, quote request ${error.requestId}.` : '';
  if (error.status >= 500) return `The server ran into a problem. Try again in a moment.${quote}`;
  return `The server did not accept this. Try again in a moment.${quote}`;
}

function isTooMany(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError && error.status === 429;
}

/** The field a validation issue's path (`body.email`) is about, without the `body.` prefix. */
function fieldOf(path: string): string {
  return path.replace(/^body\./, '');
}

/* ------------------------------------------------------------------------------------------ */
/* Sign-up                                                                                     */
/* ------------------------------------------------------------------------------------------ */

export const SIGN_UP_FIELD_MESSAGES: Record<keyof SignUpValues, string> = {
  name: `Enter your name, at most ${NAME_MAX_LENGTH} characters.`,
  email: 'Enter an email address like name@example.com.',
};

export type SignUpProblem =
  | { kind: 'fields'; errors: FieldErrors<SignUpValues> }
  | ({ kind: 'form' } & FormProblem);

/** Puts a refused sign-up next to the fields it is about, or above the form. */
export function signUpProblem(error: unknown): SignUpProblem {
  if (isTooMany(error)) {
    return {
      kind: 'form',
      title: 'Please wait',
      message: tooManyAttemptsMessage(error.retryAfterSeconds),
    };
  }
  if (error instanceof ApiRequestError) {
    const errors: FieldErrors<SignUpValues> = {};
    for (const issue of error.issues) {
      const field = fieldOf(issue.path);
      if (field === 'name' || field === 'email') errors[field] = SIGN_UP_FIELD_MESSAGES[field];
    }
    // Better Auth's own code for an address it cannot read.
    if (error.code === 'INVALID_EMAIL') errors.email = SIGN_UP_FIELD_MESSAGES.email;
    if (errors.name || errors.email) return { kind: 'fields', errors };
    if (error.status === 400) {
      return {
        kind: 'form',
        title: 'Check the form',
        message: 'Something in it was not accepted. Check your name and email, then try again.',
      };
    }
  }
  return { kind: 'form', title: 'Signing up failed', message: unexpectedProblemMessage(error) };
}

/* ------------------------------------------------------------------------------------------ */
/* Sign-in                                                                                     */
/* ------------------------------------------------------------------------------------------ */

export type SignInProblem =
  | ({ kind: 'message'; selectPassword?: boolean } & FormProblem)
  /** The account's address is not confirmed: offer to send the link again. */
  | { kind: 'unverified' };

export function signInProblem(error: unknown): SignInProblem {
  if (error instanceof ApiRequestError) {
    if (error.code === 'EMAIL_NOT_VERIFIED') return { kind: 'unverified' };
    if (error.status === 429) {
      return {
        kind: 'message',
        title: 'Please wait',
        message: tooManyAttemptsMessage(error.retryAfterSeconds),
      };
    }
    if (error.code === 'INVALID_EMAIL_OR_PASSWORD' || error.status === 401) {
      return {
        kind: 'message',
        title: 'Wrong email or password',
        message: 'That email and password do not match an account. Check both and try again.',
        selectPassword: true,
      };
    }
    if (error.code === 'BANNED_USER') {
      return {
        kind: 'message',
        title: 'This account is suspended',
        message: 'An admin suspended this account. Ask an admin if you think this is a mistake.',
      };
    }
  }
  return { kind: 'message', title: 'Signing in failed', message: unexpectedProblemMessage(error) };
}

/* ------------------------------------------------------------------------------------------ */
/* Asking for a link (request-password-reset)                                                  */
/* ------------------------------------------------------------------------------------------ */

export type SendLinkProblem = FormProblem & {
  /** The address itself was refused: say so next to the email field. */
  field?: 'email';
  /** How long to wait before asking again, when the server said. */
  retryAfterSeconds?: number;
};

export function sendLinkProblem(error: unknown): SendLinkProblem {
  if (isTooMany(error)) {
    return {
      title: 'Please wait',
      message: tooManyAttemptsMessage(error.retryAfterSeconds),
      ...(error.retryAfterSeconds === undefined
        ? {}
        : { retryAfterSeconds: error.retryAfterSeconds }),
    };
  }
  if (
    error instanceof ApiRequestError &&
    (error.code === 'INVALID_EMAIL' ||
      error.issues.some((issue) => fieldOf(issue.path) === 'email'))
  ) {
    return { title: 'Check the address', message: SIGN_UP_FIELD_MESSAGES.email, field: 'email' };
  }
  return { title: 'The link was not sent', message: unexpectedProblemMessage(error) };
}

/* ------------------------------------------------------------------------------------------ */
/* Choosing the password (reset-password)                                                      */
/* ------------------------------------------------------------------------------------------ */

export type ResetPasswordProblem =
  /** The link's token expired or was used already: offer a new link. */
  | { kind: 'invalid-link' }
  | { kind: 'password'; message: string }
  | ({ kind: 'form' } & FormProblem);

export function resetPasswordProblem(error: unknown): ResetPasswordProblem {
  if (error instanceof ApiRequestError) {
    if (error.code === 'INVALID_TOKEN') return { kind: 'invalid-link' };
    if (error.code === 'PASSWORD_TOO_SHORT') {
      return { kind: 'password', message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` };
    }
    if (error.code === 'PASSWORD_TOO_LONG') {
      return { kind: 'password', message: `Use at most ${PASSWORD_MAX_LENGTH} characters.` };
    }
    if (error.status === 429) {
      return {
        kind: 'form',
        title: 'Please wait',
        message: tooManyAttemptsMessage(error.retryAfterSeconds),
      };
    }
    const fields = error.issues.map((issue) => fieldOf(issue.path));
    if (fields.includes('token')) return { kind: 'invalid-link' };
    if (fields.includes('newPassword')) {
      return {
        kind: 'password',
        message: `Use ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.`,
      };
    }
  }
  return {
    kind: 'form',
    title: 'Your password was not saved',
    message: unexpectedProblemMessage(error),
  };
}
