// The client, its sessions and tokens, the active organization, and the signed-in user's lists.
import { type Context, notFound, type Route, signedOut } from './context.ts';
import type { Session } from './state.ts';

/** A session of the requesting client that is still active; others are refused. */
function ownSession(context: Context): Session | undefined {
  const session = context.store.sessions.get(context.params[0] ?? '');
  if (session?.status !== 'active' || session.clientId !== context.client?.id) {
    return undefined;
  }
  return session;
}

function endSessions(context: Context, sessions: Session[]) {
  for (const session of sessions) session.status = 'ended';
  const { client } = context;
  if (client && sessions.some((session) => session.id === client.lastActiveSessionId)) {
    client.lastActiveSessionId = null;
    client.updatedAt = Date.now();
  }
}

function page(context: Context, items: unknown[]) {
  const offset = Number(context.query.get('offset') ?? 0);
  const limit = Number(context.query.get('limit') ?? 10);
  return { data: items.slice(offset, offset + limit), total_count: items.length };
}

export const sessionRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/client',
    run: (context) => ({ response: context.json.client(context.client) }),
  },
  {
    method: 'DELETE',
    pattern: '/v1/client',
    run(context) {
      const { client } = context;
      if (client) {
        endSessions(context, context.store.sessionsOf(client.id));
        context.store.clients.delete(client.id);
        context.client = undefined;
      }
      return { response: null, clearCookie: true };
    },
  },
  {
    method: 'DELETE',
    pattern: '/v1/client/sessions',
    run(context) {
      if (context.client) endSessions(context, context.store.sessionsOf(context.client.id));
      return { response: context.json.client(context.client) };
    },
  },
  {
    method: 'GET',
    pattern: '/v1/client/sessions/:id',
    run(context) {
      const session = ownSession(context);
      return session ? { response: context.json.session(session) } : signedOut();
    },
  },
  ...['end', 'remove'].map(
    (action): Route => ({
      method: 'POST',
      pattern: `/v1/client/sessions/:id/${action}`,
      run(context) {
        const session = ownSession(context);
        if (!session) return signedOut();
        endSessions(context, [session]);
        return { response: context.json.session(session) };
      },
    }),
  ),
  {
    method: 'POST',
    pattern: '/v1/client/sessions/:id/touch',
    run(context) {
      const session = ownSession(context);
      if (!session) return signedOut();
      const orgId = context.body.active_organization_id;
      if (orgId !== undefined) {
        if (orgId && !context.store.membership(session.userId, orgId)) {
          return notFound('organization membership');
        }
        session.activeOrgId = orgId || null;
      }
      session.updatedAt = Date.now();
      return { response: context.json.session(session) };
    },
  },
  {
    method: 'POST',
    pattern: '/v1/client/sessions/:id/tokens',
    run(context) {
      const session = ownSession(context);
      if (!session) return signedOut();
      // clerk-js may ask for a token of another organization than the active one ('' = none).
      const requested = context.body.organization_id;
      if (requested && !context.store.membership(session.userId, requested)) {
        return notFound('organization membership');
      }
      const orgId = requested === undefined ? undefined : requested || null;
      return { plain: { object: 'token', jwt: context.mint(session, orgId) } };
    },
  },
  {
    method: 'GET',
    pattern: '/v1/me',
    run(context) {
      const session = context.currentSession();
      const user = session && context.store.users.get(session.userId);
      return user ? { response: context.json.user(user) } : signedOut();
    },
  },
  {
    method: 'GET',
    pattern: '/v1/me/organization_memberships',
    run(context) {
      const session = context.currentSession();
      if (!session) return signedOut();
      const memberships = context.store.membershipsOf(session.userId).map(context.json.membership);
      return { response: page(context, memberships) };
    },
  },
  // Invitations and suggestions exist in Clerk; here there are never any.
  ...['organization_invitations', 'organization_suggestions'].map(
    (list): Route => ({
      method: 'GET',
      pattern: `/v1/me/${list}`,
      run: (context) => (context.currentSession() ? { response: page(context, []) } : signedOut()),
    }),
  ),
];
