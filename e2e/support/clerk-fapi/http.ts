// The transport-neutral shapes the handler speaks, and the bits of HTTP it needs to read.

export type FapiRequest = {
  method: string;
  /** `/v1/...`, the proxy prefix already removed. */
  path: string;
  query?: URLSearchParams | Record<string, string>;
  headers?: Record<string, string | undefined>;
  /** clerk-js sends forms (`application/x-www-form-urlencoded`); JSON and objects work too. */
  body?: string | Record<string, unknown> | null;
};

export type FapiResponse = {
  status: number;
  headers: Record<string, string>;
  body: unknown;
};

export type FormError = { code: string; message: string; longMessage?: string; param?: string };

/** Clerk's error envelope; clerk-js shows `long_message` next to the field named in `meta`. */
export function errorBody(error: FormError) {
  return {
    errors: [
      {
        code: error.code,
        message: error.message,
        long_message: error.longMessage ?? error.message,
        meta: error.param ? { param_name: error.param } : {},
      },
    ],
  };
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

export function readBody(request: FapiRequest): Record<string, string> {
  const { body } = request;
  if (!body) return {};
  if (typeof body === 'object') {
    return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, String(value)]));
  }
  const type = request.headers?.['content-type'] ?? '';
  if (type.includes('json')) return readBody({ ...request, body: JSON.parse(body) });
  return Object.fromEntries(new URLSearchParams(body));
}

export function readQuery(request: FapiRequest): URLSearchParams {
  const { query } = request;
  return query instanceof URLSearchParams ? query : new URLSearchParams(query ?? {});
}

/** Header names in lower case, whichever way the adapter delivered them. */
export function lowerCaseHeaders(headers: FapiRequest['headers']): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) result[key.toLowerCase()] = value;
  }
  return result;
}
