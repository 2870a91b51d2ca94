import type { MetadataPatch } from './port.ts';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Clerk's `updateUserMetadata` semantics: objects merge key by key, recursively; a `null` value
 * deletes the key; anything else (arrays included) replaces.
 */
export function mergeMetadata<T extends Record<string, unknown>>(
  current: T,
  patch: MetadataPatch,
): T {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete merged[key];
    } else if (isPlainObject(value) && isPlainObject(merged[key])) {
      merged[key] = mergeMetadata(merged[key] as Record<string, unknown>, value);
    } else if (value !== undefined) {
      merged[key] = value;
    }
  }
  return merged as T;
}
