import { constants } from 'node:zlib';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

// In development the API runs on its own (`npm run dev:server`); Vite forwards server paths to it.
const API_ORIGIN = 'http://127.0.0.1:3000';
const SERVER_PATHS = ['/api', '/healthz', '/readyz', '/webhooks'];

/**
 * The font the landing page's first screen is drawn with: its heading face, the largest text and
 * the page's largest paint. Preloaded, so it arrives with the script instead of after it.
 */
const FIRST_SCREEN_FONT = /^assets\/playfair-display-latin-600-normal-[\w-]+\.woff2$/;

/** Adds `<link rel="preload">` for the built font whose file name matches, to index.html. */
function preloadFont(match: RegExp): Plugin {
  let base = '/';
  return {
    name: 'arete:preload-font',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const file = Object.keys(context.bundle ?? {}).find((name) => match.test(name));
        if (!file) throw new Error(`No built font matches ${match}: update FIRST_SCREEN_FONT`);
        return [
          {
            tag: 'link',
            attrs: {
              rel: 'preload',
              href: `${base}${file}`,
              as: 'font',
              type: 'font/woff2',
              crossorigin: '',
            },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    preloadFont(FIRST_SCREEN_FONT),
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
      output: {
        codeSplitting: {
          // Everything the first page runs on, in one file: left to itself the bundler cuts out
          // small shared pieces (the JSX runtime, parts of TanStack Query) as files of their own,
          // each one more request and compressed on its own, so bigger all told.
          groups: [{ name: 'app', tags: ['$initial'] }],
        },
      },
    },
  },
  server: {
    proxy: Object.fromEntries(SERVER_PATHS.map((prefix) => [prefix, API_ORIGIN])),
  },
});
