import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assetsOfPage, LANDING_HTML, measureLandingPage, staticImportsOf } from './check-size.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A built app in a temporary folder: landing.html and its files, each with its .br and .gz. */
function builtApp(files: Record<string, string>, html: string, { compressed = true } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'arete-size-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, LANDING_HTML), html);
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), content);
    if (compressed) {
      writeFileSync(path.join(dir, `${name}.br`), 'x');
      writeFileSync(path.join(dir, `${name}.gz`), 'x');
    }
  }
  return dir;
}

const PAGE = `<!doctype html><html><head>
<script type="module" crossorigin src="/assets/index-a1.js"></script>
<link rel="modulepreload" crossorigin href="/assets/shared-b2.js">
<link rel="stylesheet" crossorigin href="/assets/index-c3.css">
<link rel="preload" href="/assets/font-d4.woff2" as="font" type="font/woff2" crossorigin>
<link rel="icon" href="data:," />
</head><body><div id="root"></div></body></html>`;

/** Text that gzip cannot shrink much: about `bytes` long. */
function incompressible(bytes: number): string {
  let text = '';
  let seed = 7;
  while (text.length < bytes) {
    seed = (seed * 48271) % 2147483647;
    text += seed.toString(36);
  }
  return `export const x = "${text.slice(0, bytes)}";`;
}

describe('the landing page size budget', () => {
  it('reads the scripts, module preloads and stylesheets of the page, not fonts or icons', () => {
    expect(assetsOfPage(PAGE)).toEqual({
      js: ['/assets/index-a1.js', '/assets/shared-b2.js'],
      css: ['/assets/index-c3.css'],
    });
  });

  it('follows static imports and leaves lazy ones (the other pages) out', () => {
    const code =
      'import{a as b}from"./jsx-runtime-x1.js";import"./side-y2.js";export{c}from"./re-z3.js";' +
      'const p=()=>import("./admin-page-q9.js");';
    expect(staticImportsOf(code)).toEqual(['./jsx-runtime-x1.js', './side-y2.js', './re-z3.js']);
  });

  it('adds up what the page loads, gzipped, and passes within the budget', () => {
    const dir = builtApp(
      {
        'assets/index-a1.js': 'import{x}from"./more-e5.js";const lazy=()=>import("./admin-f6.js");',
        'assets/more-e5.js': incompressible(3000),
        'assets/shared-b2.js': 'export const y = 1;',
        'assets/admin-f6.js': incompressible(50_000),
        'assets/index-c3.css': 'body{margin:0}',
      },
      PAGE,
    );
    const report = measureLandingPage(dir, { js: 10, css: 1 });
    expect(report.assets.map((asset) => asset.file)).toEqual([
      'assets/index-a1.js',
      'assets/more-e5.js',
      'assets/shared-b2.js',
      'assets/index-c3.css',
    ]);
    expect(report.jsGzipKb).toBeGreaterThan(1);
    expect(report.jsGzipKb).toBeLessThan(10);
    expect(report.problems).toEqual([]);
  });

  it('counts a stylesheet held inline in the page as CSS', () => {
    const inline = PAGE.replace('</head>', `<style>${incompressible(2_000)}</style></head>`);
    const dir = builtApp(
      {
        'assets/index-a1.js': '',
        'assets/shared-b2.js': '',
        'assets/index-c3.css': 'body{margin:0}',
        [`${LANDING_HTML}`]: inline,
      },
      inline,
    );
    const report = measureLandingPage(dir, { js: 10, css: 1 });
    expect(report.assets.at(-1)?.file).toBe(`${LANDING_HTML} <style>`);
    expect(report.cssGzipKb).toBeGreaterThan(1);
    expect(report.problems).toEqual([expect.stringMatching(/CSS is [\d.]+ kB gzipped, over 1 kB/)]);
  });

  it('fails when the JavaScript or the CSS passes its budget', () => {
    const dir = builtApp(
      {
        'assets/index-a1.js': incompressible(30_000),
        'assets/shared-b2.js': '',
        'assets/index-c3.css': incompressible(5_000),
      },
      PAGE,
    );
    const { problems } = measureLandingPage(dir, { js: 5, css: 1 });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/JavaScript is [\d.]+ kB gzipped, over 5 kB/);
    expect(problems[1]).toMatch(/CSS is [\d.]+ kB gzipped, over 1 kB/);
  });

  it('fails when a file lacks its pre-compressed copies, or the app is not built', () => {
    const dir = builtApp(
      { 'assets/index-a1.js': '', 'assets/shared-b2.js': '', 'assets/index-c3.css': '' },
      PAGE,
      { compressed: false },
    );
    expect(measureLandingPage(dir).problems[0]).toMatch(/no pre-compressed copy/);
    expect(measureLandingPage(path.join(dir, 'missing')).problems[0]).toMatch(/npm run build/);
  });
});
