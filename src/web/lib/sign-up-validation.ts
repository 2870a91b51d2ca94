// The limits the server checks: a name of 1–120 characters at sign-up, a password of 10–128.
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
export const NAME_MAX_LENGTH = 120;

// Deliberately loose: the server decides; this only catches what is plainly not an address.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Sign-up asks for a name and an email only: the password is chosen from the mailed link. */
export type SignUpValues = { name: string; email: string };
export type FieldErrors<T> = Partial<Record<keyof T, string>>;

export function validateEmail(email: string): string | undefined {
  const value = email.trim();
  if (value === '') return 'Enter your email address.';
  if (!EMAIL_PATTERN.test(value)) return 'Enter an email address like name@example.com.';
  return undefined;
}

/** The address itself if it looks like one (trimmed), else `null`: for emails read from a URL. */
export function emailOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed !== '' && !validateEmail(trimmed) ? trimmed : null;
}

export function validateName(name: string): string | undefined {
  const value = name.trim();
  if (value === '') return 'Enter your name.';
  if (value.length > NAME_MAX_LENGTH) return `Use at most ${NAME_MAX_LENGTH} characters.`;
  return undefined;
}

export function validateSignUp(values: SignUpValues): FieldErrors<SignUpValues> {
  const errors: FieldErrors<SignUpValues> = {};
  const name = validateName(values.name);
  if (name) errors.name = name;
  const email = validateEmail(values.email);
  if (email) errors.email = email;
  return errors;
}

/** A new password: what the server accepts (10–128 characters), said before it refuses. */
export function validateNewPassword(password: string): string | undefined {
  if (password.length === 0) return 'Choose a password.';
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `Use at least ${PASSWORD_MIN_LENGTH} characters (${password.length} so far).`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `Use at most ${PASSWORD_MAX_LENGTH} characters (${password.length} now).`;
  }
  return undefined;
}

export type SignInValues = { email: string; password: string };

export function validateSignIn(values: SignInValues): FieldErrors<SignInValues> {
  const errors: FieldErrors<SignInValues> = {};
  const email = validateEmail(values.email);
  if (email) errors.email = email;
  if (values.password === '') errors.password = 'Enter your password.';
  return errors;
}
