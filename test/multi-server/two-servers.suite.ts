// Two real Arete servers on one PostgreSQL database and one Redis, as behind a load balancer: other
// ports, other DATA_DIRs, one AUTH_SECRET and one PUBLIC_URL. Each server mails through an SMTP sink
// of its own, so a mail shows which server ran the job that sent it. `npm run test:servers`.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { Redis } from 'ioredis';
import pg from 'pg';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textPdf } from '../../src/server/modules/documents/extraction/test-support/pdf-writer.ts';
import {
  type Answer,
  call,
  cookieOf,
  eventually,
  loggedErrors,
  type ServerProcess,
  startServer,
  tail,
} from './support/servers.ts';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.ts';

const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PUBLIC_URL = 'http://arete.test';
const AUTH_SECRET = randomBytes(32).toString('hex');
const DEMO_PASSWORD = 'arete-demo-2026';
/**
 * How long a role change, a ban or a sign-out made through one server may take to reach another:
 * the role cache (identity/authority.ts) and the session-liveness cache (local/tokens.ts) keep an
 * answer 5 s per process. The slack covers the polling step and the requests themselves.
 */
const CACHE_BOUND_MS = 5_000;
const SLACK_MS = 1_500;
/** The lease of a waitlist invitation (the runner's default): a dead server's job waits this long. */
const JOB_LEASE_MS = 60_000;

const expectedMigrations = (
  JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as { entries: unknown[] }
).entries.length;

// Limits count per client address (in Redis, across runs too): this run's addresses are its own,
// counted up from a random point of 198.18.0.0/15 (set aside for tests).
let nextAddress = randomBytes(2).readUInt16BE(0) * 2;
const freshIp = () => {
  const n = nextAddress++ % 131_072;
  return `198.${18 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
};
const runId = randomBytes(4).toString('hex');
let nextEmail = 1;
const freshEmail = (label: string) => `${label}.${runId}.${nextEmail++}@example.com`;

const databaseName = `arete_servers_${process.pid}_${runId}`;
const databaseUrl = (() => {
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${databaseName}`;
  return url.toString();
})();

let admin: pg.Pool;
let db: pg.Pool;
const dataDirs: string[] = [];
const servers: ServerProcess[] = [];
let a: ServerProcess;
let b: ServerProcess;
let sinkA: SmtpSink;
let sinkB: SmtpSink;
// The documents' S3-compatible bucket both servers share (s3rver, in this process).
const S3_BUCKET = 'arete-documents';
const s3Credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
let s3rver: S3rver;
let s3: S3Client;
let s3Env: Record<string, string>;
const sinkOf = (server: ServerProcess) => (server === a ? sinkA : sinkB);

function launch(name: string, env: Record<string, string | undefined>, args: string[] = []) {
  const dataDir = mkdtempSync(path.join(tmpdir(), `arete-${name}-`));
  dataDirs.push(dataDir);
  const defined = Object.fromEntries(
    Object.entries({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      AUTH_SECRET,
      PUBLIC_URL,
      TRUST_PROXY: 'true',
      ...s3Env,
      ...env,
    }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const server = startServer(name, defined, args);
  servers.push(server);
  return server;
}

const ok = (answer: Answer, what: string) => {
  if (answer.status >= 300)
    throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as Record<string, unknown>;
};

/** Signs in on `server` (the demo password) and returns the session cookie and an API token. */
async function signIn(server: ServerProcess, email: string) {
  const ip = freshIp();
  const answer = await call(server, 'POST', '/api/auth/sign-in/email', {
    ip,
    origin: PUBLIC_URL,
    body: { email, password: DEMO_PASSWORD },
  });
  ok(answer, `sign-in of ${email}`);
  const cookie = cookieOf(answer);
  const token = ok(
    await call(server, 'GET', '/api/auth/token', { ip, origin: PUBLIC_URL, cookie }),
    'token',
  ).token as string;
  return { cookie, token, ip };
}

/** A measurement worth seeing in the run's output. */
function report(line: string): void {
  process.stdout.write(`  ${line}\n`);
}

async function query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
  return (await db.query(sql, values)).rows as T[];
}

beforeAll(async () => {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0 });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`this suite needs Redis at ${REDIS_URL}: ${(error as Error).message}`);
  } finally {
    redis.disconnect();
  }
  admin = new pg.Pool({ connectionString: POSTGRES_URL, max: 1 });
  await admin.query(`create database "${databaseName}"`);
  db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  [sinkA, sinkB] = await Promise.all([startSmtpSink(), startSmtpSink()]);
  const s3Dir = mkdtempSync(path.join(tmpdir(), 'arete-servers-s3-'));
  dataDirs.push(s3Dir);
  s3rver = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir });
  const s3Endpoint = `http://127.0.0.1:${(await s3rver.run()).port}`;
  s3 = new S3Client({
    endpoint: s3Endpoint,
    region: 'us-east-1',
    credentials: s3Credentials,
    forcePathStyle: true,
  });
  await s3.send(new CreateBucketCommand({ Bucket: S3_BUCKET }));
  s3Env = {
    DOCUMENT_STORAGE: 's3',
    S3_ENDPOINT: s3Endpoint,
    S3_BUCKET,
    S3_FORCE_PATH_STYLE: 'true',
    S3_ACCESS_KEY_ID: s3Credentials.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3Credentials.secretAccessKey,
  };
  // Both at once, on the empty database; A also creates the demo accounts once it has migrated.
  a = launch('a', { SMTP_URL: sinkA.url }, ['--demo']);
  b = launch('b', { SMTP_URL: sinkB.url });
  await Promise.all([a.ready, b.ready]);
}, 120_000);

afterAll(async () => {
  for (const server of servers) server.child.kill('SIGKILL');
  await Promise.all(servers.map((server) => server.exited));
  await db?.end();
  if (admin) {
    await admin.query(`drop database if exists "${databaseName}" with (force)`);
    await admin.end();
  }
  await Promise.all([sinkA?.close(), sinkB?.close()]);
  s3?.destroy();
  await s3rver?.close();
  for (const directory of dataDirs) rmSync(directory, { recursive: true, force: true });
});

describe('two servers on one database', () => {
  it('both start at once on an empty database, which is migrated once and gets one signing key', async () => {
    const migrations = await query<{ hash: string }>(
      'select hash from drizzle.__drizzle_migrations',
    );
    expect(migrations).toHaveLength(expectedMigrations);
    expect(new Set(migrations.map((row) => row.hash)).size).toBe(expectedMigrations);
    // The first key is made under the boot lock: the second server found it and used it.
    expect(await query('select id from auth_jwks')).toHaveLength(1);
    for (const server of [a, b]) {
      const readiness = await call(server, 'GET', '/readyz', { ip: freshIp(), origin: PUBLIC_URL });
      expect(readiness.status, server.name).toBe(200);
      expect(readiness.body).toMatchObject({
        status: 'ready',
        database: { driver: 'postgres', migrations: { applied: expectedMigrations } },
        identity: { provider: 'local', tokenSigning: 'ok' },
      });
    }
  });

  it('accepts on one server the session and the token issued by the other', async () => {
    const { cookie, token, ip } = await signIn(a, 'admin@arete.local');
    const me = await call(b, 'GET', '/api/v1/users/me', { ip, origin: PUBLIC_URL, token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: 'admin@arete.local', role: 'admin' });
    // The session cookie A set works on B too (one AUTH_SECRET signs it), and B's token on A.
    const fromB = ok(
      await call(b, 'GET', '/api/auth/token', { ip, origin: PUBLIC_URL, cookie }),
      'token',
    );
    const onA = await call(a, 'GET', '/api/v1/admin/users', {
      ip,
      origin: PUBLIC_URL,
      token: fromB.token as string,
    });
    expect(onA.status).toBe(200);
  });

  it('counts the sign-in and waitlist limits across both servers', async () => {
    // Sign-in: 20 a minute per client address, counted before anything is looked up.
    const ip = freshIp();
    const attempt = (server: ServerProcess) =>
      call(server, 'POST', '/api/auth/sign-in/email', {
        ip,
        origin: PUBLIC_URL,
        body: { email: freshEmail('nobody'), password: 'not the password' },
      });
    const statuses: number[] = [];
    for (let index = 0; index < 20; index += 1)
      statuses.push((await attempt(index % 2 === 0 ? a : b)).status);
    expect(statuses).toEqual(Array(20).fill(401));
    for (const server of [a, b]) {
      const refused = await attempt(server);
      expect(refused.status, server.name).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }

    // The waitlist: 3 an hour per email, whichever server is asked.
    const email = freshEmail('joiner');
    const join = (server: ServerProcess, address: string, who = email) =>
      call(server, 'POST', '/api/v1/waitlist', {
        ip: address,
        origin: PUBLIC_URL,
        body: { email: who, role: 'client' },
      });
    const perEmail = [
      await join(a, freshIp()),
      await join(b, freshIp()),
      await join(a, freshIp()),
      await join(b, freshIp()),
    ].map((answer) => answer.status);
    expect(perEmail).toEqual([202, 202, 202, 429]);

    // …and 20 per 10 minutes per client address.
    const address = freshIp();
    const perAddress: number[] = [];
    for (let index = 0; index < 20; index += 1)
      perAddress.push((await join(index % 2 === 0 ? a : b, address, freshEmail('many'))).status);
    expect(perAddress).toEqual(Array(20).fill(202));
    expect((await join(a, address, freshEmail('many'))).status).toBe(429);
    expect((await join(b, address, freshEmail('many'))).status).toBe(429);
  });

  it('enforces on one server a role change, a ban and a sign-out made through the other, within the bound', async () => {
    const { token: adminToken } = await signIn(a, 'admin@arete.local');
    const userId = async (email: string) => {
      const list = ok(
        await call(a, 'GET', `/api/v1/admin/users?query=${encodeURIComponent(email)}`, {
          ip: freshIp(),
          origin: PUBLIC_URL,
          token: adminToken,
        }),
        'user list',
      ) as { data: { id: string; email: string }[] };
      const found = list.data.find((user) => user.email === email);
      if (!found) throw new Error(`no user ${email}`);
      return found.id;
    };

    /**
     * Warms B's caches with `before`, makes the change through A, then polls B until it answers
     * `after`; returns how long that took after A's answer.
     */
    async function reaches(
      label: string,
      onB: () => Promise<string>,
      before: string,
      after: string,
      change: () => Promise<unknown>,
    ): Promise<number> {
      expect(await onB(), `${label} before`).toBe(before);
      await change();
      const changedAt = Date.now();
      await eventually(
        `${label} reaches B`,
        async () => ((await onB()) === after ? true : undefined),
        {
          withinMs: CACHE_BOUND_MS + SLACK_MS,
          everyMs: 50,
        },
      );
      return Date.now() - changedAt;
    }

    const asAdmin = (method: string, url: string, body?: unknown) =>
      call(a, method, url, { ip: freshIp(), origin: PUBLIC_URL, token: adminToken, body }).then(
        (answer) => ok(answer, `${method} ${url}`),
      );

    const person = async (email: string) => ({
      ...(await signIn(a, email)),
      id: await userId(email),
    });
    const [eve, ada, dan, cleo] = await Promise.all([
      person('client.eve@arete.local'),
      person('coach.ada@arete.local'),
      person('client.dan@arete.local'),
      person('client.cleo@arete.local'),
    ]);
    const status = (answer: Answer) => String(answer.status);
    // Reads every page makes are not limited: one address will do.
    const reader = freshIp();
    const onB = (token: string, url: string) =>
      call(b, 'GET', url, { ip: reader, origin: PUBLIC_URL, token });

    const took = await Promise.all([
      // Promoted to admin through A: B lets her into the admin API.
      reaches(
        'promotion',
        async () => status(await onB(eve.token, '/api/v1/admin/users')),
        '403',
        '200',
        () => asAdmin('PUT', `/api/v1/admin/users/${eve.id}/role`, { role: 'admin' }),
      ),
      // Demoted to client through A: B no longer lets her act as a coach.
      reaches(
        'demotion',
        async () =>
          String(
            (
              (await onB(ada.token, '/api/v1/users/me/check-coach-authorization')).body as {
                authorized?: boolean;
              }
            ).authorized,
          ),
        'true',
        'false',
        () => asAdmin('PUT', `/api/v1/admin/users/${ada.id}/role`, { role: 'client' }),
      ),
      // Banned through A: B refuses his token.
      reaches(
        'ban',
        async () => status(await onB(dan.token, '/api/v1/users/me')),
        '200',
        '401',
        () => asAdmin('POST', `/api/v1/admin/users/${dan.id}/ban`),
      ),
      // Signed out through A: B refuses the token of the ended session.
      reaches(
        'sign-out',
        async () => status(await onB(cleo.token, '/api/v1/users/me')),
        '200',
        '401',
        async () =>
          ok(
            await call(a, 'POST', '/api/auth/sign-out', {
              ip: cleo.ip,
              origin: PUBLIC_URL,
              cookie: cleo.cookie,
              body: {},
            }),
            'sign-out',
          ),
      ),
    ]);
    report(
      `reached the other server after (ms): promotion ${took[0]}, demotion ${took[1]}, ban ${took[2]}, sign-out ${took[3]}`,
    );
  });

  it('runs each job once while both run, and both take a share of the work', async () => {
    const { token } = await signIn(a, 'admin@arete.local');
    // A slow mail server: one invitation takes a while, so the work outlasts a runner's poll.
    sinkA.setDelay(150);
    sinkB.setDelay(150);
    const emails = Array.from({ length: 20 }, () => freshEmail('invited'));
    const imported = ok(
      await call(a, 'POST', '/api/v1/admin/approved-users/bulk', {
        ip: freshIp(),
        origin: PUBLIC_URL,
        token,
        body: { users: emails.map((email) => ({ email, role: 'client' })) },
      }),
      'import',
    );
    expect(imported.applied).toBe(true);

    const jobs = await eventually(
      'every invitation sent',
      async () => {
        const rows = await query<{ attempts: number; finished: boolean; email: string }>(
          `select jobs.attempts, jobs.finished_at is not null as finished, w.email
           from jobs join waitlist_entries w on w.id::text = jobs.payload->>'entryId'
           where jobs.kind = 'waitlist.invite' and w.email = any($1)`,
          [emails],
        );
        return rows.length === emails.length && rows.every((row) => row.finished)
          ? rows
          : undefined;
      },
      { withinMs: 30_000, everyMs: 200 },
    );
    sinkA.setDelay(0);
    sinkB.setDelay(0);
    expect(jobs.every((job) => job.attempts === 1)).toBe(true);

    const sentBy = (sink: SmtpSink) =>
      sink.accepted.flatMap((mail) => mail.to).filter((to) => emails.includes(to));
    const all = [...sentBy(sinkA), ...sentBy(sinkB)];
    expect(all.sort()).toEqual([...emails].sort());
    report(`invitations sent: ${sentBy(sinkA).length} by A, ${sentBy(sinkB).length} by B`);
    expect(sentBy(sinkA).length).toBeGreaterThan(0);
    expect(sentBy(sinkB).length).toBeGreaterThan(0);

    // Identity events (the role changes, ban and sign-ups above) were each handled once, too.
    const events = await query<{ attempts: number; finished: boolean }>(
      `select attempts, finished_at is not null as finished from jobs where kind = 'identity.event'`,
    );
    expect(events.length).toBeGreaterThan(0);
    await eventually(
      'every identity event handled',
      async () => {
        const waiting = await query(
          `select id from jobs where kind = 'identity.event' and finished_at is null`,
        );
        return waiting.length === 0 ? true : undefined;
      },
      { withinMs: 10_000 },
    );
    const handled = await query<{ attempts: number }>(
      `select attempts from jobs where kind = 'identity.event'`,
    );
    expect(handled.every((job) => job.attempts === 1)).toBe(true);
  });

  it('serves through one server a document uploaded through the other, from the shared bucket', async () => {
    const client = await signIn(a, 'client.cleo@arete.local');
    const file = textPdf([['Uploaded through one server, read through the other']]);
    const form = new FormData();
    form.append('category', 'reflection');
    form.append('file', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), 'both.pdf');
    const uploaded = await fetch(`${a.url}/api/v1/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.token}`, 'x-forwarded-for': client.ip },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const { id, sha256 } = (await uploaded.json()) as { id: string; sha256: string };

    const onB = { ip: client.ip, origin: PUBLIC_URL, token: client.token };
    const text = await eventually(
      'the document extracted',
      async () => {
        const body = ok(await call(b, 'GET', `/api/v1/documents/${id}/text`, onB), 'text');
        return body.status === 'extracted' ? body.text : undefined;
      },
      { withinMs: 30_000, everyMs: 200 },
    );
    expect(text).toBe('Uploaded through one server, read through the other');
    const downloaded = await fetch(`${b.url}/api/v1/documents/${id}/download`, {
      headers: { authorization: `Bearer ${client.token}`, 'x-forwarded-for': client.ip },
    });
    expect(downloaded.status).toBe(200);
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(file)).toBe(true);

    expect((await call(b, 'DELETE', `/api/v1/documents/${id}`, onB)).status).toBe(204);
    await eventually(
      'the object deleted from the bucket',
      async () => {
        const listed = await s3.send(new ListObjectsV2Command({ Bucket: S3_BUCKET }));
        const keys = (listed.Contents ?? []).map((object) => object.Key);
        return keys.includes(`documents/${sha256}`) ? undefined : true;
      },
      { withinMs: 15_000, everyMs: 200 },
    );
  });

  it('refuses to start a third server with a fresh DATA_DIR and no AUTH_SECRET, or another AUTH_SECRET', async () => {
    const fresh = launch('c-no-secret', { AUTH_SECRET: undefined, SMTP_URL: undefined });
    const other = launch('c-other-secret', {
      AUTH_SECRET: randomBytes(32).toString('hex'),
      SMTP_URL: undefined,
    });
    const [freshCode, otherCode] = await Promise.all([fresh.exited, other.exited]);
    expect(freshCode, tail(fresh.output().stdout)).toBe(1);
    expect(fresh.output().stderr).toContain('AUTH_SECRET is not set');
    expect(fresh.output().stderr).toContain(
      'Set AUTH_SECRET to the secret the database was set up with',
    );
    expect(otherCode, tail(other.output().stdout)).toBe(1);
    expect(other.output().stderr).toContain('AUTH_SECRET is set, but to another secret');
    // Still one key, and the two servers still serve tokens.
    expect(await query('select id from auth_jwks')).toHaveLength(1);
  });

  it('finishes on one server, once, a job the other was killed (SIGKILL) in the middle of', async () => {
    const { token } = await signIn(a, 'admin@arete.local');
    sinkA.hold(true);
    sinkB.hold(true);
    const email = freshEmail('held');
    const entry = ok(
      await call(a, 'POST', '/api/v1/admin/approved-users', {
        ip: freshIp(),
        origin: PUBLIC_URL,
        token,
        body: { email, role: 'coach' },
      }),
      'approve',
    );

    // Whichever server claimed the invitation is now sending it, and its mail server holds it.
    const holder = await eventually(
      'a server sending the invitation',
      async () => [a, b].find((server) => sinkOf(server).held.some((mail) => mail.to === email)),
      { withinMs: 15_000 },
    );
    const survivor = holder === a ? b : a;
    const [job] = await query<{ id: string; attempts: number; leased: boolean }>(
      `select id, attempts, lease_until > now() as leased from jobs
       where kind = 'waitlist.invite' and payload->>'entryId' = $1 and finished_at is null`,
      [entry.id],
    );
    expect(job).toMatchObject({ attempts: 1, leased: true });

    holder.child.kill('SIGKILL');
    expect(await holder.exited).toBeNull();
    const killedAt = Date.now();
    sinkOf(survivor).release();

    // The lease runs out (it was renewed while the dead server lived), then the survivor takes over.
    const finished = await eventually(
      'the survivor finishes the invitation',
      async () => {
        const [row] = await query<{ attempts: number; finished: boolean }>(
          'select attempts, finished_at is not null as finished from jobs where id = $1',
          [job?.id],
        );
        return row?.finished ? row : undefined;
      },
      { withinMs: JOB_LEASE_MS + 20_000, everyMs: 250 },
    );
    report(`taken over ${Date.now() - killedAt} ms after the kill, by ${survivor.name}`);
    expect(finished.attempts).toBe(2);
    const delivered = (sink: SmtpSink) =>
      sink.accepted.filter((mail) => mail.to.includes(email)).length;
    expect(delivered(sinkOf(survivor))).toBe(1);
    expect(delivered(sinkOf(holder))).toBe(0);
    const [recorded] = await query<{ invitation_id: string | null }>(
      'select invitation_id from waitlist_entries where id = $1',
      [entry.id],
    );
    expect(recorded?.invitation_id).toBeTruthy();
    // The survivor still serves: a token from it works on it.
    const again = await signIn(survivor, 'admin@arete.local');
    expect(
      (
        await call(survivor, 'GET', '/api/v1/users/me', {
          ip: again.ip,
          origin: PUBLIC_URL,
          token: again.token,
        })
      ).status,
    ).toBe(200);
    // Nothing went wrong on either server along the way (a refused start logs to its own stderr).
    expect(loggedErrors(a)).toEqual([]);
    expect(loggedErrors(b)).toEqual([]);
  }, 120_000);
});
