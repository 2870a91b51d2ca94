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
  /** A token of the client whose goals the `goals` scenario lists (PostgreSQL). */
  goalsToken: string;
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
    goalsToken: '',
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
 * Signs API tokens as the server would: with its own signing key (decrypted with the bench's
 * AUTH_SECRET), carrying the claims `GET /api/auth/token` gives. Fetching thousands of tokens over
 * HTTP would need as many sessions signed in with a password first.
 */
async function tokenSigner(client: pg.Client, authSecret: string, issuer: string) {
  const { symmetricDecrypt } = await import('better-auth/crypto');
  const {
    rows: [key],
  } = await client.query(
    'select id, private_key, alg from auth_jwks order by created_at desc limit 1',
  );
  if (!key) throw new Error('the database holds no signing key');
  const privateJwk = await symmetricDecrypt({ key: authSecret, data: JSON.parse(key.private_key) });
  const alg = key.alg ?? 'EdDSA';
  const privateKey = await importJWK(JSON.parse(privateJwk), alg);
  return (userId: string, sessionId: string, role: string) =>
    new SignJWT({ sid: sessionId, metadata: { primary_role: role } })
      .setProtectedHeader({ alg, kid: key.id })
      .setSubject(userId)
      .setIssuer(issuer)
      .setAudience(issuer)
      .setIssuedAt()
      .setExpirationTime('2h')
      .sign(privateKey);
}

type TokenInput = { databaseUrl: string; authSecret: string; issuer: string };

/** Users `<prefix>1…<prefix>count`, each with one live session `<prefix>session-<i>`. */
async function insertUsers(client: pg.Client, prefix: string, role: string, count: number) {
  await client.query(
    `insert into auth_user (id, name, email, email_verified, created_at, updated_at, public_metadata)
     select $1 || i, 'Bench ' || i, $1 || i || '@example.com', true,
            now() at time zone 'utc', now() at time zone 'utc', jsonb_build_object('primary_role', $2::text)
     from generate_series(1, $3::int) as i
     on conflict do nothing`,
    [prefix, role, count],
  );
  await client.query(
    `insert into auth_session (id, expires_at, token, created_at, updated_at, user_id)
     select $1 || 'session-' || i, (now() at time zone 'utc') + interval '1 day',
            $1 || 'token-' || i, now() at time zone 'utc', now() at time zone 'utc', $1 || i
     from generate_series(1, $2::int) as i
     on conflict (id) do update set expires_at = excluded.expires_at`,
    [prefix, count],
  );
}

/** `count` client users with one live session each, written straight into the bench database. */
export async function mintColdTokens(input: TokenInput & { count: number }): Promise<string[]> {
  const client = new pg.Client({ connectionString: input.databaseUrl });
  await client.connect();
  try {
    await insertUsers(client, 'bench-cold-', 'client', input.count);
    const sign = await tokenSigner(client, input.authSecret, input.issuer);
    const tokens: string[] = [];
    for (let i = 1; i <= input.count; i++)
      tokens.push(await sign(`bench-cold-${i}`, `bench-cold-session-${i}`, 'client'));
    return tokens;
  } finally {
    await client.end();
  }
}

/** Issue 10: the client's goal list holds 50 goals with 20 check-ins each. */
export const benchGoals = 50;
export const benchCheckInsPerGoal = 20;
const GOALS_CLIENT = 'bench-goals-1';

/**
 * A client (`bench-goals-1`) with 50 goals of every status, each with two key results, two
 * milestones and 20 check-ins, written straight into the bench database (check-ins are
 * append-only, so a database that has them from an earlier run keeps them); returns a token of
 * that client.
 */
export async function seedGoals(input: TokenInput): Promise<string> {
  const client = new pg.Client({ connectionString: input.databaseUrl });
  await client.connect();
  try {
    await insertUsers(client, 'bench-goals-', 'client', 1);
    const { rows } = await client.query(
      'select count(*)::int as count from goals where client_user_id = $1',
      [GOALS_CLIENT],
    );
    if (rows[0]?.count !== benchGoals) {
      await client.query('begin');
      await client.query(insertGoals, [GOALS_CLIENT, benchGoals]);
      await client.query(insertGoalParts, [GOALS_CLIENT]);
      await client.query(insertCheckIns, [GOALS_CLIENT, benchCheckInsPerGoal]);
      await client.query('commit');
    }
    const sign = await tokenSigner(client, input.authSecret, input.issuer);
    return await sign(GOALS_CLIENT, 'bench-goals-session-1', 'client');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await client.end();
  }
}

// Three in progress (the focus limit), the rest spread over the other statuses; started 40 to 89
// days ago with target dates ahead, so that momentum has every case to work out.
const insertGoals = `
  insert into goals (client_user_id, title, description, area, status, source, visibility,
    target_date, started_at, completed_at, created_by, updated_by, created_at, updated_at)
  select $1, 'Bench goal ' || i, 'A goal of the bench, number ' || i,
         (array['career','leadership','wellbeing','relationships','skills','other'])[1 + i % 6],
         case when i <= 3 then 'in_progress'
              else (array['not_started','on_hold','completed','abandoned','proposed'])[1 + i % 5] end,
         'manual', case when i % 2 = 0 then 'shared' else 'private' end,
         (current_date + (i % 60))::date, now() - make_interval(days => 40 + i),
         null, $1, $1, now() - make_interval(days => 40 + i), now()
  from generate_series(1, $2::int) as i`;

const insertGoalParts = `
  with bench_goals as (select id from goals where client_user_id = $1),
  key_results as (
    insert into goal_key_results (goal_id, position, title, start_value, current_value, target_value, unit, weight)
    select id, k - 1, 'Key result ' || k, 0, 4 * k, 10 * k, 'times', k from bench_goals, generate_series(1, 2) as k
  )
  insert into goal_milestones (goal_id, position, title, done_at)
  select id, m - 1, 'Milestone ' || m, case when m = 1 then now() - interval '10 days' end
  from bench_goals, generate_series(1, 2) as m`;

const insertCheckIns = `
  insert into goal_check_ins (goal_id, values, milestones, confidence, note, progress, created_by, created_at)
  select g.id, jsonb_build_array(jsonb_build_object('keyResultId', kr.id, 'value', c / 2.0)), '[]'::jsonb,
         1 + c % 5, 'Check-in ' || c, c / 40.0, $1, g.created_at + make_interval(days => c * 2)
  from goals g
  join goal_key_results kr on kr.goal_id = g.id and kr.position = 0
  cross join generate_series(1, $2::int) as c
  where g.client_user_id = $1`;
