import type { IdentityProvider, IdentityUser, Role } from './port.ts';
import { roleOf } from './port.ts';

export type Authority = { role: Role; banned: boolean; email: string };

/** An authority, and the user it was read from when this look-up read one (a cache miss). */
export type AuthorityLookup = { authority: Authority | null; user?: IdentityUser };

const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

const authorityOf = (user: IdentityUser): Authority => ({
  role: roleOf(user.publicMetadata),
  banned: user.banned,
  email: user.email,
});

/**
 * The authoritative role of each user, read through the port and kept a few seconds so that a
 * burst of requests costs one look-up. Changes made here invalidate at once; changes made
 * elsewhere arrive as `user.updated` events (or the entry simply expires). A read that was under
 * way when an invalidation came is used once but not kept, so it cannot bring the old role back.
 */
export class AuthorityCache {
  readonly #provider: IdentityProvider;
  readonly #entries = new Map<string, { value: Authority | null; until: number }>();
  readonly #inFlight = new Map<string, Promise<AuthorityLookup>>();
  #invalidations = 0;

  constructor(provider: IdentityProvider) {
    this.#provider = provider;
  }

  async get(userId: string): Promise<Authority | null> {
    return (await this.lookup(userId)).authority;
  }

  /** Like `get`, also giving the user when it had to be read (so the caller need not read it again). */
  lookup(userId: string): Promise<AuthorityLookup> {
    const cached = this.#entries.get(userId);
    if (cached && cached.until > Date.now()) return Promise.resolve({ authority: cached.value });
    const pending = this.#inFlight.get(userId);
    if (pending) return pending;
    const since = this.#invalidations;
    const lookup = this.#provider.users
      .get(userId)
      .then((user): AuthorityLookup => {
        if (!user) {
          this.#keep(userId, null, since);
          return { authority: null };
        }
        return { authority: this.remember(user, since), user };
      })
      .finally(() => {
        if (this.#inFlight.get(userId) === lookup) this.#inFlight.delete(userId);
      });
    this.#inFlight.set(userId, lookup);
    return lookup;
  }

  /**
   * The authority of a user read elsewhere (with the session, in one query), kept as if looked up
   * here. `since` is `invalidations` from before that read started.
   */
  remember(user: IdentityUser, since: number): Authority {
    const value = authorityOf(user);
    this.#keep(user.id, value, since);
    return value;
  }

  /** Counts `invalidate` calls: take it before a read whose result goes to `remember`. */
  get invalidations(): number {
    return this.#invalidations;
  }

  invalidate(userId: string): void {
    this.#invalidations++;
    this.#entries.delete(userId);
    // Whoever asks from now on reads again rather than joining a read that began before.
    this.#inFlight.delete(userId);
  }

  #keep(userId: string, value: Authority | null, since: number): void {
    if (since !== this.#invalidations) return;
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
    this.#entries.set(userId, { value, until: Date.now() + TTL_MS });
  }
}
