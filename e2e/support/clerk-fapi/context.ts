// What each route gets to work with, and what it answers; handler.ts turns answers into HTTP.
import type { FormError } from './http.ts';
import type { Serializer } from './json.ts';
import type { Client, Session, Store } from './state.ts';

export type Context = {
  store: Store;
  json: Serializer;
  /** The `:id`s of the route pattern, in order. */
  params: string[];
  body: Record<string, string>;
  query: URLSearchParams;
  /** The client named by the `__client` cookie, if any. */
  client: Client | undefined;
  /** The cookie's client, or a new one (whose cookie the answer then sets). */
  ensureClient(): Client;
  /** The session clerk-js names in `_clerk_session_id`, else the client's last active one. */
  currentSession(): Session | undefined;
  /** `orgId` undefined: the session's active organization. */
  mint(session: Session, orgId?: string | null): string;
  sendEmailCode(email: string): void;
  environment(): unknown;
};

export type Answer =
  /** Wrapped as `{ response, client }`, the client as it is after the route ran. */
  | { response: unknown; status?: number; clearCookie?: boolean }
  /** Sent as it is. */
  | { plain: unknown; status?: number }
  | { error: FormError; status: number };

export type Route = {
  method: string;
  /** e.g. `/v1/client/sign_ins/:id/attempt_first_factor` */
  pattern: string;
  run(context: Context): Answer;
};

export function notFound(what: string): Answer {
  return {
    status: 404,
    error: { code: 'resource_not_found', message: `${what} not found` },
  };
}

/** What FAPI answers when the client has no (such) signed-in session: clerk-js then signs out. */
export function signedOut(): Answer {
  return {
    status: 401,
    error: { code: 'signed_out', message: 'Signed out', longMessage: 'This session has ended.' },
  };
}
