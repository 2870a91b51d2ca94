// Runs the README's start command as a newcomer would (fresh DATA_DIR, demo accounts), signs in as
// the demo admin through the API and stops the server, so the README cannot drift from the code.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signInAsDemoAdmin } from '../bench/session.ts';

const START_COMMAND = 'npm start -- --demo';
const PORT = '3199';
const READY_WITHIN_MS = 240_000;

const readme = readFileSync('README.md', 'utf8');
for (const command of ['npm install && npm start', START_COMMAND]) {
  if (!readme.includes(command)) throw new Error(`README.md no longer says \`${command}\``);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'arete-first-run-'));
const url = `http://127.0.0.1:${PORT}`;
const server = spawn('npm', ['start', '--', '--demo'], {
  env: { ...process.env, DATA_DIR: dataDir, PORT, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'inherit', 'inherit'],
  detached: true,
});
const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));

async function ready(): Promise<void> {
  const deadline = Date.now() + READY_WITHIN_MS;
  while (Date.now() < deadline) {
    const answer = await fetch(`${url}/readyz`).catch(() => undefined);
    if (answer?.ok) return;
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`not ready within ${READY_WITHIN_MS / 1000} s`);
}

try {
  await ready();
  const { adminToken } = await signInAsDemoAdmin(url);
  const me = await fetch(`${url}/api/v1/users/me`, {
    headers: { authorization: `Bearer ${adminToken}` },
  });
  const body = (await me.json()) as { role?: string; email?: string };
  if (!me.ok || body.role !== 'admin')
    throw new Error(`users/me: ${me.status} ${JSON.stringify(body)}`);
  const page = await fetch(url);
  if (!page.ok || !(await page.text()).includes('<div id="root">'))
    throw new Error(`the web app is not served: ${page.status}`);
  console.info(`first run: \`${START_COMMAND}\` started, ${body.email} signed in as admin`);
} finally {
  if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
}
