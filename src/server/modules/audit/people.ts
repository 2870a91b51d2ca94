import type { AuditPerson } from '../../../contract/audit.ts';
import type { IdentityProvider, IdentityUser } from '../../identity/port.ts';

/**
 * Who the user ids of the audit log are, read through the identity port with a small cache.
 *
 * The log keeps ids (they never change and cannot be forged by renaming an account); people know
 * each other by email and name. A page of the log names a handful of admins, again and again, so
 * each id is read from the provider once a minute at most (with Clerk, one API call per id). A
 * user the provider no longer knows is remembered as unknown for the same time. A provider that
 * fails is not remembered: the page shows the ids, and the next page asks again.
 */
export type PeopleDirectory = {
  /** The person behind each id, or null when the provider does not know it (or failed). */
  lookUp(userIds: Iterable<string>): Promise<Map<string, AuditPerson | null>>;
};

export type PeopleDirectoryOptions = {
  /** How long an answer is kept. Default one minute. */
  ttlMs?: number;
  /** The most ids kept; the oldest goes first. Default 1,000. */
  maxEntries?: number;
  now?: () => number;
};

export function personOf(user: IdentityUser): AuditPerson {
  const name = [user.firstName, user.lastName]
    .filter((part) => part && part.trim() !== '')
    .join(' ');
  return { email: user.email, name: name || null };
}

export function createPeopleDirectory(
  users: Pick<IdentityProvider['users'], 'get'>,
  { ttlMs = 60_000, maxEntries = 1_000, now = Date.now }: PeopleDirectoryOptions = {},
): PeopleDirectory {
  const cache = new Map<string, { person: AuditPerson | null; expires: number }>();

  function remember(id: string, person: AuditPerson | null) {
    cache.delete(id);
    cache.set(id, { person, expires: now() + ttlMs });
    while (cache.size > maxEntries) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
  }

  return {
    async lookUp(userIds) {
      const found = new Map<string, AuditPerson | null>();
      const missing: string[] = [];
      for (const id of new Set(userIds)) {
        const kept = cache.get(id);
        if (kept && kept.expires > now()) found.set(id, kept.person);
        else missing.push(id);
      }
      await Promise.all(
        missing.map(async (id) => {
          try {
            const user = await users.get(id);
            const person = user ? personOf(user) : null;
            remember(id, person);
            found.set(id, person);
          } catch {
            found.set(id, null);
          }
        }),
      );
      return found;
    },
  };
}

/** `cli:<login>` actors are people at the server's command line, not users of the provider. */
export const CLI_ACTOR_PREFIX = 'cli:';

/** `user:<id>` targets name an account. */
export const USER_TARGET_PREFIX = 'user:';

export function isUserActor(actor: string): boolean {
  return !actor.startsWith(CLI_ACTOR_PREFIX);
}
