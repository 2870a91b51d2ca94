// The size budget of the landing page: what a first visit to `/` downloads before anything else
// (landing.html's script, the modules it imports statically, its stylesheets, inline or not), measured gzipped at
// level 9 from the built files in dist/web. Run after `npm run build` as `node scripts/check-size.ts`
// (a CI step); it fails when the JavaScript or the CSS passes its budget, or when a file lacks the
// Brotli and gzip copies the server sends instead of it. The measuring is exported for tests.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * In kB (1,000 bytes, as Vite reports them), gzipped. The landing page has its own entry
 * (landing.html, src/web/landing.tsx) without the router or TanStack Query: the JavaScript budget
 * is React DOM 19 (about 60 kB) and the landing page's own code (about 15 kB), plus room. See
 * README, "Web app".
 */
export const BUDGET_KB = { js: 100, css: 10 } as const;

/** The page `/` answers with (src/server/http/web-app.ts). */
export const LANDING_HTML = 'landing.html';

export type Asset = {
  file: string;
  kind: 'js' | 'css';
  bytes: number;
  gzipBytes: number;
  /** The pre-compressed copies `npm run build` writes beside the file. */
  hasBrotli: boolean;
  hasGzip: boolean;
};

export type SizeReport = {
  assets: Asset[];
  jsGzipKb: number;
  cssGzipKb: number;
  problems: string[];
};

const ATTRIBUTE = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i');

/** The scripts and stylesheets index.html makes the browser load at once, in order. */
export function assetsOfPage(html: string): { js: string[]; css: string[] } {
  const js: string[] = [];
  const css: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const isScript = /^<script/i.test(tag);
    if (isScript) {
      const src = ATTRIBUTE('src').exec(tag)?.[1];
      if (src && /type\s*=\s*["']module["']/i.test(tag)) js.push(src);
      continue;
    }
    const rel = ATTRIBUTE('rel').exec(tag)?.[1]?.toLowerCase();
    const href = ATTRIBUTE('href').exec(tag)?.[1];
    if (!href) continue;
    if (rel === 'modulepreload') js.push(href);
    if (rel === 'stylesheet') css.push(href);
  }
  return { js, css };
}

/** The stylesheets a page holds inline (the landing page's, vite.config.ts). */
export function inlineStylesOf(html: string): string[] {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map(([, css = '']) => css);
}

/** The modules a built chunk imports statically (`import{a}from"./b.js"`), never `import("…")`. */
export function staticImportsOf(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(
    /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g,
  )) {
    if (match[1]) found.add(match[1]);
  }
  return [...found];
}

const kb = (bytes: number) => Math.round(bytes / 10) / 100;

/** Measures the landing page of the app built into `distDir` against `budget`. */
export function measureLandingPage(
  distDir: string,
  budget: { js: number; css: number } = BUDGET_KB,
): SizeReport {
  const problems: string[] = [];
  const landingFile = path.join(distDir, LANDING_HTML);
  if (!existsSync(landingFile)) {
    return {
      assets: [],
      jsGzipKb: 0,
      cssGzipKb: 0,
      problems: [`${landingFile} is missing: run \`npm run build\` first`],
    };
  }
  const html = readFileSync(landingFile, 'utf8');
  const page = assetsOfPage(html);
  const assets: Asset[] = [];
  const seen = new Set<string>();

  const visit = (url: string, kind: Asset['kind']) => {
    const relative = url.replace(/^\//, '').split(/[?#]/)[0] ?? '';
    if (seen.has(relative)) return;
    seen.add(relative);
    const file = path.join(distDir, relative);
    if (!existsSync(file)) {
      problems.push(`${relative} is named by the page but missing from ${distDir}`);
      return;
    }
    const content = readFileSync(file);
    const asset: Asset = {
      file: relative,
      kind,
      bytes: content.length,
      gzipBytes: gzipSync(content, { level: 9 }).length,
      hasBrotli: existsSync(`${file}.br`),
      hasGzip: existsSync(`${file}.gz`),
    };
    assets.push(asset);
    if (!asset.hasBrotli || !asset.hasGzip) {
      problems.push(`${relative} has no pre-compressed copy (.br and .gz): check vite.config.ts`);
    }
    if (kind === 'js') {
      const folder = path.posix.dirname(`/${relative}`);
      for (const imported of staticImportsOf(content.toString('utf8'))) {
        visit(path.posix.join(folder, imported), 'js');
      }
    }
  };
  for (const url of page.js) visit(url, 'js');
  for (const url of page.css) visit(url, 'css');
  for (const css of inlineStylesOf(html)) {
    assets.push({
      file: `${LANDING_HTML} <style>`,
      kind: 'css',
      bytes: Buffer.byteLength(css),
      gzipBytes: gzipSync(css, { level: 9 }).length,
      hasBrotli: existsSync(`${landingFile}.br`),
      hasGzip: existsSync(`${landingFile}.gz`),
    });
  }

  const total = (kind: Asset['kind']) =>
    kb(assets.filter((asset) => asset.kind === kind).reduce((sum, a) => sum + a.gzipBytes, 0));
  const jsGzipKb = total('js');
  const cssGzipKb = total('css');
  if (page.js.length === 0) problems.push(`${LANDING_HTML} loads no module script`);
  if (jsGzipKb > budget.js) {
    problems.push(`the landing page's JavaScript is ${jsGzipKb} kB gzipped, over ${budget.js} kB`);
  }
  if (cssGzipKb > budget.css) {
    problems.push(`the landing page's CSS is ${cssGzipKb} kB gzipped, over ${budget.css} kB`);
  }
  return { assets, jsGzipKb, cssGzipKb, problems };
}

function main(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const report = measureLandingPage(path.join(root, 'dist', 'web'));
  console.log('The landing page loads (gzip -9):');
  for (const asset of report.assets) {
    console.log(`  ${asset.file.padEnd(48)} ${String(kb(asset.gzipBytes)).padStart(8)} kB`);
  }
  console.log(
    `  JavaScript ${report.jsGzipKb} kB of ${BUDGET_KB.js} kB; CSS ${report.cssGzipKb} kB of ${BUDGET_KB.css} kB`,
  );
  if (report.problems.length > 0) {
    for (const problem of report.problems) console.error(`size budget: ${problem}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
