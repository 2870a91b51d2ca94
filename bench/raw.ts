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
          : route === 'GET /healthz'
            ? Promise.resolve(send(response, 200, { status: 'ok' }))
            : Promise.resolve(send(response, 404, { error: 'not_found' }));
  handled.catch((error: unknown) => {
    console.error(error);
    if (!response.headersSent) send(response, 500, { error: 'internal' });
  });
});
server.keepAliveTimeout = 72_000;
server.listen(port, '127.0.0.1');
process.once('SIGTERM', () => {
  server.close(() => void pool.end());
  server.closeAllConnections();
});
