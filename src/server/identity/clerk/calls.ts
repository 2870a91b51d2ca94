// What every part of the Clerk adapter shares: the SDK client and `call`, through which every
// Clerk request goes (it retries Clerk's 429s and turns its failures into IdentityProviderError).
import { createClerkClient } from '@clerk/backend';
import { IdentityProviderError } from '../port.ts';
import { toIdentityProviderError } from './errors.ts';
import { defaultRetryPolicy, type RetryPolicy, retryWhenRateLimited } from './retry.ts';

export type ClerkCalls = {
  clerk: ReturnType<typeof createClerkClient>;
  /** `action` completes "Clerk refused to …" in the error message. */
  call<T>(action: string, operation: () => Promise<T>): Promise<T>;
  /** Like `call`, with `null` for what Clerk does not know (its 404). */
  callOrNull<T>(action: string, operation: () => Promise<T>): Promise<T | null>;
};

/** Clerk's largest page. */
export const maxPageSize = 500;

/** Reads every page of a Clerk list. */
export async function readAllPages<T>(
  readPage: (offset: number) => Promise<{ data: T[]; totalCount: number }>,
): Promise<T[]> {
  const all: T[] = [];
  for (;;) {
    const page = await readPage(all.length);
    all.push(...page.data);
    if (page.data.length < maxPageSize || all.length >= page.totalCount) return all;
  }
}

export function clerkCalls(options: {
  secretKey: string;
  apiUrl?: string;
  retry?: Partial<RetryPolicy>;
}): ClerkCalls {
  const { secretKey, apiUrl } = options;
  const clerk = createClerkClient({ secretKey, apiUrl, telemetry: { disabled: true } });
  const retryPolicy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };

  async function call<T>(action: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await retryWhenRateLimited(operation, retryPolicy);
    } catch (error) {
      throw toIdentityProviderError(error, action, secretKey);
    }
  }

  async function callOrNull<T>(action: string, operation: () => Promise<T>): Promise<T | null> {
    try {
      return await call(action, operation);
    } catch (error) {
      if (error instanceof IdentityProviderError && error.status === 404) return null;
      throw error;
    }
  }

  return { clerk, call, callOrNull };
}
