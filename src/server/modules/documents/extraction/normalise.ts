// Text is stored normalised so search, word counts and display agree whatever the source format.
// Rules, in order:
// 1. NUL and other control characters go (a form feed, pdftotext's page break, becomes a blank
//    line); CRLF and CR become LF; soft hyphens go; NFC so "é" is one code point for search.
// 2. A hyphen at the end of a line joins the next line's word: "manage-\nment" -> "management".
//    When the next word starts with a capital or a digit the hyphen is kept ("Jean-\nPierre" ->
//    "Jean-Pierre", "COVID-\n19" -> "COVID-19"): those hyphens are usually part of the word.
//    Without a dictionary "self-\nesteem" becomes "selfesteem"; that is the usual trade-off.
// 3. Runs of spaces and tabs (any Unicode space) become one space; lines are trimmed.
// 4. Line breaks stay (PDF lines, list items); three or more become one blank line, which marks a
//    paragraph. Leading and trailing blank space goes.

// C0 controls except TAB, LF, FF, CR; DEL; C1 controls. Matching them is the point here.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g;
const LINE_END_HYPHEN_LOWER = /(\p{L})[-\u2010]\n[ \t]*(\p{Ll})/gu;
const LINE_END_HYPHEN_KEEP = /(\p{L})([-\u2010])\n[ \t]*([\p{Lu}\p{Lt}\p{N}])/gu;
const HORIZONTAL_SPACE = /[^\S\n]+/g;

export function normaliseText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n\n')
    .replace(CONTROL, '')
    .replace(/\u00AD/g, '')
    .normalize('NFC')
    .replace(HORIZONTAL_SPACE, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(LINE_END_HYPHEN_LOWER, '$1$2')
    .replace(LINE_END_HYPHEN_KEEP, '$1$2$3')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Words: runs separated by white space that contain at least one letter or digit ("—" is not one). */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) {
    if (/[\p{L}\p{N}]/u.test(token)) count += 1;
  }
  return count;
}
