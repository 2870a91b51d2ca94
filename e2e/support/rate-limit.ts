import type { Page } from '@playwright/test';

/** Stands in for the server's rate limit on the requests `url` matches: 429, with Retry-After. */
export function answerTooManyRequests(
  page: Page,
  url: string,
  retryAfterSeconds: number,
  message = 'Too many requests',
) {
  return page.route(url, (route) =>
    route.fulfill({
      status: 429,
      headers: { 'Retry-After': String(retryAfterSeconds) },
      json: { error: 'too_many_requests', message, requestId: 'r' },
    }),
  );
}
