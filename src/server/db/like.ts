/** `text` for a LIKE / ILIKE pattern: its `%`, `_` and `\` match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** An ILIKE pattern matching any value that contains `text`. */
export function containing(text: string): string {
  return `%${escapeLike(text)}%`;
}
