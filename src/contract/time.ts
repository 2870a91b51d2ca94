import { z } from 'zod';

/**
 * Instants callers send, bounded to 1970-01-01T00:00:00Z … 9999-12-31T23:59:59.999Z.
 *
 * ISO 8601 itself admits year 0000 (which PostgreSQL has no word for: SQLSTATE 22008) and, with
 * JavaScript's `Date`, anything to year ±275760; PostgreSQL stops at 4713 BC and 294276 AD. Nothing
 * this platform records predates the Unix epoch (every row is made by the platform itself, and a
 * filter "from the beginning" is 1970), and four-digit years are what ISO 8601 promises without
 * agreement; inside these bounds JavaScript and both databases read every instant alike.
 */
export const EARLIEST_INSTANT = new Date('1970-01-01T00:00:00.000Z');
export const LATEST_INSTANT = new Date('9999-12-31T23:59:59.999Z');

const RANGE_MESSAGE = 'must be between 1970-01-01 and 9999-12-31';

function inRange(value: string): boolean {
  const time = Date.parse(value);
  return (
    Number.isFinite(time) && time >= EARLIEST_INSTANT.getTime() && time <= LATEST_INSTANT.getTime()
  );
}

/**
 * An ISO 8601 date-time, bounded (see above). In documents the server writes (backups) it is UTC
 * with `Z`, as the server writes it; `offset: true` also accepts `+02:00` (query parameters typed
 * by people).
 */
export function isoDateTime({ offset = false }: { offset?: boolean } = {}) {
  return z.iso
    .datetime({ offset })
    .refine(inRange, { message: RANGE_MESSAGE, when: (payload) => payload.issues.length === 0 });
}

/** A bounded instant in a query string: `2026-01-31T00:00:00Z` or with an offset. */
export const isoDateTimeQuerySchema = isoDateTime({ offset: true });
