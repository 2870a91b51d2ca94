import { ApiRequestError } from './api-client.ts';

/**
 * A query's `retry`: once more after a failure of the network or the server, never after a
 * refusal (4xx), which asking again would only repeat.
 */
export function noRetryOnRefusal(failures: number, error: Error): boolean {
  return (
    failures < 2 && !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500)
  );
}
