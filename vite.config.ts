import { fileURLToPath } from 'node:url';
import { constants } from 'node:zlib';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';

import { defineConfig, type Plugin, type Rollup, runnerImport } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

// In development the API runs on its own (`npm run dev:server`); Vite forwards server paths to it.
const API_ORIGIN = 'http://127.0.0.1:3000';
const SERVER_PATHS = ['/api', '/healthz', '/readyz', '/webhooks'];

/**
 * `/` is landing.html: the landing page with its own small entry (src/web/landing.tsx), where
 * every other page is index.html, the full app. See README, "Web app".
 */
const LANDING_HTML = 'landing.html';
const LANDING_ENTRY = fileURLToPath(new URL('src/web/landing.tsx', import.meta.url));
const PRERENDER_MODULE = fileURLToPath(new URL('src/web/landing-prerender.tsx', import.meta.url));
const EMPTY_ROOT = '<div id="root"></div>';

/**
 * Pre-renders the landing page into landing.html at build time (react-dom/server, the module run
 * through Vite's module runner), so that its first paint waits for no script; landing.tsx then
 * hydrates it. Its stylesheet goes inline, so that the first paint waits for nothing but the page
 * itself (about 7 kB more of it, gzipped). In development `/` is landing.html too, drawn in the
 * browser.
 */
function landingPage(): Plugin {
  return {
    name: 'arete:landing-page',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        const [pathname, query] = (request.url ?? '').split(/(?=\?)/);
        if (pathname === '/') request.url = `/${LANDING_HTML}${query ?? ''}`;
        next();
      });
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, context) {
        if (context.server || !context.filename.endsWith(`/${LANDING_HTML}`)) return html;
        if (!html.includes(EMPTY_ROOT)) throw new Error(`${LANDING_HTML} has no ${EMPTY_ROOT}`);
        const { module } = await runnerImport<{ prerenderLanding: () => string }>(
          PRERENDER_MODULE,
          { configFile: false, logLevel: 'warn' },
        );
        const rendered = html.replace(
          EMPTY_ROOT,
          `<div id="root">${module.prerenderLanding()}</div>`,
        );
        return inlineStylesheets(rendered, context.bundle ?? {});
      },
    },
  };
}

/** Replaces each `<link rel="stylesheet">` of a built CSS file with a `<style>` holding it. */
function inlineStylesheets(html: string, bundle: Rollup.OutputBundle): string {
  return html.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g, (_tag, file) => {
    const asset = bundle[file];
    if (asset?.type !== 'asset') throw new Error(`${LANDING_HTML} names ${file}, not built`);
    return `<style>${String(asset.source)}</style>`;
  });
}

/**
 * Every module the landing entry imports statically (React, React DOM, the landing page's
 * components), found once the build has read them all, for the `shared` chunk below.
 */
function landingModules(): { ids: Set<string>; plugin: Plugin } {
  const ids = new Set<string>();
  return {
    ids,
    plugin: {
      name: 'arete:landing-modules',
      apply: 'build',
      buildEnd() {
        ids.clear();
        const pending = [LANDING_ENTRY];
        for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
          if (ids.has(id)) continue;
          ids.add(id);
          pending.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
        if (ids.size < 2) throw new Error(`${LANDING_ENTRY} was not built: update LANDING_ENTRY`);
        ids.delete(LANDING_ENTRY);
      },
    },
  };
}

const landing = landingModules();

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    landingPage(),
    landing.plugin,
    // Brotli and gzip copies of every text file next to it (app.js.br, app.js.gz), made once at
    // build time at the highest level; the server sends the one the browser accepts
    // (src/server/http/web-app.ts). Fonts are WOFF2, compressed already.
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      threshold: 512,
      logLevel: 'silent',
    }),
  ],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    rolldownOptions: {
      input: { index: 'index.html', landing: LANDING_HTML },
      output: {
        codeSplitting: {
          // Two entries, three files for their first load. `shared`: all the landing page loads
          // but its entry (React, React DOM, the landing page's own code), which the full app runs
          // on too, so it is downloaded once for both. `app`: what the full app adds for its
          // first page (React Router, TanStack Query, the layout), in one file: left to itself the
          // bundler cuts out small shared pieces as files of their own, each one more request and
          // compressed on its own, so bigger all told. Every other page stays a lazy chunk.
          groups: [{ name: 'shared', test: (id) => landing.ids.has(id), priority: 2 }],
        },
      },
    },
  },
  server: {
    proxy: Object.fromEntries(SERVER_PATHS.map((prefix) => [prefix, API_ORIGIN])),
  },
});
