// The raw baseline of `npm run bench`: the least a Node server can do to answer each hot scenario,
// on the same database and with the same SQL as Arete, so that `arete / raw` is what our own code
// costs. node:http, pg (a pool of 10, as Arete's, named prepared statements, as Arete's), jose
// against the signing keys read once. No framework, no validation beyond what the SQL needs, no
// logging, no security headers, no session or role check against the database.
//
// Run by bench/run.ts in its own process: `node bench/raw.ts` with DATABASE_URL, ISSUER and PORT.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { decodeProtectedHeader, importJWK, type JWTPayload, jwtVerify } from 'jose';
import pg from 'pg';
import {
  goalProgress,
  type KeyResultValues,
  keyResultProgress,
  momentumOf,
} from '../src/server/modules/goals/progress.ts';
import { upload } from './raw-upload.ts';

const databaseUrl = process.env.DATABASE_URL;
const issuer = process.env.ISSUER;
const port = Number(process.env.PORT);
if (!databaseUrl || !issuer || !port) throw new Error('DATABASE_URL, ISSUER and PORT are needed');

const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
const keys = new Map<string, Awaited<ReturnType<typeof importJWK>>>();
for (const row of (await pool.query('select id, public_key, alg from auth_jwks')).rows) {
  keys.set(row.id, await importJWK(JSON.parse(row.public_key), row.alg ?? 'EdDSA'));
}

async function verified(request: IncomingMessage): Promise<JWTPayload | undefined> {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return undefined;
  const token = header.slice(7);
  try {
    const key = keys.get(decodeProtectedHeader(token).kid ?? '');
    if (!key) return undefined;
    return (await jwtVerify(token, key, { issuer, audience: issuer, algorithms: ['EdDSA'] }))
      .payload;
  } catch {
    return undefined;
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

async function me(request: IncomingMessage, response: ServerResponse) {
  const claims = await verified(request);
  if (!claims?.sub) return send(response, 401, { error: 'unauthorized' });
  const { rows } = await pool.query({
    name: 'raw-me',
    text: 'select id, name, email, email_verified, image, banned, public_metadata, created_at from auth_user where id = $1',
    values: [claims.sub],
  });
  const user = rows[0];
  if (!user) return send(response, 404, { error: 'not_found' });
  const [firstName, ...rest] = String(user.name).trim().split(/\s+/);
  const organization = claims.o as { id?: string } | undefined;
  send(response, 200, {
    id: user.id,
    email: user.email,
    emailVerified: user.email_verified,
    firstName: firstName || null,
    lastName: rest.join(' ') || null,
    imageUrl: user.image,
    role: user.public_metadata?.primary_role ?? 'pending',
    banned: user.banned ?? false,
    publicMetadata: user.public_metadata ?? {},
    createdAt: user.created_at.toISOString(),
    sessionId: claims.sid,
    activeOrganizationId: organization?.id ?? null,
  });
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = '';
  request.setEncoding('utf8');
  for await (const chunk of request) text += chunk;
  return text;
}

async function join(request: IncomingMessage, response: ServerResponse) {
  let body: { email?: unknown; role?: unknown; name?: unknown; note?: unknown };
  try {
    body = JSON.parse(await readBody(request));
  } catch {
    return send(response, 400, { error: 'bad_request' });
  }
  if (typeof body.email !== 'string' || (body.role !== 'coach' && body.role !== 'client'))
    return send(response, 400, { error: 'bad_request' });
  await pool.query({
    name: 'raw-join',
    text:
      'insert into waitlist_entries (email, name, note, role, status, waitlist_joined_at) ' +
      "values ($1, $2, $3, $4, 'pending', $5) on conflict (email) do nothing",
    values: [
      body.email.trim().toLowerCase(),
      typeof body.name === 'string' ? body.name.trim() : null,
      typeof body.note === 'string' ? body.note.trim() : null,
      body.role,
      new Date(),
    ],
  });
  send(response, 202, {
    status: 'received',
    message:
      'Thank you. If this address can be approved, an invitation to sign up will follow by email.',
  });
}

const ENTRY_COLUMNS =
  'id, email, name, note, role, status, waitlist_joined_at, approved_at, approved_by, ' +
  'rejected_at, notes, invited_at, joined_at, created_at, updated_at';

async function waitlist(request: IncomingMessage, response: ServerResponse, url: URL) {
  const claims = await verified(request);
  if (!claims?.sub) return send(response, 401, { error: 'unauthorized' });
  // The role comes from the token: the raw handler reads nothing but the page.
  if ((claims.metadata as { primary_role?: string } | undefined)?.primary_role !== 'admin')
    return send(response, 403, { error: 'forbidden' });
  const status = url.searchParams.get('status');
  const query = url.searchParams.get('query')?.trim();
  const pageSize = Number(url.searchParams.get('pageSize') ?? 50);
  const page = Number(url.searchParams.get('page') ?? 1);
  const conditions: string[] = [];
  const values: unknown[] = [];
  if (status) {
    values.push(status);
    conditions.push(`status = $${values.length}`);
  }
  if (query) {
    values.push(`%${query.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
    conditions.push(`(email ilike $${values.length} or name ilike $${values.length})`);
  }
  const where = conditions.length > 0 ? ` where ${conditions.join(' and ')}` : '';
  const shape = `${status ? 's' : ''}${query ? 'q' : ''}`;
  const [rows, total] = await Promise.all([
    pool.query({
      name: `raw-waitlist-page-${shape}`,
      text:
        `select ${ENTRY_COLUMNS} from waitlist_entries${where} ` +
        `order by created_at desc, id desc limit $${values.length + 1} offset $${values.length + 2}`,
      values: [...values, pageSize, (page - 1) * pageSize],
    }),
    pool.query({
      name: `raw-waitlist-count-${shape}`,
      text: `select count(*)::int as value from waitlist_entries${where}`,
      values,
    }),
  ]);
  send(response, 200, {
    data: rows.rows.map((entry) => ({
      id: entry.id,
      email: entry.email,
      name: entry.name,
      note: entry.note,
      role: entry.role,
      status: entry.status,
      waitlistJoinedAt: iso(entry.waitlist_joined_at),
      approvedAt: iso(entry.approved_at),
      approvedBy: entry.approved_by,
      rejectedAt: iso(entry.rejected_at),
      notes: entry.notes,
      invitedAt: iso(entry.invited_at),
      joinedAt: iso(entry.joined_at),
      createdAt: entry.created_at.toISOString(),
      updatedAt: entry.updated_at.toISOString(),
    })),
    totalCount: total.rows[0]?.value ?? 0,
    page,
    pageSize,
  });
}

const TENANT_COLUMNS =
  't.id, t.identity_org_id, t.name, t.slug, t.kind, t.metadata, t.created_at, t.updated_at, ' +
  't.synced_at, t.deleted_at, m.role';

const listTenants = (userId: string) =>
  pool.query({
    name: 'raw-tenants',
    text:
      `select ${TENANT_COLUMNS} from tenant_members m join tenants t on t.identity_org_id = m.identity_org_id ` +
      'where m.identity_user_id = $1 and t.deleted_at is null order by t.name, t.id',
    values: [userId],
  });

/**
 * What `sync_from_clerk=true` does with the embedded provider, by hand: the user's memberships
 * from the provider's tables, compared with the mirror (rewritten, in one transaction and in one
 * order, only when they differ), and the user's metadata read (to compare `organization_roles`).
 */
async function syncTenants(userId: string) {
  const [{ rows: memberships }, mirrored] = await Promise.all([
    pool.query({
      name: 'raw-memberships',
      text:
        'select o.id, o.name, o.slug, o.metadata, m.role from auth_member m ' +
        'join auth_organization o on o.id = m.organization_id where m.user_id = $1 order by m.created_at',
      values: [userId],
    }),
    listTenants(userId),
  ]);
  const byOrg = new Map(mirrored.rows.map((row) => [row.identity_org_id, row]));
  const orgs = memberships
    .map((row) => ({
      ...row,
      role: row.role === 'owner' ? 'admin' : row.role,
      metadata: JSON.parse(row.metadata ?? '{}'),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const same =
    orgs.length === mirrored.rows.length &&
    orgs.every((org) => {
      const row = byOrg.get(org.id);
      return row && row.role === org.role && row.name === org.name && row.slug === org.slug;
    });
  if (!same) {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const now = new Date();
      if (orgs.length > 0)
        await client.query(
          'insert into tenants (identity_org_id, name, slug, kind, metadata, created_at, updated_at, synced_at) ' +
            'select *, $6::timestamptz, $6::timestamptz, $6::timestamptz from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[]) ' +
            'on conflict (identity_org_id) do update set name = excluded.name, slug = excluded.slug, kind = excluded.kind, ' +
            'metadata = excluded.metadata, updated_at = excluded.updated_at, synced_at = excluded.synced_at',
          [
            orgs.map((org) => org.id),
            orgs.map((org) => org.name),
            orgs.map((org) => org.slug),
            orgs.map((org) => org.metadata.kind ?? 'client_company'),
            orgs.map((org) => JSON.stringify(org.metadata)),
            now,
          ],
        );
      await client.query(
        'delete from tenant_members where identity_user_id = $1 and not (identity_org_id = any($2::text[]))',
        [userId, orgs.map((org) => org.id)],
      );
      if (orgs.length > 0)
        await client.query(
          'insert into tenant_members (identity_org_id, identity_user_id, role, created_at, updated_at) ' +
            'select org, $2, role, $4, $4 from unnest($1::text[], $3::text[]) as t(org, role) ' +
            'on conflict (identity_org_id, identity_user_id) do update set role = excluded.role, ' +
            'updated_at = excluded.updated_at where tenant_members.role <> excluded.role',
          [orgs.map((org) => org.id), userId, orgs.map((org) => org.role), now],
        );
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    } finally {
      client.release();
    }
  }
  await pool.query({
    name: 'raw-user-metadata',
    text: 'select public_metadata from auth_user where id = $1',
    values: [userId],
  });
  return same ? mirrored : listTenants(userId);
}

async function tenantsOfUser(request: IncomingMessage, response: ServerResponse, url: URL) {
  const claims = await verified(request);
  if (!claims?.sub) return send(response, 401, { error: 'unauthorized' });
  const sync = url.searchParams.get('sync_from_clerk') !== 'false';
  const [rows, primary] = await Promise.all([
    sync ? syncTenants(claims.sub) : listTenants(claims.sub),
    pool.query({
      name: 'raw-primary-organization',
      text: 'select primary_organization_id from profiles where identity_user_id = $1',
      values: [claims.sub],
    }),
  ]);
  const primaryId = primary.rows[0]?.primary_organization_id ?? null;
  const data = rows.rows.map((tenant) => ({
    id: tenant.id,
    identityOrgId: tenant.identity_org_id,
    name: tenant.name,
    slug: tenant.slug,
    kind: tenant.kind,
    metadata: tenant.metadata,
    role: tenant.role,
    isPrimary: tenant.identity_org_id === primaryId,
    createdAt: tenant.created_at.toISOString(),
    updatedAt: tenant.updated_at.toISOString(),
    syncedAt: iso(tenant.synced_at),
    deletedAt: iso(tenant.deleted_at),
  }));
  data.sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  send(response, 200, { data, source: sync ? 'provider' : 'database', warning: null });
}

const EFFECTIVE_STATUS =
  "case when r.status = 'pending' and r.expires_at < now() then 'expired' else r.status end";

/** A coach's relationships, first page, with both parties' profiles, the practice and the counts. */
async function relationshipsOfCoach(request: IncomingMessage, response: ServerResponse, url: URL) {
  const claims = await verified(request);
  if (!claims?.sub) return send(response, 401, { error: 'unauthorized' });
  const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
  const [list, counted] = await Promise.all([
    pool.query({
      name: 'raw-relationships',
      text:
        `select r.*, ${EFFECTIVE_STATUS} as effective_status, cp.first_name as client_first_name, ` +
        'cp.last_name as client_last_name, cp.headline as client_headline, kp.first_name as coach_first_name, ' +
        'kp.last_name as coach_last_name, kp.headline as coach_headline, t.name as practice_name, t.metadata as practice_metadata ' +
        'from relationships r left join profiles cp on cp.identity_user_id = r.client_user_id ' +
        'left join profiles kp on kp.identity_user_id = r.coach_user_id ' +
        'left join tenants t on t.identity_org_id = r.coach_org_id ' +
        'where r.coach_user_id = $1 order by r.created_at desc, r.id desc limit $2 offset 0',
      values: [claims.sub, pageSize],
    }),
    pool.query({
      name: 'raw-relationship-counts',
      text: `select ${EFFECTIVE_STATUS} as status, count(*)::int as count from relationships r where r.coach_user_id = $1 group by 1`,
      values: [claims.sub],
    }),
  ]);
  const data = list.rows.map((row) => ({
    id: row.id,
    status: row.effective_status,
    origin: row.origin,
    message: row.message,
    coach: {
      identityUserId: row.coach_user_id,
      email: null,
      firstName: row.coach_first_name,
      lastName: row.coach_last_name,
      headline: row.coach_headline,
    },
    client: {
      identityUserId: row.client_user_id,
      email: row.client_email,
      firstName: row.client_first_name,
      lastName: row.client_last_name,
      headline: row.client_headline,
    },
    practice: row.practice_name
      ? {
          identityOrgId: row.coach_org_id,
          name: row.practice_name,
          specialties: row.practice_metadata.specialties ?? [],
          philosophy: row.practice_metadata.philosophy ?? null,
          experienceYears: row.practice_metadata.experience_years ?? null,
        }
      : null,
    invitationId: row.invitation_id,
    invitationError: row.invitation_error,
    expiresAt: iso(row.expires_at),
    startedAt: iso(row.started_at),
    endedAt: iso(row.ended_at),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    allowedActions: row.effective_status === 'active' ? ['pause', 'complete'] : [],
  }));
  const counts = Object.fromEntries(counted.rows.map((row) => [row.status, row.count]));
  const totalCount = counted.rows.reduce((sum, row) => sum + row.count, 0);
  send(response, 200, { data, totalCount, counts });
}

type KeyResultText = { id: string; title: string; unit: string | null; weight: number };

/**
 * A client's goals with progress and momentum: Arete's statement (each goal's row with the copies
 * of its parts that the triggers keep) and the same pure functions for progress and momentum (they
 * are the answer, not the framework around it).
 */
async function goalsOfClient(request: IncomingMessage, response: ServerResponse) {
  const claims = await verified(request);
  if (!claims?.sub) return send(response, 401, { error: 'unauthorized' });
  // pg reads a date as a Date at midnight local time: Arete's reads it as text.
  const { rows } = await pool.query({
    name: 'raw-goals',
    text: `select g.id, g.client_user_id, g.relationship_id, g.title, g.description, g.why_it_matters,
        g.area, g.status, g.source, g.proposed_by, g.visibility, g.target_date::text as target_date,
        g.started_at, g.completed_at, g.created_at, g.updated_at, g.key_results_json,
        g.milestones_json, g.check_in_count, g.last_check_in_at, g.last_check_in_confidence
      from goals g where g.client_user_id = $1 order by g.created_at desc, g.id desc`,
    values: [claims.sub],
  });
  const now = new Date();
  const data = rows.map((goal) => {
    const results = goal.key_results_json as (KeyResultValues & KeyResultText)[];
    const milestones = goal.milestones_json as {
      id: string;
      title: string;
      doneAt: string | null;
    }[];
    const lastCheckIn = goal.last_check_in_at
      ? { at: goal.last_check_in_at as Date, confidence: goal.last_check_in_confidence as number }
      : null;
    const progress = goalProgress(
      goal.status,
      results,
      milestones.map((milestone) => ({ done: milestone.doneAt !== null })),
    );
    return {
      id: goal.id,
      clientUserId: goal.client_user_id,
      relationshipId: goal.relationship_id,
      title: goal.title,
      description: goal.description,
      whyItMatters: goal.why_it_matters,
      area: goal.area,
      status: goal.status,
      source: goal.source,
      proposedBy: goal.proposed_by,
      visibility: goal.visibility,
      targetDate: goal.target_date,
      startedAt: iso(goal.started_at),
      completedAt: iso(goal.completed_at),
      keyResults: results.map((result) => ({
        id: result.id,
        title: result.title,
        startValue: result.startValue,
        currentValue: result.currentValue,
        targetValue: result.targetValue,
        unit: result.unit,
        weight: result.weight,
        progress: keyResultProgress(result),
      })),
      milestones: milestones.map((milestone) => ({
        id: milestone.id,
        title: milestone.title,
        doneAt: milestone.doneAt && new Date(milestone.doneAt).toISOString(),
      })),
      progress,
      momentum: momentumOf(
        {
          status: goal.status,
          progress,
          startedAt: goal.started_at,
          createdAt: goal.created_at,
          targetDate: goal.target_date,
          lastCheckIn,
        },
        now,
      ),
      lastCheckInAt: iso(lastCheckIn?.at ?? null),
      checkInCount: goal.check_in_count,
      createdAt: goal.created_at.toISOString(),
      updatedAt: goal.updated_at.toISOString(),
    };
  });
  const inProgress = rows.filter((goal) => goal.status === 'in_progress').length;
  send(response, 200, { data, focus: { limit: 3, inProgress } });
}

async function uploadDocument(request: IncomingMessage, response: ServerResponse) {
  const claims = await verified(request);
  if (!claims?.sub) return send(response, 401, { error: 'unauthorized' });
  await upload(pool, claims.sub, request, response);
}

// Requests still running when the server stops: the pool ends after them, not under them.
const inFlight = new Set<Promise<unknown>>();

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://raw');
  const route = `${request.method} ${url.pathname}`;
  const handled =
    route === 'GET /api/v1/users/me'
      ? me(request, response)
      : route === 'POST /api/v1/waitlist'
        ? join(request, response)
        : route === 'GET /api/v1/admin/waitlist'
          ? waitlist(request, response, url)
          : route === 'GET /api/v1/tenants/me/get-tenants'
            ? tenantsOfUser(request, response, url)
            : route === 'GET /api/v1/relationships/coach'
              ? relationshipsOfCoach(request, response, url)
              : route === 'GET /api/v1/goals'
                ? goalsOfClient(request, response)
                : route === 'POST /api/v1/documents'
                  ? uploadDocument(request, response)
                  : route === 'GET /healthz'
                    ? Promise.resolve(send(response, 200, { status: 'ok' }))
                    : Promise.resolve(send(response, 404, { error: 'not_found' }));
  const settled = handled.catch((error: unknown) => {
    console.error(error);
    if (!response.headersSent) send(response, 500, { error: 'internal' });
  });
  inFlight.add(settled);
  void settled.finally(() => inFlight.delete(settled));
});
server.keepAliveTimeout = 72_000;
server.listen(port, '127.0.0.1');
process.once('SIGTERM', () => {
  server.close(() => void Promise.all(inFlight).then(() => pool.end()));
  server.closeAllConnections();
});
