import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs on its own (`npm run dev:server`); Vite forwards server paths to it.
const API_ORIGIN = 'http://127.0.0.1:3000';
const SERVER_PATHS = ['/api', '/healthz', '/readyz', '/webhooks'];

export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
  },
  server: {
    proxy: Object.fromEntries(SERVER_PATHS.map((prefix) => [prefix, API_ORIGIN])),
  },
});
