import type { IdentityProvider, Role } from './port.ts';
import { roleOf } from './port.ts';

export type Authority = { role: Role; banned: boolean; email: string };

const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * The authoritative role of each user, read through the port and kept a few seconds so that a
 * burst of requests costs one look-up. Changes made here invalidate at once; changes made
 * elsewhere arrive as `user.updated` events (or the entry simply expires).
 */
export class AuthorityCache {
  readonly #provider: IdentityProvider;
  readonly #entries = new Map<string, { value: Authority | null; until: number }>();
  readonly #inFlight = new Map<string, Promise<Authority | null>>();

  constructor(provider: IdentityProvider) {
    this.#provider = provider;
  }

  async get(userId: string): Promise<Authority | null> {
    const cached = this.#entries.get(userId);
    if (cached && cached.until > Date.now()) return cached.value;
    const pending = this.#inFlight.get(userId);
    if (pending) return pending;
    const lookup = this.#provider.users
      .get(userId)
      .then((user) => {
        const value = user
          ? { role: roleOf(user.publicMetadata), banned: user.banned, email: user.email }
          : null;
        if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
        this.#entries.set(userId, { value, until: Date.now() + TTL_MS });
        return value;
      })
      .finally(() => this.#inFlight.delete(userId));
    this.#inFlight.set(userId, lookup);
    return lookup;
  }

  invalidate(userId: string): void {
    this.#entries.delete(userId);
  }
}
