// Real Arete servers as child processes (`node src/server/main.ts`, the way `npm run serve` starts
// one), and plain HTTP to them, for the two-server suite.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

export type ServerProcess = {
  name: string;
  child: ChildProcess;
  /** Resolves with the address once the server logs that it is ready; rejects if it exits first. */
  ready: Promise<string>;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  output(): { stdout: string; stderr: string };
  /** The address, once ready. */
  url: string;
};

const READY_LINE = /Arete is ready at (http:\/\/[^"\s]+)/;

/** Starts a server with exactly `env` on top of PATH and HOME (nothing else is inherited). */
export function startServer(name: string, env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, ['src/server/main.ts', ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const server: ServerProcess = {
    name,
    child,
    exited,
    output: () => ({ stdout, stderr }),
    url: '',
    ready: new Promise<string>((resolve, reject) => {
      child.stdout?.on('data', () => {
        const match = stdout.match(READY_LINE);
        if (match?.[1]) {
          server.url = match[1];
          resolve(match[1]);
        }
      });
      void exited.then((code) =>
        reject(new Error(`server ${name} exited with ${code}:\n${tail(stderr || stdout)}`)),
      );
    }),
  };
  // A server expected to fail is never awaited for readiness; that must not count as unhandled.
  server.ready.catch(() => undefined);
  return server;
}

export function tail(text: string, lines = 30): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Resolves once `check` returns a value other than undefined; fails with `what` at the deadline. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  options: { withinMs: number; everyMs?: number },
): Promise<T> {
  const deadline = Date.now() + options.withinMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not within ${options.withinMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 100));
  }
}

export type Answer = { status: number; body: unknown; headers: Headers };

/**
 * One request to one server, as it would arrive through the reverse proxy: the client's address in
 * `X-Forwarded-For` (the servers run with TRUST_PROXY=true), and the public origin on auth calls.
 */
export async function call(
  server: Pick<ServerProcess, 'url'>,
  method: string,
  path: string,
  options: { ip: string; origin: string; token?: string; cookie?: string; body?: unknown },
): Promise<Answer> {
  const headers: Record<string, string> = {
    'x-forwarded-for': options.ip,
    origin: options.origin,
    accept: 'application/json',
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {}
  return { status: response.status, body, headers: response.headers };
}

export function cookieOf(answer: Answer): string {
  return answer.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
}

/** What a server logged at error level or above (its log is JSON lines, as in production). */
export function loggedErrors(server: ServerProcess): string[] {
  return server
    .output()
    .stdout.split('\n')
    .flatMap((line) => {
      try {
        const entry = JSON.parse(line) as { level?: number; msg?: string };
        return (entry.level ?? 0) >= 50 ? [`${entry.msg}: ${line}`] : [];
      } catch {
        return [];
      }
    });
}
