// The part of Clerk's Backend API that the Arete server calls (src/server/identity/clerk/*.ts,
// through @clerk/backend), on the Frontend API stub's own memory: a user who signed up in the
// browser is the one the server reads. Answers in the Backend API's snake_case JSON. Unknown routes
// answer 404 and are kept in `unhandled`, as the Frontend API's are.
import { errorBody, type FapiRequest, type FapiResponse, readQuery } from './http.ts';
import { type Json, organizationJson, userCore } from './json.ts';
import { type Membership, newId, type Organization, type Store, type User } from './state.ts';

type Answer = { status?: number; body: unknown };
type Route = {
  method: string;
  pattern: RegExp;
  run(input: { params: string[]; query: URLSearchParams; body: Json }): Answer;
};

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Clerk's metadata update: a deep merge in which `null` deletes the key. */
export function mergeMetadata(current: Json, patch: Json): Json {
  const result: Json = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else if (isRecord(value) && isRecord(result[key]))
      result[key] = mergeMetadata(result[key] as Json, value);
    else result[key] = value;
  }
  return result;
}

export function backendUserJson(user: User): Json {
  return {
    ...userCore(user),
    email_addresses: [
      {
        object: 'email_address',
        id: user.emailId,
        email_address: user.email,
        verification: { status: 'verified', strategy: 'email_code', attempts: 1, expire_at: null },
        linked_to: [],
      },
    ],
    private_metadata: {},
    external_id: null,
    last_sign_in_at: null,
    banned: false,
    locked: false,
    last_active_at: null,
  };
}

function backendOrganizationJson(store: Store, organization: Organization): Json {
  const members = [...store.memberships.values()].filter((m) => m.orgId === organization.id);
  return {
    ...organizationJson(organization, members.length),
    admin_delete_enabled: true,
    public_metadata: organization.publicMetadata ?? {},
    private_metadata: {},
    created_by: '',
  };
}

function membershipJson(store: Store, membership: Membership): Json {
  const organization = store.organizations.get(membership.orgId);
  const user = store.users.get(membership.userId);
  return {
    object: 'organization_membership',
    id: membership.id,
    role: membership.role,
    role_name: membership.role === 'org:admin' ? 'Admin' : 'Member',
    permissions: [],
    public_metadata: {},
    private_metadata: {},
    created_at: membership.createdAt,
    updated_at: membership.updatedAt,
    organization: organization && backendOrganizationJson(store, organization),
    public_user_data: {
      user_id: membership.userId,
      identifier: user?.email ?? '',
      first_name: user?.firstName ?? null,
      last_name: user?.lastName ?? null,
      image_url: '',
      has_image: false,
    },
  };
}

function page<T>(items: T[], query: URLSearchParams) {
  const offset = Number(query.get('offset') ?? 0);
  const limit = Number(query.get('limit') ?? 10);
  return { data: items.slice(offset, offset + limit), total_count: items.length };
}

const notFound = (what: string): Answer => ({
  status: 404,
  body: errorBody({ code: 'resource_not_found', message: `${what} not found` }),
});

/** Users as `GET /v1/users` filters them: by email address (any of them) and a free-text query. */
function usersMatching(store: Store, query: URLSearchParams): User[] {
  const emails = query.getAll('email_address').map((email) => email.trim().toLowerCase());
  const text = query.get('query')?.trim().toLowerCase();
  return [...store.users.values()]
    .filter((user) => emails.length === 0 || emails.includes(user.email))
    .filter(
      (user) =>
        !text ||
        [user.email, user.firstName ?? '', user.lastName ?? '', user.id].some((field) =>
          field.toLowerCase().includes(text),
        ),
    )
    .sort((a, b) => b.createdAt - a.createdAt);
}

function organizationByIdOrSlug(store: Store, idOrSlug: string): Organization | undefined {
  return (
    store.organizations.get(idOrSlug) ??
    [...store.organizations.values()].find((organization) => organization.slug === idOrSlug)
  );
}

function routesFor(store: Store): Route[] {
  const user = (id: string | undefined) => (id ? store.users.get(id) : undefined);
  return [
    {
      method: 'GET',
      pattern: /^\/v1\/users$/,
      run: ({ query }) => {
        const offset = Number(query.get('offset') ?? 0);
        const limit = Number(query.get('limit') ?? 10);
        return {
          body: usersMatching(store, query)
            .slice(offset, offset + limit)
            .map(backendUserJson),
        };
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/users\/count$/,
      run: ({ query }) => ({
        body: { object: 'total_count', total_count: usersMatching(store, query).length },
      }),
    },
    {
      method: 'GET',
      pattern: /^\/v1\/users\/([^/]+)$/,
      run: ({ params }) => {
        const found = user(params[0]);
        return found ? { body: backendUserJson(found) } : notFound('user');
      },
    },
    {
      method: 'PATCH',
      pattern: /^\/v1\/users\/([^/]+)\/metadata$/,
      run: ({ params, body }) => {
        const found = user(params[0]);
        if (!found) return notFound('user');
        if (isRecord(body.public_metadata)) {
          found.publicMetadata = mergeMetadata(found.publicMetadata, body.public_metadata);
          found.updatedAt = Date.now();
        }
        return { body: backendUserJson(found) };
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/users\/([^/]+)\/organization_memberships$/,
      run: ({ params, query }) =>
        user(params[0])
          ? {
              body: page(
                store.membershipsOf(params[0] ?? '').map((m) => membershipJson(store, m)),
                query,
              ),
            }
          : notFound('user'),
    },
    {
      method: 'GET',
      pattern: /^\/v1\/users\/([^/]+)\/organization_invitations$/,
      run: ({ query }) => ({ body: page([], query) }),
    },
    {
      method: 'POST',
      pattern: /^\/v1\/organizations$/,
      run: ({ body }) => {
        const now = Date.now();
        const name = String(body.name ?? 'Organization');
        const organization: Organization = {
          id: newId('org'),
          name,
          slug: typeof body.slug === 'string' ? body.slug : name.toLowerCase().replace(/\W+/g, '-'),
          publicMetadata: isRecord(body.public_metadata) ? body.public_metadata : {},
          createdAt: now,
          updatedAt: now,
        };
        store.organizations.set(organization.id, organization);
        if (typeof body.created_by === 'string' && store.users.has(body.created_by)) {
          const id = newId('orgmem');
          store.memberships.set(id, {
            id,
            userId: body.created_by,
            orgId: organization.id,
            role: 'org:admin',
            createdAt: now,
            updatedAt: now,
          });
        }
        return { body: backendOrganizationJson(store, organization) };
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/organizations\/([^/]+)$/,
      run: ({ params }) => {
        const found = organizationByIdOrSlug(store, params[0] ?? '');
        return found ? { body: backendOrganizationJson(store, found) } : notFound('organization');
      },
    },
    {
      method: 'PATCH',
      pattern: /^\/v1\/organizations\/([^/]+)\/metadata$/,
      run: ({ params, body }) => {
        const found = store.organizations.get(params[0] ?? '');
        if (!found) return notFound('organization');
        if (isRecord(body.public_metadata)) {
          found.publicMetadata = mergeMetadata(found.publicMetadata ?? {}, body.public_metadata);
          found.updatedAt = Date.now();
        }
        return { body: backendOrganizationJson(store, found) };
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/organizations\/([^/]+)\/memberships$/,
      run: ({ params, query }) => {
        const orgId = params[0] ?? '';
        if (!store.organizations.has(orgId)) return notFound('organization');
        const members = [...store.memberships.values()]
          .filter((m) => m.orgId === orgId)
          .sort((a, b) => a.createdAt - b.createdAt)
          .map((m) => membershipJson(store, m));
        return { body: page(members, query) };
      },
    },
    {
      method: 'POST',
      pattern: /^\/v1\/organizations\/([^/]+)\/memberships$/,
      run: ({ params, body }) => {
        const orgId = params[0] ?? '';
        const userId = String(body.user_id ?? '');
        if (!store.organizations.has(orgId)) return notFound('organization');
        if (!store.users.has(userId)) return notFound('user');
        const now = Date.now();
        const membership: Membership = store.membership(userId, orgId) ?? {
          id: newId('orgmem'),
          userId,
          orgId,
          role: String(body.role ?? 'org:member'),
          createdAt: now,
          updatedAt: now,
        };
        store.memberships.set(membership.id, membership);
        return { body: membershipJson(store, membership) };
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/organizations\/([^/]+)\/invitations$/,
      run: ({ query }) => ({ body: page([], query) }),
    },
  ];
}

/** `GET /v1/users/...` and the rest, as @clerk/backend sends them to `CLERK_API_URL`. */
export function createBackendHandler(
  store: Store,
  unhandled: string[],
): (request: FapiRequest) => FapiResponse {
  const routes = routesFor(store);
  return (request) => {
    const query = readQuery(request);
    const method = request.method.toUpperCase();
    const path = request.path.replace(/\/+$/, '');
    let body: Json = {};
    if (typeof request.body === 'string' && request.body !== '') {
      try {
        const parsed: unknown = JSON.parse(request.body);
        if (isRecord(parsed)) body = parsed;
      } catch {
        // Not JSON: the routes read nothing from it.
      }
    } else if (isRecord(request.body)) body = request.body;
    for (const route of routes) {
      const found = route.pattern.exec(path);
      if (!found || route.method !== method) continue;
      const answer = route.run({ params: found.slice(1), query, body });
      return {
        status: answer.status ?? 200,
        headers: { 'content-type': 'application/json' },
        body: answer.body,
      };
    }
    unhandled.push(`backend ${method} ${path}`);
    return {
      status: 404,
      headers: { 'content-type': 'application/json' },
      body: errorBody({ code: 'resource_not_found', message: `no stub for ${path}` }),
    };
  };
}
