import { z } from 'zod';

/**
 * The building blocks for every string a caller sends (bodies, query strings, path parameters and
 * documents that are read back in, such as backups). Each one is trimmed, capped in length, and
 * refuses what no person types and PostgreSQL cannot always store:
 *
 * - C0 control characters (U+0000–U+001F, NUL included: PostgreSQL refuses NUL in text with
 *   SQLSTATE 22021), DEL and the C1 controls (U+007F–U+009F). Multi-line text keeps tab, line feed
 *   and carriage return;
 * - lone UTF-16 surrogates (`\ud800`), which are not Unicode text at all: the database drivers would
 *   silently store U+FFFD instead.
 *
 * Schemas that only describe what the server sends stay plain `z.string()`: a rule there could only
 * turn data already stored into a 500.
 */

// \p{Cc} is exactly U+0000–U+001F and U+007F–U+009F. With the `u` flag a lone surrogate is one code
// point of category Cs, while a proper pair (an emoji) is one astral code point, so \p{Cs} catches
// exactly the malformed ones.
const SINGLE_LINE = /^[^\p{Cc}\p{Cs}]*$/u;
const MULTI_LINE = /^(?:[\t\n\r]|[^\p{Cc}\p{Cs}])*$/u;
// Everything but NUL (written \0 here) and lone surrogates.
const STORABLE = /^[^\0\p{Cs}]*$/u;

export const CONTROL_CHARACTER_MESSAGE = 'must not contain control characters';

export type TextOptions = {
  /** Characters after trimming; 1 refuses an empty (or all-blank) value. Default 0. */
  min?: number;
  /** Characters (UTF-16 code units) after trimming. Required: every string has a cap. */
  max: number;
  /** Keep tab, line feed and carriage return (notes written over several lines). Default false. */
  multiline?: boolean;
};

/** A trimmed, length-capped string without control characters or malformed Unicode. */
export function plainText({ min = 0, max, multiline = false }: TextOptions) {
  let schema = z.string().trim();
  if (min > 0)
    schema = schema.min(
      min,
      min === 1 ? 'must not be empty' : `must be at least ${min} characters long`,
    );
  return schema
    .max(max, `must be at most ${max} characters long`)
    .regex(multiline ? MULTI_LINE : SINGLE_LINE, CONTROL_CHARACTER_MESSAGE);
}

/** Free text written over several lines (notes): tab and line breaks allowed. */
export function multilineText(options: Omit<TextOptions, 'multiline'>) {
  return plainText({ ...options, multiline: true });
}

/**
 * Text the server wrote into a document and reads back (backups): whatever the database can hold,
 * so that every backup restores. Refuses what PostgreSQL cannot store (NUL) and malformed Unicode,
 * caps the length as the inputs that wrote it do, and keeps the value exactly (no trimming; control
 * characters older inputs let through stay readable).
 */
export function storedText({ max }: { max: number }) {
  return z
    .string()
    .max(max, `must be at most ${max} characters long`)
    .regex(STORABLE, 'must not contain NUL characters or malformed Unicode');
}

/** A search box: part of an email address or a name. Optional, blank allowed. */
export const searchTextSchema = plainText({ max: 200 });

/**
 * An email address, trimmed and lower-cased so that one person is one entry however they type it.
 * ASCII only (the address is also the sign-up key): control characters are refused before the
 * format, so a person reads why.
 */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters long')
  .regex(SINGLE_LINE, CONTROL_CHARACTER_MESSAGE)
  .pipe(z.email({ message: 'must be a valid email address' }));
