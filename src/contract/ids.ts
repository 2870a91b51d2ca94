import { z } from 'zod';

/**
 * Ids callers send. A PostgreSQL `uuid` column gets `uuidSchema`: anything else would make the
 * database refuse the query (SQLSTATE 22P02) instead of the API refusing the request.
 */
export const uuidSchema = z.uuid({ message: 'must be a UUID' });

/**
 * Ids made by the identity provider or by us as `prefix_random`: Better Auth's 32 letters and
 * digits, Clerk's `user_2abc…`, `inv_…`, `orginv_…`. Letters, digits, `_` and `-` only, so an id
 * never carries a path (`../`), an escape (`%00`) or a control character.
 */
export const PROVIDER_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

export const providerIdSchema = z
  .string()
  .regex(PROVIDER_ID_PATTERN, 'must be an id: 1 to 128 letters, digits, `_` or `-`');
