import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// Two servers, each on a fresh database of its own, each for the journeys that need its sign-up
// policy: the default waitlist mode (only approved emails may sign up), and open sign-up, which
// the identity and password journeys need because they sign up with fresh addresses.
// E2E_PORT moves both, so that two checkouts can run their journeys side by side.
const WAITLIST_PORT = Number(process.env.E2E_PORT ?? 3100);
const OPEN_PORT = WAITLIST_PORT + 1;
// The organizations journeys sign up eight people a run: a waitlist-mode server of their own keeps
// them clear of the other journeys' sign-up rate limit.
const ORGANIZATIONS_PORT = WAITLIST_PORT + 2;
// The relationships journeys sign up eight people too, on a server of their own for the same reason.
const RELATIONSHIPS_PORT = WAITLIST_PORT + 3;
// The documents journey uploads and extracts files as the demo client and coach: a server of its
// own keeps its uploads, extraction and sign-ins clear of the other journeys and their limits.
const DOCUMENTS_PORT = WAITLIST_PORT + 4;
// The goals journey takes the questionnaire, waits for suggestions and checks in as the demo client,
// with the demo coach reading along: a server of its own keeps its job runner and sign-ins apart.
const GOALS_PORT = WAITLIST_PORT + 5;
// Clerk mode: the built app against our stub of Clerk (e2e/support/clerk-fapi), which runs as a
// process of its own on the next port: Frontend API, Backend API and a control API on one memory.
const CLERK_PORT = WAITLIST_PORT + 6;
const CLERK_STUB_PORT = WAITLIST_PORT + 7;
const WAITLIST_URL = `http://127.0.0.1:${WAITLIST_PORT}`;
const OPEN_URL = `http://127.0.0.1:${OPEN_PORT}`;
const ORGANIZATIONS_URL = `http://127.0.0.1:${ORGANIZATIONS_PORT}`;
const RELATIONSHIPS_URL = `http://127.0.0.1:${RELATIONSHIPS_PORT}`;
const DOCUMENTS_URL = `http://127.0.0.1:${DOCUMENTS_PORT}`;
const GOALS_URL = `http://127.0.0.1:${GOALS_PORT}`;
const CLERK_URL = `http://127.0.0.1:${CLERK_PORT}`;
const CLERK_STUB_URL = `http://127.0.0.1:${CLERK_STUB_PORT}`;
// e2e/clerk.spec.ts reads the stub's control API here.
process.env.ARETE_E2E_CLERK_STUB_URL = CLERK_STUB_URL;

// Playwright loads this file in the runner and again in each worker. Only the runner makes the
// fresh data directory; workers inherit it through the environment, so each run gets exactly one.
function e2eDataDir(): string {
  const existing = process.env.ARETE_E2E_DATA_DIR;
  if (existing) return existing;
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'arete-e2e-'));
  process.env.ARETE_E2E_DATA_DIR = base;
  // By exit the web servers have been stopped, so nothing holds the databases any more.
  process.on('exit', () => fs.rmSync(base, { recursive: true, force: true }));
  return base;
}

/**
 * The stub's RSA key and the webhook signing secret, made once per run in the runner: the server
 * needs the public key (CLERK_JWT_KEY) before the stub starts, and the workers, which load this file
 * again, inherit both through the environment (the spec signs webhooks with the secret).
 */
function clerkSecrets(): { privateKeyPem: string; publicKeyPem: string; webhookSecret: string } {
  if (!process.env.ARETE_E2E_CLERK_KEY) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    process.env.ARETE_E2E_CLERK_KEY = privateKey
      .export({ type: 'pkcs8', format: 'pem' })
      .toString();
    process.env.ARETE_E2E_CLERK_WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('base64')}`;
  }
  const privateKeyPem = process.env.ARETE_E2E_CLERK_KEY;
  const publicKeyPem = createPublicKey(createPrivateKey(privateKeyPem))
    .export({ type: 'spki', format: 'pem' })
    .toString();
  return {
    privateKeyPem,
    publicKeyPem,
    webhookSecret: process.env.ARETE_E2E_CLERK_WEBHOOK_SECRET ?? '',
  };
}

/** The stub of Clerk (e2e/support/clerk-fapi/main.ts), started before the server that calls it. */
function clerkStub() {
  return {
    command: 'npx node e2e/support/clerk-fapi/main.ts',
    url: `${CLERK_STUB_URL}/__control/health`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
    env: {
      CLERK_STUB_PORT: String(CLERK_STUB_PORT),
      CLERK_STUB_ORIGIN: CLERK_URL,
      CLERK_STUB_PRIVATE_KEY: clerkSecrets().privateKeyPem,
    },
  };
}

/** The server in Clerk mode, on fresh data, against the stub: no demo accounts (they are Clerk's). */
function clerkServer() {
  const { publicKeyPem, webhookSecret } = clerkSecrets();
  const base = server(CLERK_PORT, 'open', 'clerk');
  return {
    ...base,
    command: 'npm run serve',
    env: {
      ...base.env,
      CLERK_SECRET_KEY: 'sk_live_arete_e2e_stub',
      // The stub's: `pk_live_` + base64 of its (never contacted) Frontend API host.
      CLERK_PUBLISHABLE_KEY: `pk_live_${Buffer.from('clerk.arete.test$').toString('base64')}`,
      CLERK_JWT_KEY: publicKeyPem,
      CLERK_API_URL: CLERK_STUB_URL,
      CLERK_WEBHOOK_SIGNING_SECRET: webhookSecret,
      CLERK_AUTHORIZED_PARTIES: CLERK_URL,
      CLERK_PROXY_URL: '/__clerk',
    },
  };
}

// The server serves the built app from dist/web: run `npm run build` first. `--demo` adds the
// demo accounts (all verified, one password) that the journeys sign in with.
function server(port: number, signUpMode: 'waitlist' | 'open', name: string = signUpMode) {
  const url = `http://127.0.0.1:${port}`;
  return {
    command: 'npm run serve -- --demo',
    url: `${url}/readyz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      // A subfolder per server, so each server's lock file beside it also lands in the temporary
      // folder, and the two never share a database.
      DATA_DIR: path.join(e2eDataDir(), name, 'data'),
      LOG_LEVEL: 'warn',
      SIGNUP_MODE: signUpMode,
    },
  };
}

export default defineConfig({
  testDir: 'e2e',
  // Its own folder: Playwright empties outputDir at start, and test-results/ holds other reports.
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  // Six servers and two browsers share two cores, and a document's extraction takes one of them
  // for a while: a sign-in (its password hash) or a save may take longer than Playwright's 5 s
  // default to show, without anything being wrong.
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
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
  projects: [
    {
      // The default sign-up policy (the README's `npm start -- --demo`): the landing page, the
      // waitlist journeys and the first run.
      name: 'waitlist',
      testMatch: [
        'landing.spec.ts',
        'waitlist.spec.ts',
        'first-run.spec.ts',
        'admin-lists.spec.ts',
      ],
      use: { browserName: 'chromium', baseURL: WAITLIST_URL },
    },
    {
      // Open sign-up: the identity and password journeys sign up with fresh addresses.
      name: 'open-sign-up',
      testMatch: ['identity.spec.ts', 'password-reset.spec.ts'],
      use: { browserName: 'chromium', baseURL: OPEN_URL },
    },
    {
      // Waitlist mode on a server of its own: practices, companies, profiles and invitations.
      name: 'organizations',
      testMatch: ['organizations.spec.ts'],
      use: { browserName: 'chromium', baseURL: ORGANIZATIONS_URL },
    },
    {
      // Waitlist mode on a server of its own: coaches, clients, invitations and matches.
      name: 'relationships',
      testMatch: ['relationships.spec.ts'],
      use: { browserName: 'chromium', baseURL: RELATIONSHIPS_URL },
    },
    {
      // Waitlist mode on a server of its own: uploads, extraction, search and a coach's reading.
      name: 'documents',
      testMatch: ['documents.spec.ts'],
      use: { browserName: 'chromium', baseURL: DOCUMENTS_URL },
    },
    {
      // Waitlist mode on a server of its own: discovery, suggestions, check-ins, a coach's proposal.
      name: 'goals',
      testMatch: ['goals.spec.ts'],
      use: { browserName: 'chromium', baseURL: GOALS_URL },
    },
    {
      // Clerk mode against our stub of Clerk: sign-up, sign-in, tokens, organizations, webhooks.
      // Re-run it after upgrading any Clerk package (README, "Clerk mode").
      name: 'clerk',
      testMatch: ['clerk.spec.ts'],
      use: { browserName: 'chromium', baseURL: CLERK_URL },
    },
  ],
  webServer: [
    server(WAITLIST_PORT, 'waitlist'),
    server(OPEN_PORT, 'open'),
    server(ORGANIZATIONS_PORT, 'waitlist', 'organizations'),
    server(RELATIONSHIPS_PORT, 'waitlist', 'relationships'),
    server(DOCUMENTS_PORT, 'waitlist', 'documents'),
    server(GOALS_PORT, 'waitlist', 'goals'),
    clerkStub(),
    clerkServer(),
  ],
});
