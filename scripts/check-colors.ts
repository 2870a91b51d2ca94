// Holds the web app to its design tokens: colour literals may live in src/web/theme.css only.
// Run as `node scripts/check-colors.ts` (part of `npm run lint`); the finder is exported for tests.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type ColorLiteral = { line: number; literal: string };

const SCANNED_EXTENSIONS = new Set(['.ts', '.tsx', '.css', '.html']);
const ALLOWED_FILE = 'src/web/theme.css';

// `color(` only counts with a colour space after it, so that a JS function named `color` passes.
const COLOR_FUNCTION =
  /\b(?:rgba?|hsla?|hwb|oklch|oklab|lab|lch)\(|\bcolor\((?=\s*(?:srgb|srgb-linear|display-p3|a98-rgb|prophoto-rgb|rec2020|xyz|xyz-d50|xyz-d65|from)\b)/gi;

// A hex colour: 3, 4, 6 or 8 hex digits after `#`, not running on into a longer word or name.
const HEX_COLOR = /#(?:[0-9a-f]{8}|[0-9a-f]{6}|[0-9a-f]{3,4})(?![\w-])/gi;

// Where a `#…` is a URL fragment or an element id rather than a colour: `href="#add"`,
// `to='#cafe'`, `querySelector('#bad')`.
const FRAGMENT_CONTEXT =
  /(?:\b(?:href|to|id|htmlFor|for|aria-[a-z]+)\s*=\s*\{?\s*|\b(?:querySelector(?:All)?|closest|matches)\(\s*)['"`]$/;

const COMMENT_START = /(?:\/\/|\/\*|^\s*\*)/;

// The colour properties whose value may be a named colour: `color: red`, `fill: 'navy'`.
const COLOR_PROPERTY =
  /(?:^|[\s;{,'"])(?:color|background|background-color|backgroundColor|border(?:-(?:top|right|bottom|left|block|inline))?(?:-color)?|border(?:Top|Right|Bottom|Left)?Color|outline(?:-color)?|outlineColor|fill|stroke|caret-color|caretColor|accent-color|accentColor|text-decoration-color|textDecorationColor|column-rule-color|box-shadow|boxShadow|text-shadow|textShadow)['"]?\s*:\s*['"]?([^;'"}\n]*)/g;

// Tailwind arbitrary values: `bg-[red]`, `text-[color:navy]`, `shadow-[0_0_2px_black]`.
const ARBITRARY_VALUE = /-\[([^\]\s]+)\]/g;

// CSS named colours (CSS Color 4), except the keywords that are not a colour of their own.
const NAMED_COLORS = new Set(
  (
    'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue ' +
    'blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk ' +
    'crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki ' +
    'darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen ' +
    'darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue ' +
    'dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite ' +
    'gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki ' +
    'lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan ' +
    'lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen ' +
    'lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen ' +
    'magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen ' +
    'mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream ' +
    'mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid ' +
    'palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum ' +
    'powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown ' +
    'seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen ' +
    'steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen'
  ).split(' '),
);

function namedColorsIn(value: string): string[] {
  return value.split(/[\s_,:/()]+/).filter((word) => NAMED_COLORS.has(word.toLowerCase()));
}

function findInLine(text: string): string[] {
  const found: { index: number; literal: string }[] = [];

  for (const match of text.matchAll(COLOR_FUNCTION)) {
    found.push({ index: match.index, literal: match[0] });
  }
  for (const match of text.matchAll(HEX_COLOR)) {
    const before = text.slice(0, match.index);
    // Preceded by a value boundary (`color: #fff`, `bg-[#fff]`, `'#fff'`, `_#fff`), not a word.
    if (!/(?:^|[\s:[(,'"`=_])$/.test(before)) continue;
    if (FRAGMENT_CONTEXT.test(before)) continue;
    // `// see #123` in a comment is an issue number.
    if (/^\d+$/.test(match[0].slice(1)) && COMMENT_START.test(before)) continue;
    // `#abc {` or `#abc,` at the start of a rule is an id selector in CSS.
    if (/^\s*$/.test(before) && /^\s*[{,]/.test(text.slice(match.index + match[0].length))) {
      continue;
    }
    found.push({ index: match.index, literal: match[0] });
  }
  for (const match of text.matchAll(COLOR_PROPERTY)) {
    const value = match[1] ?? '';
    for (const name of namedColorsIn(value)) {
      found.push({ index: match.index + match[0].indexOf(name), literal: name });
    }
  }
  for (const match of text.matchAll(ARBITRARY_VALUE)) {
    for (const name of namedColorsIn(match[1] ?? '')) {
      found.push({ index: match.index, literal: name });
    }
  }

  const unique = new Map(found.map((item) => [`${item.index}:${item.literal}`, item]));
  return [...unique.values()].sort((a, b) => a.index - b.index).map((item) => item.literal);
}

/** Every colour literal in `text`, with its 1-based line number. */
export function findColorLiterals(text: string): ColorLiteral[] {
  return text
    .split(/\r?\n/)
    .flatMap((lineText, index) =>
      findInLine(lineText).map((literal) => ({ line: index + 1, literal })),
    );
}

function listFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SCANNED_EXTENSIONS.has(path.extname(entry.name)))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The files the rule covers, relative to `root`, with forward slashes. */
export function filesToCheck(root: string): string[] {
  return [...listFiles(path.join(root, 'src/web')), path.join(root, 'index.html')]
    .map((file) => path.relative(root, file).split(path.sep).join('/'))
    .filter((file) => file !== ALLOWED_FILE)
    .sort();
}

function main(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const files = filesToCheck(root);
  let problems = 0;
  for (const file of files) {
    for (const { line, literal } of findColorLiterals(
      readFileSync(path.join(root, file), 'utf8'),
    )) {
      console.error(`${file}:${line}  ${literal}`);
      problems += 1;
    }
  }
  if (problems > 0) {
    console.error(
      `\ncheck-colors: ${problems} colour literal(s) outside ${ALLOWED_FILE}; use a theme token.`,
    );
    process.exit(1);
  }
  console.log(`check-colors: ${files.length} files clean`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
