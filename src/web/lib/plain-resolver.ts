import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { type FieldWords, messageUnderField, reasonOf } from './plain-errors.ts';

/**
 * A react-hook-form resolver that checks a form with the contract's zod schema (the one the server
 * checks the request with), and says what is wrong in plain words under each field.
 *
 * - Text is trimmed, and an empty optional field is left out, as the request will leave it out
 *   (`name: ''` would fail `personNameSchema`'s minimum of 1; no name is fine).
 * - Each field's message is read for what it means (see plain-errors.ts) and said again with the
 *   field's words: never "Too big: expected string to have <=254 characters".
 *
 * - A list typed in one field (focus areas, specialties) is checked item by item too: a message
 *   about one item is said of `each` ("Each focus area: use at most 80 characters.").
 *
 * `words` names each field; `missing` is what to say when a required one is empty.
 */
export function plainResolver<T extends FieldValues>(
  schema: z.ZodType,
  words: Partial<Record<keyof T & string, FieldWords>>,
): Resolver<T> {
  const check = zodResolver(schema as never) as unknown as Resolver<FieldValues>;
  return async (values, context, options) => {
    const cleaned: FieldValues = {};
    for (const [key, value] of Object.entries(values)) {
      const trimmed = typeof value === 'string' ? value.trim() : value;
      if (trimmed !== '') cleaned[key] = trimmed;
    }
    const result = await check(cleaned, context, options as never);
    if (Object.keys(result.errors).length === 0) return { values: values as T, errors: {} };
    const errors: FieldErrors<T> = {};
    for (const [key, error] of Object.entries(result.errors)) {
      const field = words[key as keyof T & string] ?? { name: 'this field' };
      const blank = cleaned[key] === undefined;
      const own = typeof error?.message === 'string' ? error.message : null;
      const text = messageUnderField(reasonOf(own ?? itemMessage(error)), field);
      const message = blank
        ? (field.missing ?? `Enter ${field.name}.`)
        : own === null && field.each
          ? `${field.each}: ${text.charAt(0).toLowerCase()}${text.slice(1)}`
          : text;
      (errors as Record<string, unknown>)[key] = { type: error?.type ?? 'validate', message };
    }
    return { values: {}, errors };
  };
}

/** The first item's message of a list field's errors (`[undefined, { message }]`). */
function itemMessage(error: unknown): string {
  if (!Array.isArray(error)) return '';
  for (const item of error) {
    if (typeof item?.message === 'string') return item.message;
  }
  return '';
}
