// Signs in as the demo admin once, before the load starts, and fills the registry.
import { importJWK, SignJWT } from 'jose';
import pg from 'pg';

/**
 * The server's AUTH_SECRET on a bench database: fixed, because the database is reused from run to
 * run and its signing keys must stay readable; and known, because the cold-cache tokens are signed
 * here with the key it encrypts. Never a secret of any other server.
 */
export const benchAuthSecret =
  process.env.BENCH_AUTH_SECRET ?? 'arete-bench-only-secret-never-use-it-elsewhere';

/** Enough that no token comes round again within the 5-second caches at up to 12,000 requests/s. */
export const coldUserCount = Number(process.env.BENCH_COLD_USERS ?? 60_000);

export type BenchSession = {
  /** A fresh API token of the demo admin (tokens live 10 minutes: `refresh` before each run). */
  adminToken: string;
  refresh(): Promise<void>;
  /** Tokens of many users, each with its own session, for the cold-cache scenario (PostgreSQL). */
  coldTokens: string[];
};

export async function signInAsDemoAdmin(url: string): Promise<BenchSession> {
  const signIn = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: 'admin@arete.local', password: 'arete-demo-2026' }),
  });
  if (!signIn.ok) throw new Error(`demo admin sign-in failed: ${signIn.status}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  const session: BenchSession = {
    adminToken: '',
    coldTokens: [],
    async refresh() {
      const token = await fetch(`${url}/api/auth/token`, { headers: { cookie } });
      if (!token.ok) throw new Error(`token failed: ${token.status}`);
      session.adminToken = ((await token.json()) as { token: string }).token;
    },
  };
  await session.refresh();
  return session;
}

/** Fills the registry through the import endpoint, as an admin would, without sending mail. */
export async function seedRegistry(
  url: string,
  session: BenchSession,
  size: number,
): Promise<void> {
  const users = Array.from({ length: size }, (_, index) => ({
    email: `seed.${index}@example.com`,
    role: index % 2 === 0 ? 'coach' : 'client',
  }));
  const response = await fetch(`${url}/api/v1/admin/approved-users/bulk?notify=false`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.adminToken}` },
    body: JSON.stringify({ users }),
  });
  if (!response.ok)
    throw new Error(`seeding the registry failed: ${response.status} ${await response.text()}`);
}

/** How many organizations the demo admin belongs to in the tenants scenarios (issue 7: 20). */
export const benchOrganizationCount = Number(process.env.BENCH_ORGANIZATIONS ?? 20);

/**
 * Makes the demo admin a member of `count` organizations, through the API (provider first), as a
 * person would; a bench database reused from an earlier run already has them.
 */
export async function seedOrganizations(
  url: string,
  session: BenchSession,
  count: number,
): Promise<void> {
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${session.adminToken}`,
  };
  const listed = await fetch(`${url}/api/v1/tenants/me/get-tenants?sync_from_clerk=true`, {
    headers,
  });
  if (!listed.ok) throw new Error(`listing organizations failed: ${listed.status}`);
  const have = ((await listed.json()) as { data: unknown[] }).data.length;
  for (let index = have; index < count; index++) {
    const created = await fetch(`${url}/api/v1/tenants/create`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: `Bench Organization ${index + 1}`,
        metadata: { kind: 'client_company', industry: 'Benchmarks', size: '11-50' },
      }),
    });
    if (!created.ok)
      throw new Error(`creating an organization failed: ${created.status} ${await created.text()}`);
  }
}

/** Issue 8: the coach's clients, and the relationships in the whole database. */
export const benchCoachClients = 500;
export const benchRelationships = 10_000;

/**
 * The demo admin as a coach of 500 clients (with profiles, mostly active) in a practice of their
 * own, among 10,000 relationships of 200 other coaches, written straight into the bench database.
 * A database that has them from an earlier run is left as it is.
 */
export async function seedRelationships(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      "select count(*)::int as count from relationships where coach_org_id = 'bench-practice'",
    );
    if (rows[0]?.count === benchRelationships) return;
    await client.query('begin');
    await client.query("delete from relationships where coach_org_id = 'bench-practice'");
    await client.query(
      `insert into tenants (identity_org_id, name, slug, kind, metadata, synced_at)
       values ('bench-practice', 'Bench Practice', 'bench-practice', 'coach_practice',
               '{"kind":"coach_practice","specialties":["leadership"],"experience_years":9,"philosophy":"Measure."}', now())
       on conflict do nothing`,
    );
    await client.query(
      `insert into profiles (identity_user_id, first_name, last_name, headline)
       select 'bench-client-' || i, 'Client', 'Number ' || i, 'Bench client'
       from generate_series(1, $1::int) as i
       on conflict do nothing`,
      [benchCoachClients],
    );
    await client.query(
      `insert into relationships (coach_user_id, client_user_id, client_email, coach_org_id, origin,
         status, started_at, created_by, updated_by, created_at, updated_at)
       select case when i <= $1 then (select id from auth_user where email = 'admin@arete.local')
                   else 'bench-coach-' || (i % 200) end,
              case when i <= $1 then 'bench-client-' || i else 'bench-other-' || i end,
              'bench.client.' || i || '@example.com', 'bench-practice', 'invitation',
              case when i % 10 = 0 then 'paused' else 'active' end,
              now() - make_interval(mins => i), 'bench', 'bench',
              now() - make_interval(mins => i), now() - make_interval(mins => i)
       from generate_series(1, $2::int) as i`,
      [benchCoachClients, benchRelationships],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Removes what earlier runs on this bench database left: waitlist joins pile up otherwise, and so
 * do the `upload` scenario's documents, their audit entries and their extraction jobs (thousands,
 * still waiting: a server started on the database would work through them first).
 */
export async function forgetEarlierRuns(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("delete from waitlist_entries where email like 'bench.%@example.com'");
    const admin = "(select id from auth_user where email = 'admin@arete.local')";
    await client.query(`delete from documents where owner_user_id in ${admin}`);
    await client.query("delete from jobs where kind like 'documents.%'");
    await client.query(
      `delete from audit_log where action = 'document.upload' and actor in ${admin}`,
    );
  } finally {
    await client.end();
  }
}

/**
 * `count` users with one live session each, written straight into the bench database, and an API
 * token for each, signed with the server's own signing key (decrypted with the bench's AUTH_SECRET)
 * and carrying the claims `GET /api/auth/token` gives. Fetching 60,000 tokens over HTTP would
 * need 60,000 sessions signed in with a password first.
 */
export async function mintColdTokens(input: {
  databaseUrl: string;
  authSecret: string;
  issuer: string;
  count: number;
}): Promise<string[]> {
  const { symmetricDecrypt } = await import('better-auth/crypto');
  const client = new pg.Client({ connectionString: input.databaseUrl });
  await client.connect();
  try {
    await client.query(
      `insert into auth_user (id, name, email, email_verified, created_at, updated_at, public_metadata)
       select 'bench-cold-' || i, 'Cold Bench ' || i, 'bench.cold.' || i || '@example.com', true,
              now() at time zone 'utc', now() at time zone 'utc', '{"primary_role":"client"}'::jsonb
       from generate_series(1, $1::int) as i
       on conflict do nothing`,
      [input.count],
    );
    await client.query(
      `insert into auth_session (id, expires_at, token, created_at, updated_at, user_id)
       select 'bench-cold-session-' || i, (now() at time zone 'utc') + interval '1 day',
              'bench-cold-token-' || i, now() at time zone 'utc', now() at time zone 'utc',
              'bench-cold-' || i
       from generate_series(1, $1::int) as i
       on conflict (id) do update set expires_at = excluded.expires_at`,
      [input.count],
    );
    const {
      rows: [key],
    } = await client.query(
      'select id, private_key, alg from auth_jwks order by created_at desc limit 1',
    );
    if (!key) throw new Error('the database holds no signing key');
    const privateJwk = await symmetricDecrypt({
      key: input.authSecret,
      data: JSON.parse(key.private_key),
    });
    const alg = key.alg ?? 'EdDSA';
    const privateKey = await importJWK(JSON.parse(privateJwk), alg);
    const tokens: string[] = [];
    for (let i = 1; i <= input.count; i++) {
      tokens.push(
        await new SignJWT({ sid: `bench-cold-session-${i}`, metadata: { primary_role: 'client' } })
          .setProtectedHeader({ alg, kid: key.id })
          .setSubject(`bench-cold-${i}`)
          .setIssuer(input.issuer)
          .setAudience(input.issuer)
          .setIssuedAt()
          .setExpirationTime('2h')
          .sign(privateKey),
      );
    }
    return tokens;
  } finally {
    await client.end();
  }
}
