import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filesToCheck, findColorLiterals } from './check-colors.ts';

function literals(text: string): string[] {
  return findColorLiterals(text).map((found) => found.literal);
}

describe('findColorLiterals', () => {
  it.each([
    ['a short hex in CSS', 'color: #fff;', '#fff'],
    ['a hex with alpha', 'border-color: #ffff;', '#ffff'],
    ['a long hex in CSS', '  background:#1a2B3c;', '#1a2B3c'],
    ['a hex with alpha, long', 'outline: 1px solid #1a2b3c80;', '#1a2b3c80'],
    ['a hex in a Tailwind arbitrary value', '<p className="bg-[#fafafa] p-4">', '#fafafa'],
    ['a hex inside an arbitrary shadow', "'shadow-[0_0_0_1px_#abc]'", '#abc'],
    ['a hex in a JS string', "const brand = '#0f766e';", '#0f766e'],
    ['a hex in an inline style', 'style={{ color: "#333" }}', '#333'],
    ['rgb()', 'color: rgb(0 0 0);', 'rgb('],
    ['rgba()', "boxShadow: 'rgba(0, 0, 0, 0.1)'", 'rgba('],
    ['hsl()', 'fill: hsl(120 50% 50%);', 'hsl('],
    ['hsla()', 'fill: hsla(120, 50%, 50%, 0.5);', 'hsla('],
    ['oklch()', 'className="text-[oklch(0.5_0.1_200)]"', 'oklch('],
    ['oklab()', 'color: oklab(0.5 0.1 0.1);', 'oklab('],
    ['lab()', 'color: lab(50% 40 59);', 'lab('],
    ['lch()', 'color: lch(52% 72 56);', 'lch('],
    ['color()', 'color: color(display-p3 1 0 0);', 'color('],
    ['hwb()', 'color: hwb(120 0% 0%);', 'hwb('],
    ['a named colour in CSS', 'color: rebeccapurple;', 'rebeccapurple'],
    ['a named colour in a shorthand', 'border: 1px solid red;', 'red'],
    ['a named colour in an inline style', "style={{ backgroundColor: 'white' }}", 'white'],
    ['a named colour in a Tailwind arbitrary value', 'className="text-[navy]"', 'navy'],
  ])('flags %s', (_kind, text, literal) => {
    expect(literals(text)).toEqual([literal]);
  });

  it('reports the line of each literal', () => {
    const text = ['.card {', '  color: #123456;', '  padding: 1rem;', '  fill: rgb(1 2 3);', '}'];
    expect(findColorLiterals(text.join('\n'))).toEqual([
      { line: 2, literal: '#123456' },
      { line: 4, literal: 'rgb(' },
    ]);
  });

  it('reports every literal on one line', () => {
    expect(literals('background: linear-gradient(#fff, rgb(0 0 0));')).toEqual(['#fff', 'rgb(']);
  });

  it.each([
    ['tokens in Tailwind classes', '<p className="bg-surface text-muted-foreground ring-ring">'],
    ['CSS variables', 'color: var(--color-foreground);'],
    ['transparent and currentColor', 'fill: currentColor; background: transparent;'],
    ['an element id', "document.getElementById('root')"],
    ['an anchor link made of hex letters', '<a href="#add">Add</a>'],
    ['a router link to a hex-looking fragment', "<Link to='#cafe'>Cafe</Link>"],
    ['an id selector in a query', "document.querySelector('#bad')"],
    ['an id selector in CSS', '#face {'],
    ['an issue number in a comment', '// Fixed in #1234, see also #567'],
    ['an HTML entity', '<span>&#123;</span>'],
    ['a word ending in a colour function name', 'const total = subtotal(items);'],
    ['a JS function named color', 'const shade = color(token);'],
    ['colour names in plain prose', '<p>Coaches see red flags early.</p>'],
    ['a property named like a colour with a token value', "const tone = { color: 'primary' };"],
    ['arbitrary values with no colour', 'className="grid-cols-[1fr_auto] w-[42rem]"'],
  ])('does not flag %s', (_kind, text) => {
    expect(literals(text)).toEqual([]);
  });
});

describe('filesToCheck', () => {
  it('covers the web app and index.html but not the theme', () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const files = filesToCheck(root);
    expect(files).toContain('index.html');
    expect(files).toContain('src/web/main.tsx');
    expect(files).not.toContain('src/web/theme.css');
    expect(files.every((file) => !path.isAbsolute(file))).toBe(true);
  });
});
