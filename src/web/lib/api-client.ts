import type { ApiError } from '../../contract/errors.ts';
import { webAuth } from '../auth/web-auth.ts';

/**
 * The one way the web app talks to the server.
 *
 * - `/api/auth/*` (the embedded identity provider) works with the session cookie: `authRequest`.
 * - `/api/v1/*` accepts only `Authorization: Bearer <jwt>`: `apiRequest` gets a short-lived token
 *   from the installed sign-in (`webAuth()`: the embedded provider's or Clerk's).
 * - An answer carrying `X-Session-Refresh-Required: true` means the token's role claim is stale
 *   (seed 001 §4): listeners registered with `onSessionRefreshRequired` renew the token and re-read
 *   the user. No page reload.
 */

export const SESSION_REFRESH_HEADER = 'X-Session-Refresh-Required';

export type ValidationIssue = { path: string; message: string };

/** A request the server answered with an error (or that could not reach it: status 0). */
export class ApiRequestError extends Error {
  readonly status: number;
  /** `error` of an API answer (`validation_failed`), `code` of an identity answer (`USER_ALREADY_EXISTS`). */
  readonly code: string;
  readonly requestId: string | undefined;
  readonly issues: ValidationIssue[];
  /** From a 429's (or 503's) `Retry-After`: how many seconds to wait before asking again. */
  readonly retryAfterSeconds: number | undefined;
  /** A 409's `existing`: what is there already (the open coaching interest), for the page to show. */
  readonly existing: unknown;

  constructor(input: {
    status: number;
    code: string;
    message: string;
    requestId?: string | undefined;
    issues?: ValidationIssue[] | undefined;
    retryAfterSeconds?: number | undefined;
    existing?: unknown;
  }) {
    super(input.message);
    this.name = 'ApiRequestError';
    this.status = input.status;
    this.code = input.code;
    this.requestId = input.requestId;
    this.issues = input.issues ?? [];
    this.retryAfterSeconds = input.retryAfterSeconds;
    this.existing = input.existing;
  }
}

/** `Retry-After` is either a number of seconds or an HTTP date; either way, seconds from now. */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number.parseInt(trimmed, 10);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** An error's message for a person, with the request id to quote when the server gave one. */
export function describeError(error: Error): string {
  if (error instanceof ApiRequestError && error.requestId) {
    return `${error.message} (request ${error.requestId})`;
  }
  return error.message;
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'Sign in to continue.';
  if (status === 403) return 'You are not allowed to do this.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many attempts. Wait a minute and try again.';
  if (status >= 500) return 'The server ran into a problem. Try again in a moment.';
  return `The server answered ${status}.`;
}

/** Reads either error shape (`ApiError` of `/api/v1`, `{ code, message }` of `/api/auth`). */
export async function errorFromResponse(response: Response): Promise<ApiRequestError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page, an empty body): the status says enough.
  }
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Partial<ApiError> & {
    code?: unknown;
  };
  const code =
    (typeof fields.error === 'string' && fields.error) ||
    (typeof fields.code === 'string' && fields.code) ||
    `http_${response.status}`;
  const message =
    typeof fields.message === 'string' && fields.message.trim() !== ''
      ? fields.message
      : fallbackMessage(response.status);
  return new ApiRequestError({
    status: response.status,
    code,
    message,
    requestId:
      (typeof fields.requestId === 'string' ? fields.requestId : undefined) ??
      response.headers.get('X-Request-Id') ??
      undefined,
    issues: Array.isArray(fields.issues) ? fields.issues : undefined,
    retryAfterSeconds: parseRetryAfter(response.headers.get('Retry-After')),
    existing: fields.existing,
  });
}

function networkError(error: unknown): ApiRequestError {
  return new ApiRequestError({
    status: 0,
    code: 'network_error',
    message: 'The server could not be reached. Check your connection and try again.',
    issues: error instanceof Error ? [{ path: '', message: error.message }] : undefined,
  });
}

async function send(input: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError(error);
  }
}

function jsonInit(method: string, body: unknown, signal?: AbortSignal): RequestInit {
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (signal) init.signal = signal;
  return init;
}

/* ------------------------------------------------------------------------------------------ */
/* The identity provider: cookie session                                                       */
/* ------------------------------------------------------------------------------------------ */

/** A call to the embedded identity provider (`/api/auth/*`), which works with the cookie. */
export async function authRequest<T>(
  path: `/api/auth/${string}`,
  options: { method?: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const response = await send(path, jsonInit(method, options.body, options.signal));
  if (!response.ok) throw await errorFromResponse(response);
  const text = await response.text();
  return (text === '' ? null : JSON.parse(text)) as T;
}

/* ------------------------------------------------------------------------------------------ */
/* Stale role claims                                                                           */
/* ------------------------------------------------------------------------------------------ */

type RefreshListener = () => void;
const refreshListeners = new Set<RefreshListener>();

/** Called when an answer says the token's role claim is stale. Returns the unsubscribe function. */
export function onSessionRefreshRequired(listener: RefreshListener): () => void {
  refreshListeners.add(listener);
  return () => {
    refreshListeners.delete(listener);
  };
}

/** Tells the listeners; exported for requests sent without `fetch` (an upload with progress). */
export function sessionRefreshRequired(): void {
  for (const listener of refreshListeners) listener();
}

/* ------------------------------------------------------------------------------------------ */
/* The JSON API: bearer token                                                                  */
/* ------------------------------------------------------------------------------------------ */

export type ApiRequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is with its own content type instead of `body` (a CSV file for an import). */
  rawBody?: { contentType: string; content: string };
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
};

export function withQuery(path: string, query: ApiRequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

const signedOutError = () =>
  new ApiRequestError({ status: 401, code: 'unauthorized', message: 'Sign in to continue.' });

function requestInit(options: ApiRequestOptions): RequestInit {
  const method = options.method ?? 'GET';
  if (!options.rawBody) return jsonInit(method, options.body, options.signal);
  const init = jsonInit(method, undefined, options.signal);
  (init.headers as Record<string, string>)['content-type'] = options.rawBody.contentType;
  init.body = options.rawBody.content;
  return init;
}

async function readJson<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/**
 * A call to a public endpoint of the JSON API (joining the waitlist): no token, so it works for a
 * visitor and never asks the identity provider for a session. Throws `ApiRequestError`.
 */
export async function publicApiRequest<T>(
  path: `/api/v1/${string}`,
  options: ApiRequestOptions = {},
): Promise<T> {
  const response = await send(withQuery(path, options.query), requestInit(options));
  if (!response.ok) throw await errorFromResponse(response);
  return readJson<T>(response);
}

/** Sends a request with the bearer token, once more with a fresh token after a 401. */
async function authorizedFetch(
  path: `/api/v1/${string}`,
  options: ApiRequestOptions,
): Promise<Response> {
  const url = withQuery(path, options.query);
  const attempt = async (token: string) => {
    const init = requestInit(options);
    (init.headers as Record<string, string>).authorization = `Bearer ${token}`;
    return send(url, init);
  };

  const token = await webAuth().getToken();
  if (!token) throw signedOutError();
  let response = await attempt(token);
  if (response.status === 401) {
    // The token may have ended early (keys rotated, clock skew): one more try with a fresh one.
    const renewed = await webAuth().getToken({ renew: true });
    if (!renewed) throw signedOutError();
    response = await attempt(renewed);
  }
  if (response.headers.get(SESSION_REFRESH_HEADER) === 'true') sessionRefreshRequired();
  if (!response.ok) throw await errorFromResponse(response);
  return response;
}

/** A call to the JSON API (`/api/v1/*`) with the bearer token; throws `ApiRequestError`. */
export async function apiRequest<T>(
  path: `/api/v1/${string}`,
  options: ApiRequestOptions = {},
): Promise<T> {
  return readJson<T>(await authorizedFetch(path, options));
}

/**
 * The same, with the answer's status: where it tells two outcomes apart (an invitation answered
 * 201 when it is new, 200 when an open one for that address was there already).
 */
export async function apiRequestWithStatus<T>(
  path: `/api/v1/${string}`,
  options: ApiRequestOptions = {},
): Promise<{ status: number; body: T }> {
  const response = await authorizedFetch(path, options);
  return { status: response.status, body: await readJson<T>(response) };
}

export type DownloadedFile = { blob: Blob; filename: string };

/** The `filename` of a `Content-Disposition: attachment; filename="…"` header, if it has one. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // Not valid percent-encoding: try the plain parameter.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  const name = (plain?.[2] ?? plain?.[1])?.trim();
  return name || null;
}

/**
 * A file the API serves only with the bearer token (an export, a backup), which a plain link
 * cannot send. The caller saves it (`saveFile`).
 */
export async function apiDownload(
  path: `/api/v1/${string}`,
  options: Pick<ApiRequestOptions, 'query' | 'signal'> & { fallbackFilename: string },
): Promise<DownloadedFile> {
  const response = await authorizedFetch(path, options);
  return {
    blob: await response.blob(),
    filename:
      filenameFromDisposition(response.headers.get('Content-Disposition')) ??
      options.fallbackFilename,
  };
}
