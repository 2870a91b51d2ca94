import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const PORT = 3100;
const BASE_URL = `http://127.0.0.1:${PORT}`;

// Playwright loads this file in the runner and again in each worker. Only the runner makes the
// fresh data directory; workers inherit it through the environment, so each run gets exactly one.
function e2eDataDir(): string {
  const existing = process.env.ARETE_E2E_DATA_DIR;
  if (existing) return existing;
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'arete-e2e-'));
  process.env.ARETE_E2E_DATA_DIR = base;
  // By exit the web server has been stopped, so nothing holds the database any more.
  process.on('exit', () => fs.rmSync(base, { recursive: true, force: true }));
  return base;
}

export default defineConfig({
  testDir: 'e2e',
  // Its own folder: Playwright empties outputDir at start, and test-results/ holds other reports.
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: BASE_URL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  // The server serves the built app from dist/web: run `npm run build` first. `--demo` adds the
  // demo accounts (all verified, one password) that the identity journeys sign in with.
  webServer: {
    command: 'npm run serve -- --demo',
    url: `${BASE_URL}/readyz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      // A subfolder, so the server's lock file beside it also lands in the temporary folder.
      DATA_DIR: path.join(e2eDataDir(), 'data'),
      LOG_LEVEL: 'warn',
      // The journeys sign up with a fresh address, which the waitlist mode would refuse.
      SIGNUP_MODE: 'open',
    },
  },
});
