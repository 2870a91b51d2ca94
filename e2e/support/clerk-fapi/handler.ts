// One function from request to response, so the same stub serves Playwright's routing and a plain
// HTTP server. Unknown routes answer 404 and are kept in `unhandled` for tests to fail on.
import type { Answer, Context, Route } from './context.ts';
import {
  errorBody,
  type FapiRequest,
  type FapiResponse,
  lowerCaseHeaders,
  readBody,
  readCookie,
  readQuery,
} from './http.ts';
import type { Serializer } from './json.ts';
import { sessionRoutes } from './sessions.ts';
import { signInRoutes } from './sign-in.ts';
import { signUpRoutes } from './sign-up.ts';
import type { Session, Store } from './state.ts';

export type Call = { method: string; path: string; route: string | null; status: number };

export type HandlerDeps = {
  store: Store;
  json: Serializer;
  mint(session: Session, orgId?: string | null): string;
  sendEmailCode(email: string): void;
  environment(): unknown;
  calls: Call[];
  unhandled: string[];
};

export const CLIENT_COOKIE = '__client';

type Compiled = Route & { regex: RegExp };

const routes: Compiled[] = [
  // clerk-js PATCHes the environment to "touch" it; the answer is the same.
  ...['GET', 'PATCH'].map(
    (method): Route => ({
      method,
      pattern: '/v1/environment',
      run: (context) => ({ plain: context.environment() }),
    }),
  ),
  ...signInRoutes,
  ...signUpRoutes,
  ...sessionRoutes,
].map((route) => ({
  ...route,
  regex: new RegExp(`^${route.pattern.replaceAll(':id', '([^/]+)')}$`),
}));

function match(method: string, path: string) {
  for (const route of routes) {
    const found = route.regex.exec(path);
    if (found && route.method === method) return { route, params: found.slice(1) };
  }
  return undefined;
}

export function createHandler(deps: HandlerDeps): (request: FapiRequest) => FapiResponse {
  const { store } = deps;
  return (request) => {
    const query = readQuery(request);
    // clerk-js sends PATCH and DELETE as POST with `_method`, to stay a "simple" request.
    const method = (query.get('_method') ?? request.method).toUpperCase();
    const path = request.path.replace(/\/+$/, '');
    const headers = lowerCaseHeaders(request.headers);
    const found = match(method, path);
    const record = (route: string | null, status: number) =>
      deps.calls.push({ method, path, route, status });
    if (!found) {
      deps.unhandled.push(`${method} ${path}`);
      record(null, 404);
      return json(404, errorBody({ code: 'resource_not_found', message: `no stub for ${path}` }));
    }
    let setCookie: string | undefined;
    const context: Context = {
      store,
      json: deps.json,
      params: found.params,
      body: readBody({ ...request, headers }),
      query,
      client: store.clientByToken(readCookie(headers.cookie, CLIENT_COOKIE)),
      ensureClient() {
        if (!context.client) {
          context.client = store.createClient();
          setCookie = `${CLIENT_COOKIE}=${context.client.token}; Path=/; HttpOnly; SameSite=Lax`;
        }
        return context.client;
      },
      currentSession() {
        const client = context.client;
        if (!client) return undefined;
        const id = query.get('_clerk_session_id') ?? client.lastActiveSessionId;
        const session = id ? store.sessions.get(id) : undefined;
        return session?.clientId === client.id && session.status === 'active' ? session : undefined;
      },
      mint: deps.mint,
      sendEmailCode: deps.sendEmailCode,
      environment: deps.environment,
    };
    let answer: Answer;
    try {
      answer = found.route.run(context);
    } catch (error) {
      // A bug in the stub, not an answer Clerk would give: make it loud.
      deps.unhandled.push(`${method} ${path}: ${String(error)}`);
      answer = { status: 500, error: { code: 'stub_error', message: String(error) } };
    }
    const response = toResponse(answer, context);
    if (setCookie) response.headers['set-cookie'] = setCookie;
    if ('clearCookie' in answer && answer.clearCookie) {
      response.headers['set-cookie'] =
        `${CLIENT_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`;
    }
    record(found.route.pattern, response.status);
    return response;
  };
}

function json(status: number, body: unknown): FapiResponse {
  return { status, headers: { 'content-type': 'application/json' }, body };
}

function toResponse(answer: Answer, context: Context): FapiResponse {
  if ('error' in answer) return json(answer.status, errorBody(answer.error));
  if ('plain' in answer) return json(answer.status ?? 200, answer.plain);
  // Every answer carries the client as it now is: clerk-js updates its state from it.
  return json(answer.status ?? 200, {
    response: answer.response,
    client: context.json.client(context.client),
  });
}
