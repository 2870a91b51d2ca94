// Clerk's API errors → the port's IdentityProviderError, whose message is shown to callers.
import { isClerkAPIResponseError } from '@clerk/backend/errors';
import { IdentityProviderError } from '../port.ts';

export function isRateLimited(error: unknown): boolean {
  return isClerkAPIResponseError(error) && error.status === 429;
}

/** Clerk's `Retry-After`, in milliseconds, when it sent one. */
export function retryAfterMs(error: unknown): number | undefined {
  if (!isClerkAPIResponseError(error) || error.retryAfter === undefined) return undefined;
  return Math.max(0, error.retryAfter) * 1000;
}

function statusFor(clerkStatus: number | undefined): number {
  if (clerkStatus === 404) return 404;
  if (clerkStatus === 400 || clerkStatus === 422) return 422;
  if (clerkStatus === 429) return 503;
  return 502;
}

function clerkMessageOf(error: unknown): string {
  if (isClerkAPIResponseError(error)) {
    const [first] = error.errors;
    return first?.longMessage || first?.message || error.message || `status ${error.status}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * `action` completes "Clerk refused to …", e.g. "update the user's metadata". Any trace of the
 * secret key is cut from the message, whatever Clerk or the network layer put in it.
 */
export function toIdentityProviderError(
  error: unknown,
  action: string,
  secretKey: string,
): IdentityProviderError {
  const clerkStatus = isClerkAPIResponseError(error) ? error.status : undefined;
  const status = statusFor(clerkStatus);
  const detail = clerkMessageOf(error);
  const message =
    status === 503
      ? `Clerk is limiting our request rate; could not ${action}. Try again shortly.`
      : status === 502
        ? `Clerk failed to ${action}: ${detail}`
        : `Clerk refused to ${action}: ${detail}`;
  return new IdentityProviderError(redact(message, secretKey), status);
}

function redact(text: string, secret: string): string {
  return secret ? text.replaceAll(secret, '[redacted]') : text;
}
