import { webAuth } from '../auth/web-auth.ts';
import {
  ApiRequestError,
  errorFromResponse,
  SESSION_REFRESH_HEADER,
  sessionRefreshRequired,
} from './api-client.ts';

/*
 * A multipart upload with progress. `fetch` reports no upload progress, so this one request goes
 * through XMLHttpRequest, sent the way `apiRequest` sends every other (lib/api-client.ts): the
 * bearer token, once more with a fresh token after a 401, the stale-role header heeded, and
 * errors read into the same `ApiRequestError` (the answer is turned into a `Response` for that).
 */

export type UploadProgress = { loaded: number; total: number };

/** `getAllResponseHeaders()` text (`name: value` lines) as `Headers`. */
export function headersFromText(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.split(/\r?\n/)) {
    const split = line.indexOf(':');
    if (split <= 0) continue;
    try {
      headers.append(line.slice(0, split).trim(), line.slice(split + 1).trim());
    } catch {
      // A header a browser would not build a `Headers` with: nothing this app reads.
    }
  }
  return headers;
}

type Answer = { status: number; body: string; headers: Headers };

function send(
  path: string,
  body: FormData,
  token: string,
  onProgress: (progress: UploadProgress) => void,
  signal: AbortSignal | undefined,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
    };
    xhr.onload = () =>
      resolve({
        status: xhr.status,
        body: xhr.responseText,
        headers: headersFromText(xhr.getAllResponseHeaders()),
      });
    xhr.onerror = () =>
      reject(
        new ApiRequestError({
          status: 0,
          code: 'network_error',
          message: 'The server could not be reached. Check your connection and try again.',
        }),
      );
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    if (signal?.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
      return;
    }
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/** Sends `body` to `path` (a `/api/v1` POST), reporting the bytes sent; resolves to the JSON answer. */
export async function uploadWithProgress<T>(
  path: `/api/v1/${string}`,
  body: FormData,
  options: { onProgress: (progress: UploadProgress) => void; signal?: AbortSignal },
): Promise<T> {
  const signedOut = () =>
    new ApiRequestError({ status: 401, code: 'unauthorized', message: 'Sign in to continue.' });
  const token = await webAuth().getToken();
  if (!token) throw signedOut();
  let answer = await send(path, body, token, options.onProgress, options.signal);
  if (answer.status === 401) {
    // The token may have ended early (keys rotated, clock skew): once more with a fresh one.
    const renewed = await webAuth().getToken({ renew: true });
    if (!renewed) throw signedOut();
    answer = await send(path, body, renewed, options.onProgress, options.signal);
  }
  if (answer.headers.get(SESSION_REFRESH_HEADER) === 'true') sessionRefreshRequired();
  if (answer.status < 200 || answer.status >= 300) {
    // A status `Response` cannot carry (a proxy's odd answer) is read as a server failure.
    const status = answer.status >= 200 && answer.status <= 599 ? answer.status : 502;
    throw await errorFromResponse(new Response(answer.body, { status, headers: answer.headers }));
  }
  return JSON.parse(answer.body) as T;
}
